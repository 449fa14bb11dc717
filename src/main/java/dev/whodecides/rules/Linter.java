package dev.whodecides.rules;

import dev.whodecides.catalog.Catalog;
import dev.whodecides.catalog.SourcePositions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Runs every built-in rule over a catalog, as the team's {@link Policy} configures them, lays its
 * waivers over the findings, and returns the findings in report order.
 */
public final class Linter {

  private Linter() {}

  public static LintResult lint(Catalog catalog, LintOptions options) {
    return lint(AnalysedCatalog.of(catalog, options), BuiltInRules.ALL);
  }

  public static LintResult lint(AnalysedCatalog analysis, List<Rule> rules) {
    Policy policy = analysis.options().policy();
    List<Finding> findings = Collections.synchronizedList(new ArrayList<>());
    Map<String, Long> millis = new ConcurrentSkipListMap<>();
    // Findings point at the field they are about; files are read again for positions only when asked.
    SourcePositions positions = new SourcePositions();
    List<Rule> running = rules.stream().filter(r -> policy.runs(r.descriptor().id())).toList();
    // Rules only read the analysis, so they run side by side.
    running.parallelStream().filter(r -> !(r instanceof WaiverRule)).forEach(rule -> {
      long start = System.nanoTime();
      rule.check(analysis, reporter(analysis, policy, rule, findings, positions));
      millis.put(rule.descriptor().id(), (System.nanoTime() - start) / 1_000_000);
    });
    Waivers waivers = Waivers.apply(new ArrayList<>(findings), policy.waivers(), policy.today());
    List<Finding> reported = new ArrayList<>(waivers.kept());
    for (Rule rule : running) {
      if (rule instanceof WaiverRule w) {
        w.check(waivers, reporter(analysis, policy, rule, reported, positions));
      }
    }
    reported.sort(Finding.ORDER);
    return new LintResult(analysis, List.copyOf(reported), List.copyOf(waivers.waived()), Map.copyOf(millis), null);
  }

  private static Reporter reporter(AnalysedCatalog analysis, Policy policy, Rule rule, List<Finding> sink,
      SourcePositions positions) {
    RuleDescriptor d = policy.apply(rule.descriptor());
    return new Reporter(d, d.evidence(analysis.knowledge()), sink::add, positions);
  }
}
