package dev.whodecides.web;

import dev.whodecides.catalog.Entity;
import dev.whodecides.release.Bar;
import dev.whodecides.release.ReleaseRecord;
import dev.whodecides.store.Store;
import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.EntityRef;
import dev.whodecides.vocabulary.Kind;
import dev.whodecides.web.view.Model.Chrome;
import dev.whodecides.web.view.Model.MetricRow;
import dev.whodecides.web.view.Model.ProductReleases;
import dev.whodecides.web.view.Model.ReleaseEntry;
import dev.whodecides.web.view.Model.ReleaseForm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One product's release log, a page at a time, beside the form that records a call. */
final class ProductReleasesPage {

  /** Release records a page of the log shows. */
  static final int LOG_PAGE = 50;

  private ProductReleasesPage() {}

  /**
   * @param form the record form as it was left: empty, or what was typed when a submission was refused
   * @param notice what just happened (a call recorded), or null
   * @param error why the last submission was refused, or null
   */
  static ProductReleases build(Analysis a, Store store, Chrome chrome, Entity p, int page, ReleaseForm form,
      String csrf, String notice, String error) {
    EntityRef owner = a.ownership().owner(p.ref(), DecisionType.RELEASE);
    String ownerName = owner == null ? null : Display.name(a.catalog(), owner);
    String action = owner == null
        ? "Nobody holds the release decision for this product, so no call can be recorded until a Decision names an owner."
        : "Only " + ownerName + " can record a call here, with their own API token (whodecides token create).";
    String product = p.ref().toString();
    Listing listing = Listing.of(page, LOG_PAGE, store.releaseCount(product));
    List<ReleaseRecord> records = store.releases(product, listing.size(), listing.offset());
    Set<Long> superseded = store.superseded(product);
    List<ReleaseEntry> log = records.stream().map(r -> entry(a, r, superseded)).toList();
    return new ProductReleases(chrome, product, Display.title(p), Links.entity(p.ref()), ownerName,
        owner == null ? null : Links.entity(owner), action, log,
        listing.pager(n -> Links.releases(p.ref()) + "?page=" + n), Links.releases(p.ref()), form, csrf, notice, error);
  }

  /** One call of the log, each metric beside its bar. */
  static ReleaseEntry entry(Analysis a, ReleaseRecord r, Set<Long> superseded) {
    List<MetricRow> metrics = new ArrayList<>();
    Map<String, Bar> bars = new LinkedHashMap<>();
    for (Bar b : r.bar()) {
      bars.put(b.metric(), b);
    }
    Set<String> names = new LinkedHashSet<>(r.metrics().keySet());
    names.addAll(bars.keySet());
    for (String name : names) {
      Double v = r.metrics().get(name);
      Bar b = bars.get(name);
      metrics.add(new MetricRow(name, v == null ? "not measured" : Bar.number(v), b == null ? "" : b.expression(),
          b == null || (v != null && b.metBy(v))));
    }
    EntityRef by = EntityRef.parse(r.by(), Kind.USER.id());
    return new ReleaseEntry(r.id(), r.version(), r.decision(), Display.name(a.catalog(), by), Links.entity(by),
        Display.WHEN.format(r.recordedAt()), r.statement(), metrics, r.acceptedRisk(), r.rationale(),
        r.waitUntil() == null ? null : r.waitUntil().toString(), r.supersedes(), superseded.contains(r.id()));
  }
}
