package dev.whodecides.report;

import dev.whodecides.diff.Change;
import dev.whodecides.diff.DiffResult;
import java.util.List;

/**
 * {@code diff --format json}: {@code {"changes":[...],"summary":{...}}}, every field of a change
 * always present (null where it does not apply), changes in report order.
 */
public final class DiffJsonFormatter implements DiffFormatter {

  /** One change as the JSON contract gives it, fields in this order. */
  public record ChangeJson(String change, String entity, String decision, String before, String after, String rule,
      String file, int line, String message) {}

  /** The counts of the changes by kind. */
  public record SummaryJson(long gapsOpened, long gapsClosed, long ownersChanged, long findingsNew, long findingsFixed) {}

  /** The whole document. */
  public record DiffJson(List<ChangeJson> changes, SummaryJson summary) {}

  @Override
  public String format(DiffResult d) {
    List<ChangeJson> changes = d.changes().stream().map(c -> new ChangeJson(c.change(), c.entity(), c.decision(),
        c.before(), c.after(), c.rule(), c.file(), c.line(), c.message())).toList();
    return Json.write(new DiffJson(changes, new SummaryJson(d.count(Change.GAP_OPENED), d.count(Change.GAP_CLOSED),
        d.count(Change.OWNER_CHANGED), d.count(Change.FINDING_NEW), d.count(Change.FINDING_FIXED))));
  }
}
