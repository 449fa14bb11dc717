package dev.whodecides.report;

import dev.whodecides.diff.Change;
import dev.whodecides.diff.DiffResult;
import dev.whodecides.diff.PersonChange;

/**
 * {@code diff --format text}: one line per change ({@code file:line  change  entity  decision
 * message}), opened gaps first, the people whose change moved decisions, and a summary line.
 */
public final class DiffTextFormatter implements DiffFormatter {

  @Override
  public String format(DiffResult d) {
    StringBuilder out = new StringBuilder();
    for (Change c : d.changes()) {
      out.append(c.file()).append(':').append(c.line()).append("  ").append(String.format("%-13s", c.change()))
          .append("  ").append(c.entity() == null ? "-" : c.entity());
      if (c.decision() != null) {
        out.append("  ").append(c.decision());
      }
      if (c.rule() != null && c.change().startsWith("finding")) {
        out.append("  ").append(c.rule());
      }
      out.append("  ").append(c.message()).append('\n');
    }
    for (PersonChange p : d.people()) {
      out.append("person  ").append(p.person()).append(" (").append(p.name()).append("): ").append(p.what())
          .append("; holds ").append(String.join(", ", p.held())).append('\n');
    }
    if (!d.changes().isEmpty() || !d.people().isEmpty()) {
      out.append('\n');
    }
    out.append(d.base()).append(" → ").append(d.head()).append(": ")
        .append(d.count(Change.GAP_OPENED)).append(d.count(Change.GAP_OPENED) == 1 ? " gap opened, " : " gaps opened, ")
        .append(d.count(Change.GAP_CLOSED)).append(" closed, ")
        .append(d.count(Change.OWNER_CHANGED)).append(d.count(Change.OWNER_CHANGED) == 1 ? " owner changed, "
            : " owners changed, ")
        .append(d.count(Change.FINDING_NEW)).append(d.count(Change.FINDING_NEW) == 1 ? " new finding, " : " new findings, ")
        .append(d.count(Change.FINDING_FIXED)).append(" fixed").append('\n');
    return out.toString();
  }
}
