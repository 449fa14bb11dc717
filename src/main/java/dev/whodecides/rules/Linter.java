package dev.whodecides.rules;

import dev.whodecides.catalog.Catalog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Runs every built-in rule over a catalog and returns the findings in report order. */
public final class Linter {

  private Linter() {}

  public static LintResult lint(Catalog catalog, LintOptions options) {
    return lint(Analysis.of(catalog, options), BuiltInRules.ALL);
  }

  public static LintResult lint(Analysis analysis, List<Rule> rules) {
    List<Finding> findings = Collections.synchronizedList(new ArrayList<>());
    // Rules only read the analysis, so they run side by side.
    rules.parallelStream().forEach(rule -> {
      RuleDescriptor d = rule.descriptor();
      rule.check(analysis, new Reporter(d, analysis.knowledge().evidenceForRule(d.id()), findings::add));
    });
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort(Finding.ORDER);
    return new LintResult(analysis, List.copyOf(sorted));
  }
}
