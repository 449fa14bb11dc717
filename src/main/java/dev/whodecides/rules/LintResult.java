package dev.whodecides.rules;

import dev.whodecides.catalog.Catalog;
import java.util.List;
import java.util.Map;

/** The findings of one lint run and the analysis they came from. */
public record LintResult(AnalysedCatalog analysis, List<Finding> findings, Map<String, Long> ruleMillis) {

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

  /** True when some finding is at or above the threshold; null means never fail. */
  public boolean failsAt(Severity threshold) {
    return threshold != null && findings.stream().anyMatch(f -> f.severity().atLeast(threshold));
  }
}
