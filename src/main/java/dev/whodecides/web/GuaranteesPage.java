package dev.whodecides.web;

import dev.whodecides.catalog.DataContract;
import dev.whodecides.catalog.Entity;
import dev.whodecides.store.Store;
import dev.whodecides.store.Verification;
import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.EntityRef;
import dev.whodecides.vocabulary.Kind;
import dev.whodecides.web.view.Model.Chrome;
import dev.whodecides.web.view.Model.ContractRow;
import dev.whodecides.web.view.Model.Guarantees;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Guarantees: every data contract, the product it is about, its guarantees owner and its last verification. */
final class GuaranteesPage {

  private GuaranteesPage() {}

  static Guarantees build(Analysis a, Store store, Chrome chrome, String q, int page) {
    String needle = Display.needle(q);
    Map<DataContract, Entity> products = contractProducts(a);
    List<DataContract> matching = a.catalog().contracts().stream()
        .filter(c -> needle.isEmpty()
            || Display.contains(String.join(" ", String.valueOf(c.label()), String.valueOf(c.name()),
                String.valueOf(c.dataProduct()), c.file()), needle)
            || (products.containsKey(c) && Display.contains(Display.title(products.get(c)), needle)))
        .toList();
    Listing listing = Listing.of(page, Listing.PAGE_SIZE, matching.size());
    Map<String, Verification> latest = new LinkedHashMap<>();
    for (Verification v : store.latestVerifications()) {
      latest.put(v.contract(), v);
    }
    List<ContractRow> rows = new ArrayList<>();
    for (DataContract c : listing.slice(matching)) {
      Optional<Entity> product = Optional.ofNullable(products.get(c));
      EntityRef owner = product.map(e -> a.ownership().owner(e.ref(), DecisionType.GUARANTEES)).orElse(null);
      Optional<Verification> v = Optional.ofNullable(c.id() == null ? null : latest.get(c.id()));
      rows.add(new ContractRow(c.label(), c.name() == null ? c.label() : c.name(), c.file() + ":" + c.line(),
          c.status() == null ? "no status" : c.status(), product.map(Display::title).orElse(c.dataProduct()),
          product.map(e -> Links.entity(e.ref())).orElse(null), owner == null ? null : Display.name(a.catalog(), owner),
          owner == null ? null : Links.entity(owner), c.qualityRules(), c.slaProperties(),
          v.map(x -> Display.WHEN.format(x.importedAt())).orElse(null), v.map(GuaranteesPage::result).orElse(null),
          v.map(x -> passed(x) ? "verified-ok" : "verified-failed").orElse(null),
          v.map(x -> x.passed() + " passed, " + x.failed() + " failed, " + x.errors() + " could not run"
              + (x.server() == null ? "" : ", on " + x.server())).orElse(null)));
    }
    return new Guarantees(chrome, rows, !latest.isEmpty(),
        listing.pager(n -> "/guarantees?" + Display.query("q", q) + "page=" + n), q);
  }

  private static boolean passed(Verification v) {
    return v.failed() == 0 && v.errors() == 0;
  }

  private static String result(Verification v) {
    return passed(v) ? "all checks passed" : v.failed() > 0 ? v.failed() + " broken" : v.errors() + " could not run";
  }

  /**
   * The catalog entity each contract is about (by annotation or by name), found in one pass over
   * the products rather than one pass per contract.
   */
  static Map<DataContract, Entity> contractProducts(Analysis a) {
    IdentityHashMap<DataContract, Entity> out = new IdentityHashMap<>();
    for (Kind kind : Kind.DELIVERABLES) {
      for (Entity e : a.catalog().ofKind(kind)) {
        for (DataContract c : a.catalog().contractsFor(e)) {
          out.putIfAbsent(c, e);
        }
      }
    }
    return out;
  }
}
