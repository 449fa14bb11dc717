package dev.whodecides.rules;

import dev.whodecides.catalog.Catalog;
import java.util.List;
import java.util.Map;

/**
 * The findings of one lint run and the analysis they came from; the findings waivers accepted,
 * apart; and, when the run was compared with a baseline, which findings are new.
 */
public record LintResult(AnalysedCatalog analysis, List<Finding> findings, List<Waived> waived,
    Map<String, Long> ruleMillis, Baseline.Comparison baseline) {

  public LintResult(AnalysedCatalog analysis, List<Finding> findings, Map<String, Long> ruleMillis) {
    this(analysis, findings, List.of(), ruleMillis, null);
  }

  public Catalog catalog() {
    return analysis.catalog();
  }

  public long count(Severity s) {
    return findings.stream().filter(f -> f.severity() == s).count();
  }

  /** Entities counted in summaries: catalog entities plus data contracts. */
  public int entities() {
    return catalog().size() + catalog().contracts().size();
  }

  /** The same run compared with a baseline. */
  public LintResult against(Baseline b) {
    return new LintResult(analysis, findings, waived, ruleMillis, b.compare(findings, waived));
  }

  /** {@code "new"} or {@code "unchanged"} when compared with a baseline, null otherwise. */
  public String baselineState(Finding f) {
    return baseline == null ? null : baseline.stateOf(f);
  }

  /** Findings that count for the exit status: all of them, or only the new ones against a baseline. */
  public List<Finding> counted() {
    return baseline == null ? findings : findings.stream().filter(baseline::isNew).toList();
  }

  public long countBaseline(String state) {
    return baseline == null ? 0 : findings.stream().filter(f -> baseline.stateOf(f).equals(state)).count();
  }

  /** True when some counted finding is at or above the threshold; null means never fail. */
  public boolean failsAt(Severity threshold) {
    return threshold != null && counted().stream().anyMatch(f -> f.severity().atLeast(threshold));
  }
}
