package dev.whodecides.web;

import dev.whodecides.catalog.Entity;
import dev.whodecides.release.ReleaseRecord;
import dev.whodecides.notify.Webhook;
import dev.whodecides.store.Delivery;
import dev.whodecides.store.Store;
import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.EntityRef;
import dev.whodecides.vocabulary.Kind;
import dev.whodecides.web.view.Model.Chrome;
import dev.whodecides.web.view.Model.FailedDelivery;
import dev.whodecides.web.view.Model.ProductRelease;
import dev.whodecides.web.view.Model.Releases;
import java.util.ArrayList;
import java.util.List;

/**
 * Releases: every product with its release owner and its latest ship-or-wait call, and the webhook
 * deliveries of calls that failed for a day and were given up.
 */
final class ReleasesPage {

  /** The newest failed webhook deliveries the page lists. */
  static final int FAILED_SHOWN = 50;

  private ReleasesPage() {}

  static Releases build(Analysis a, Store store, Chrome chrome, String q, int page) {
    String needle = Display.needle(q);
    List<Entity> products = a.catalog().ofKind(Kind.COMPONENT).stream().filter(e -> Display.matches(e, needle)).toList();
    Listing listing = Listing.of(page, Listing.PAGE_SIZE, products.size());
    List<ProductRelease> rows = new ArrayList<>();
    for (Entity e : listing.slice(products)) {
      EntityRef owner = a.ownership().owner(e.ref(), DecisionType.RELEASE);
      List<ReleaseRecord> latest = store.releases(e.ref().toString(), 1, 0);
      String call = latest.isEmpty() ? null : latest.get(0).decision() + " " + latest.get(0).version() + " on "
          + Display.WHEN.format(latest.get(0).recordedAt());
      rows.add(new ProductRelease(e.ref().toString(), Display.title(e), Links.entity(e.ref()), Links.releases(e.ref()),
          owner == null ? null : Display.name(a.catalog(), owner), owner == null ? null : Links.entity(owner), call));
    }
    List<FailedDelivery> failed = new ArrayList<>();
    for (Delivery d : store.deliveries(Delivery.FAILED, FAILED_SHOWN)) {
      EntityRef product = EntityRef.parse(d.product(), Kind.COMPONENT.id());
      failed.add(new FailedDelivery(d.eventId(), d.releaseId(), Display.name(a.catalog(), product),
          Links.releases(product) + "#r" + d.releaseId(), d.version(), Webhook.shown(d.url()), d.attempts(),
          d.lastAttemptAt() == null ? null : Display.WHEN.format(d.lastAttemptAt()), d.lastError()));
    }
    int pending = store.deliveryCounts().getOrDefault(Delivery.PENDING, 0);
    return new Releases(chrome, rows, listing.pager(n -> "/releases?" + Display.query("q", q) + "page=" + n), q,
        failed, pending);
  }
}
