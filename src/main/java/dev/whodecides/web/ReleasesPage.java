package dev.whodecides.web;

import dev.whodecides.catalog.Entity;
import dev.whodecides.release.ReleaseRecord;
import dev.whodecides.store.Store;
import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.EntityRef;
import dev.whodecides.vocabulary.Kind;
import dev.whodecides.web.view.Model.Chrome;
import dev.whodecides.web.view.Model.ProductRelease;
import dev.whodecides.web.view.Model.Releases;
import java.util.ArrayList;
import java.util.List;

/** Releases: every product with its release owner and its latest ship-or-wait call. */
final class ReleasesPage {

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
    return new Releases(chrome, rows, listing.pager(n -> "/releases?" + Display.query("q", q) + "page=" + n), q);
  }
}
