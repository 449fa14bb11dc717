package dev.whodecides.rules;

import dev.whodecides.catalog.Catalog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/** Runs every built-in rule over a catalog and returns the findings in report order. */
public final class Linter {

  private Linter() {}

  public static LintResult lint(Catalog catalog, LintOptions options) {
    return lint(AnalysedCatalog.of(catalog, options), BuiltInRules.ALL);
  }

  public static LintResult lint(AnalysedCatalog analysis, List<Rule> rules) {
    List<Finding> findings = Collections.synchronizedList(new ArrayList<>());
    Map<String, Long> millis = new ConcurrentSkipListMap<>();
    // Rules only read the analysis, so they run side by side.
    rules.parallelStream().forEach(rule -> {
      long start = System.nanoTime();
      RuleDescriptor d = rule.descriptor();
      rule.check(analysis, new Reporter(d, analysis.knowledge().evidenceForRule(d.id()), findings::add));
      millis.put(d.id(), (System.nanoTime() - start) / 1_000_000);
    });
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort(Finding.ORDER);
    return new LintResult(analysis, List.copyOf(sorted), Map.copyOf(millis));
  }
}
