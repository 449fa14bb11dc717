package dev.whodecides.report;

import dev.whodecides.knowledge.Citation;
import dev.whodecides.rules.Baseline;
import dev.whodecides.rules.Finding;
import dev.whodecides.rules.LintResult;
import dev.whodecides.rules.Place;
import dev.whodecides.rules.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code --format markdown}: a report a person pastes into a pull request, grouped by rule. */
public final class MarkdownFormatter implements Formatter {

  /** How many findings of one rule are listed before the rest are only counted (unless {@code all}). */
  static final int SHOWN = 10;

  private final String docsBase;
  private final boolean all;

  public MarkdownFormatter(String docsBase) {
    this(docsBase, false);
  }

  /** {@code all}: list every finding of every rule instead of the first {@value #SHOWN}. */
  public MarkdownFormatter(String docsBase, boolean all) {
    this.docsBase = docsBase;
    this.all = all;
  }

  @Override
  public String format(LintResult r) {
    StringBuilder md = new StringBuilder("## whodecides: decision rights report\n\n");
    long e = r.count(Severity.ERROR);
    long w = r.count(Severity.WARNING);
    long i = r.count(Severity.INFO);
    String waived = r.waived().isEmpty() ? "" : "\n_" + r.waived().size() + (r.waived().size() == 1
        ? " finding is" : " findings are") + " waived in the configuration and not listed._\n";
    if (r.findings().isEmpty()) {
      md.append("✅ Every decision checked has an owner (").append(r.entities()).append(" entities in ")
          .append(r.catalog().files()).append(" files).\n").append(waived);
      return md.toString();
    }
    boolean baseline = r.baseline() != null;
    md.append("| errors | warnings | infos | entities | files |").append(baseline ? " new | unchanged | absent |" : "")
        .append("\n|---:|---:|---:|---:|---:|").append(baseline ? "---:|---:|---:|" : "").append('\n')
        .append("| ").append(e).append(" | ").append(w).append(" | ").append(i).append(" | ")
        .append(r.entities()).append(" | ").append(r.catalog().files()).append(" |");
    if (baseline) {
      md.append(' ').append(r.countBaseline(Baseline.NEW)).append(" | ").append(r.countBaseline(Baseline.UNCHANGED))
          .append(" | ").append(r.baseline().absent()).append(" |");
    }
    md.append('\n').append(waived);
    if (baseline) {
      md.append("\n_Compared with the baseline: only the ").append(r.countBaseline(Baseline.NEW))
          .append(" new findings count for the exit status; the others are marked (in baseline)._\n");
    }
    md.append('\n');
    Map<String, List<Finding>> byRule = r.findings().stream()
        .sorted((a, b) -> a.severity() != b.severity() ? a.severity().compareTo(b.severity()) : a.rule().compareTo(b.rule()))
        .collect(Collectors.groupingBy(Finding::rule, LinkedHashMap::new, Collectors.toList()));
    byRule.forEach((rule, findings) -> {
      Finding first = findings.get(0);
      md.append("### ").append(icon(first.severity())).append(" [`").append(rule).append("`](")
          .append(docsBase).append(rule).append(".md) · ").append(first.severity().id()).append(" · ")
          .append(findings.size()).append("\n\n");
      List<Finding> shown = all || findings.size() <= SHOWN ? findings : findings.subList(0, SHOWN);
      for (Finding f : shown) {
        md.append("- **`").append(f.file()).append(':').append(f.line()).append("`** ")
            .append(Baseline.UNCHANGED.equals(r.baselineState(f)) ? "_(in baseline)_ " : "")
            .append(escape(f.message()))
            .append("\n  - ");
        if (f.recommendation().role() != null) {
          md.append("**").append(f.recommendation().role()).append("**: ");
        }
        md.append(escape(f.recommendation().action())).append('\n');
        places(f, md);
      }
      if (shown.size() < findings.size()) {
        md.append("- … and ").append(findings.size() - shown.size()).append(" more `").append(rule)
            .append("` findings (`--all` lists every one; JSON and SARIF always do)\n");
      }
      List<Citation> evidence = first.evidence();
      md.append(evidence.isEmpty() ? "" : "\nEvidence: ");
      for (int k = 0; k < evidence.size(); k++) {
        Citation c = evidence.get(k);
        md.append(k == 0 ? "" : " · ").append('[').append(c.guest()).append(", ").append(escape(c.episode()))
            .append(' ').append(c.from()).append('–').append(c.to()).append("](").append(c.url()).append(')');
      }
      md.append("\n\n");
    });
    return md.toString();
  }

  /** The places that name a finding's subject, when there are several: the first few and how many more. */
  private static void places(Finding f, StringBuilder md) {
    List<Place> places = f.places();
    if (places.size() < 2) {
      return;
    }
    md.append("  - ").append(places.size()).append(" places name it: ");
    int shown = Math.min(TextFormatter.PLACES_SHOWN, places.size());
    for (int k = 0; k < shown; k++) {
      Place p = places.get(k);
      md.append(k == 0 ? "" : ", ").append('`').append(p.file()).append(':').append(p.line()).append("` ")
          .append(escape(p.entity()));
    }
    md.append(places.size() > shown ? " and " + (places.size() - shown) + " more" : "").append('\n');
  }

  private static String icon(Severity s) {
    return switch (s) {
      case ERROR -> "🔴";
      case WARNING -> "🟠";
      case INFO -> "🔵";
    };
  }

  private static String escape(String s) {
    return s.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
  }
}
