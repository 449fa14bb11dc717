package dev.whodecides.web;

import dev.whodecides.rules.BuiltInRules;
import dev.whodecides.rules.Finding;
import dev.whodecides.rules.RuleDescriptor;
import dev.whodecides.rules.Severity;
import dev.whodecides.rules.StaleDecision;
import dev.whodecides.store.Store;
import dev.whodecides.web.view.Model.Chrome;
import dev.whodecides.web.view.Model.Link;
import dev.whodecides.web.view.Model.Overview;
import dev.whodecides.web.view.Model.RuleCount;
import dev.whodecides.web.view.Model.TrendPoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The overview: counts, findings per rule, what the catalog holds, and the trend of lint runs. */
final class OverviewPage {

  /** How many lint runs the trend shows. */
  static final int TREND_RUNS = 40;

  /** The rule whose findings are the decisions due for re-confirmation, counted on their own tile. */
  static final String STALE = new StaleDecision().descriptor().id();

  private OverviewPage() {}

  static Overview build(Analysis a, Store store, Chrome chrome) {
    Map<String, Long> byRule = new LinkedHashMap<>();
    for (Finding f : a.lint().findings()) {
      byRule.merge(f.rule(), 1L, Long::sum);
    }
    List<RuleCount> rules = new ArrayList<>();
    for (RuleDescriptor d : BuiltInRules.descriptors()) {
      rules.add(new RuleCount(d.id(), d.summary(), d.severity().id(), byRule.getOrDefault(d.id(), 0L),
          "/findings?rule=" + Links.enc(d.id())));
    }
    rules.sort((x, y) -> x.count() != y.count() ? Long.compare(y.count(), x.count()) : x.rule().compareTo(y.rule()));
    List<Link> kinds = new ArrayList<>();
    a.catalog().kindCounts().forEach((kind, n) -> kinds.add(new Link(n + " " + kind, null)));
    List<TrendPoint> trend = store.lintRuns(TREND_RUNS).stream()
        .map(r -> new TrendPoint(Display.WHEN.format(r.recordedAt()), r.source(), r.errors(), r.warnings(), r.infos(),
            r.findings()))
        .toList();
    return new Overview(chrome, a.catalog().size(), a.catalog().files(), a.matrix().rows().size(), a.gapCells(),
        byRule.getOrDefault(STALE, 0L),
        a.lint().count(Severity.ERROR), a.lint().count(Severity.WARNING), a.lint().count(Severity.INFO), rules,
        trend.isEmpty() ? null : TrendCharts.of(trend), trend, kinds);
  }
}
