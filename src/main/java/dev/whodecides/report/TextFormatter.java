package dev.whodecides.report;

import dev.whodecides.knowledge.Citation;
import dev.whodecides.rules.Baseline;
import dev.whodecides.rules.Finding;
import dev.whodecides.rules.LintResult;
import dev.whodecides.rules.Place;
import dev.whodecides.rules.Severity;
import dev.whodecides.rules.Waived;
import dev.whodecides.rules.Waiver;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The default view: findings grouped by file, one line each ({@code line:col  severity  rule
 * message}), the recommendation indented below, each rule's evidence once at the end, and a
 * summary line. With {@link Evidence#FULL} the evidence stands under every finding instead. Colour
 * only when asked (the CLI asks on a terminal).
 */
public final class TextFormatter implements Formatter {

  /** Where the citations go: once per rule at the end, or under every finding. */
  public enum Evidence { SUMMARY, FULL }

  /** How many of the places that name a finding's subject are printed under it. */
  static final int PLACES_SHOWN = 5;

  /** How many findings of one rule are printed before the rest are only counted (unless {@code all}). */
  static final int SHOWN = 10;

  private final boolean color;
  private final Evidence evidence;
  private final boolean all;

  public TextFormatter(boolean color) {
    this(color, Evidence.SUMMARY);
  }

  public TextFormatter(boolean color, Evidence evidence) {
    this(color, evidence, false);
  }

  /** {@code all}: print every finding of every rule instead of the first {@value #SHOWN} of each. */
  public TextFormatter(boolean color, Evidence evidence, boolean all) {
    this.color = color;
    this.evidence = evidence;
    this.all = all;
  }

  @Override
  public String format(LintResult r) {
    StringBuilder out = new StringBuilder();
    String file = null;
    Map<String, Integer> perRule = new TreeMap<>();
    for (Finding f : r.findings()) {
      int seen = perRule.merge(f.rule(), 1, Integer::sum);
      if (!all && seen > SHOWN) {
        continue;
      }
      if (!Objects.equals(file, f.file())) {
        if (file != null) {
          out.append('\n');
        }
        file = f.file();
        out.append(paint("4", file)).append('\n');
      }
      String sev = String.format("%-7s", f.severity().id());
      String state = r.baselineState(f);
      out.append(String.format("  %-7s  ", f.line() + ":" + f.column()))
          .append(paint(colorOf(f.severity()), sev)).append("  ")
          .append(paint("2", f.rule())).append("  ")
          .append(Baseline.UNCHANGED.equals(state) ? "(in baseline) " : "")
          .append(f.message()).append('\n');
      String role = f.recommendation().role();
      out.append("           → ").append(role == null ? "" : paint("1", role) + ": ")
          .append(f.recommendation().action()).append('\n');
      places(f, out);
      if (evidence == Evidence.FULL) {
        for (Citation c : f.evidence()) {
          out.append("           evidence: ").append(c.label()).append("  ").append(paint("2", c.url())).append('\n');
        }
      }
    }
    if (!r.findings().isEmpty()) {
      out.append('\n');
    }
    perRule.forEach((rule, n) -> {
      if (!all && n > SHOWN) {
        out.append(rule).append(": ").append(SHOWN).append(" of ").append(n)
            .append(" findings shown; --all prints every one (JSON and SARIF always list them all)\n");
      }
    });
    if (evidence == Evidence.SUMMARY) {
      evidenceOncePerRule(r, out);
    }
    long e = r.count(Severity.ERROR);
    long w = r.count(Severity.WARNING);
    long i = r.count(Severity.INFO);
    long total = e + w + i;
    String counts = total + (total == 1 ? " finding" : " findings") + " (" + e + (e == 1 ? " error, " : " errors, ")
        + w + (w == 1 ? " warning, " : " warnings, ") + i + " info)";
    String line = (total == 0 ? "✔ no findings" : "✖ " + counts) + " in " + r.entities()
        + (r.entities() == 1 ? " entity from " : " entities from ")
        + r.catalog().files() + (r.catalog().files() == 1 ? " file" : " files");
    if (r.baseline() != null) {
      line += "; against the baseline " + r.countBaseline(Baseline.NEW) + " new, " + r.countBaseline(Baseline.UNCHANGED)
          + " unchanged, " + r.baseline().absent() + " absent";
    }
    if (!r.waived().isEmpty()) {
      line += "; " + r.waived().size() + " waived";
    }
    out.append(paint(total == 0 ? "32" : e > 0 ? "31" : "33", line)).append('\n');
    // One line per waiver in force, so every accepted finding stays in sight with who accepted it and until when.
    Map<Waiver, Long> perWaiver = r.waived().stream()
        .collect(Collectors.groupingBy(Waived::waiver, LinkedHashMap::new, Collectors.counting()));
    perWaiver.forEach((waiver, n) -> out.append("waived: ").append(waiver.file()).append(':').append(waiver.line()).append(':')
        .append(waiver.column()).append("  ").append(waiver.rule()).append("  ").append(waiver.entity()).append("  ")
        .append(n).append(n == 1 ? " finding" : " findings").append(" until ").append(waiver.until()).append(" by ")
        .append(waiver.by()).append(": ").append(waiver.reason()).append('\n'));
    return out.toString();
  }

  /** The places that name a finding's subject, when there are several: the first few and how many more. */
  private void places(Finding f, StringBuilder out) {
    List<Place> places = f.places();
    if (places.size() < 2) {
      return;
    }
    out.append("           ").append(places.size()).append(" places name it:\n");
    for (Place p : places.subList(0, Math.min(PLACES_SHOWN, places.size()))) {
      out.append("             ").append(p.where()).append("  ").append(p.field()).append(" of ").append(p.entity())
          .append('\n');
    }
    if (places.size() > PLACES_SHOWN) {
      out.append("             and ").append(places.size() - PLACES_SHOWN).append(" more (--format json lists every one)\n");
    }
  }

  /** Each rule's citations once, after the findings, with how many findings they stand behind. */
  private void evidenceOncePerRule(LintResult r, StringBuilder out) {
    Map<String, Set<Citation>> byRule = new TreeMap<>();
    Map<String, Integer> counts = new TreeMap<>();
    for (Finding f : r.findings()) {
      if (!f.evidence().isEmpty()) {
        byRule.computeIfAbsent(f.rule(), k -> new LinkedHashSet<>()).addAll(f.evidence());
        counts.merge(f.rule(), 1, Integer::sum);
      }
    }
    if (byRule.isEmpty()) {
      return;
    }
    out.append("evidence, once per rule (--evidence full puts it under every finding):\n");
    byRule.forEach((rule, citations) -> {
      int n = counts.get(rule);
      out.append("  ").append(paint("2", rule)).append(" (").append(n).append(n == 1 ? " finding" : " findings")
          .append(")\n");
      for (Citation c : citations) {
        out.append("    ").append(c.label()).append("  ").append(paint("2", c.url())).append('\n');
      }
    });
    out.append('\n');
  }

  private static String colorOf(Severity s) {
    return switch (s) {
      case ERROR -> "31";
      case WARNING -> "33";
      case INFO -> "36";
    };
  }

  private String paint(String code, String s) {
    return color ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
  }
}
