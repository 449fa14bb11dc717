package dev.whodecides.web;

import dev.whodecides.catalog.Catalog;
import dev.whodecides.catalog.DataContract;
import dev.whodecides.catalog.Entity;
import dev.whodecides.catalog.RefField;
import dev.whodecides.decisions.DecisionMatrix;
import dev.whodecides.decisions.Effective;
import dev.whodecides.decisions.PersonFit;
import dev.whodecides.knowledge.Citation;
import dev.whodecides.knowledge.Knowledge;
import dev.whodecides.release.Bar;
import dev.whodecides.release.ReleaseRecord;
import dev.whodecides.report.PeopleJson;
import dev.whodecides.rules.BuiltInRules;
import dev.whodecides.rules.Finding;
import dev.whodecides.rules.RuleDescriptor;
import dev.whodecides.rules.Severity;
import dev.whodecides.store.Store;
import dev.whodecides.store.Verification;
import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.EntityRef;
import dev.whodecides.vocabulary.Kind;
import dev.whodecides.vocabulary.Role;
import dev.whodecides.web.view.Model.Chrome;
import dev.whodecides.web.view.Model.ContractRow;
import dev.whodecides.web.view.Model.DecisionRow;
import dev.whodecides.web.view.Model.EntityPage;
import dev.whodecides.web.view.Model.Evidence;
import dev.whodecides.web.view.Model.FindingDetail;
import dev.whodecides.web.view.Model.FindingRow;
import dev.whodecides.web.view.Model.Findings;
import dev.whodecides.web.view.Model.Gap;
import dev.whodecides.web.view.Model.Guarantees;
import dev.whodecides.web.view.Model.Link;
import dev.whodecides.web.view.Model.Matrix;
import dev.whodecides.web.view.Model.MatrixCell;
import dev.whodecides.web.view.Model.MatrixRow;
import dev.whodecides.web.view.Model.MetricRow;
import dev.whodecides.web.view.Model.Overview;
import dev.whodecides.web.view.Model.Pager;
import dev.whodecides.web.view.Model.People;
import dev.whodecides.web.view.Model.PersonRow;
import dev.whodecides.web.view.Model.ProductRelease;
import dev.whodecides.web.view.Model.ProductReleases;
import dev.whodecides.web.view.Model.ReleaseEntry;
import dev.whodecides.web.view.Model.ReleaseForm;
import dev.whodecides.web.view.Model.Releases;
import dev.whodecides.web.view.Model.RuleCount;
import dev.whodecides.web.view.Model.TrendPoint;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns one {@link Analysis} into what each page shows. Everything here is plain data: the
 * templates escape and lay it out, the handlers in {@link WebUi} only pick the page.
 */
final class PageModels {

  static final int PAGE_SIZE = 100;
  static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);


  /** Release records a page of a product's log shows. */
  static final int LOG_PAGE = 50;

  private final Analysis a;
  private final Store store;
  private final Knowledge knowledge;

  PageModels(Analysis a, Store store) {
    this.a = a;
    this.store = store;
    this.knowledge = a.lint().analysis().knowledge();
  }

  // ---- findings ----

  FindingRow row(Finding f) {
    String id = a.findings().idOf(f);
    String entityHref = null;
    if (f.entity() != null) {
      try {
        EntityRef ref = EntityRef.parse(f.entity(), Kind.COMPONENT.id());
        entityHref = a.catalog().exists(ref) ? Links.entity(ref) : null;
      } catch (IllegalArgumentException e) {
        entityHref = null; // an invalid entity's name: shown, not linked
      }
    }
    return new FindingRow(id, Links.finding(id), f.rule(), f.severity().id(), f.entity(), entityHref,
        f.file() + (f.line() > 0 ? ":" + f.line() : ""), f.message());
  }

  FindingDetail detail(Finding f) {
    String role = f.recommendation() == null ? null : f.recommendation().role();
    String action = f.recommendation() == null ? "" : f.recommendation().action();
    String why = knowledge.rule(f.rule()).map(Knowledge.RuleCard::why).orElse(null);
    return new FindingDetail(row(f), role, role == null ? null : Links.role(role), action, why, Links.rule(f.rule()),
        evidence(f.evidence()));
  }

  static List<Evidence> evidence(List<Citation> cites) {
    List<Evidence> out = new ArrayList<>();
    for (Citation c : new LinkedHashSet<>(cites)) {
      out.add(new Evidence(c.label(), c.url()));
    }
    return out;
  }

  Findings findings(Chrome chrome, String rule, String severity, String q, int page) {
    String needle = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
    List<Finding> matching = a.lint().findings().stream()
        .filter(f -> blank(rule) || f.rule().equals(rule))
        .filter(f -> blank(severity) || f.severity().id().equals(severity))
        .filter(f -> needle.isEmpty() || contains(f.message(), needle) || contains(f.entity(), needle)
            || contains(f.rule(), needle))
        .toList();
    Pager pager = pager(page, matching.size(), n -> "/findings?" + query("rule", rule, "severity", severity, "q", q)
        + "page=" + n);
    List<FindingRow> rows = slice(matching, pager).stream().map(this::row).toList();
    List<String> rules = BuiltInRules.descriptors().stream().map(RuleDescriptor::id).toList();
    return new Findings(chrome, rows, pager, rules, rule, severity, q);
  }

  // ---- overview ----

  Overview overview(Chrome chrome, List<TrendPoint> trend) {
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
    DecisionMatrix m = a.matrix();
    return new Overview(chrome, a.catalog().size(), a.catalog().files(), m.rows().size(), a.gapCells(),
        a.lint().count(Severity.ERROR), a.lint().count(Severity.WARNING), a.lint().count(Severity.INFO), rules,
        trend.isEmpty() ? null : TrendCharts.of(trend), trend, kinds);
  }

  // ---- matrix ----

  Matrix matrix(Chrome chrome, String q, boolean gapsOnly, int page) {
    String needle = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
    DecisionMatrix m = a.matrix();
    List<DecisionMatrix.Row> rows = m.rows().stream()
        .filter(r -> matches(r.product(), needle))
        .filter(r -> !gapsOnly || r.cells().stream().anyMatch(DecisionMatrix.Cell::gap))
        .toList();
    Pager pager = pager(page, rows.size(), n -> "/matrix?" + query("q", q, "gaps", gapsOnly ? "1" : null) + "page=" + n);
    List<MatrixRow> out = new ArrayList<>();
    for (DecisionMatrix.Row r : slice(rows, pager)) {
      List<MatrixCell> cells = new ArrayList<>();
      for (DecisionMatrix.Cell c : r.cells()) {
        EntityRef product = r.product().ref();
        if (c.unowned()) {
          String hint = (c.declaration() == null ? "nobody is named for " + c.type().id()
              : "declared unowned at " + c.declaration().source().where())
              + (c.gap() ? "" : "; this product does not need an owner for it yet");
          cells.add(new MatrixCell(c.type().id(), c.gap(), null, null, null, Links.gap(product, c.type()), hint));
        } else {
          String from = c.inheritedFrom() == null || c.inheritedFrom().equals(product) ? null : shortRef(c.inheritedFrom());
          String hint = c.owner() + (c.declaration() == null ? "" : ", declared at " + c.declaration().source().where());
          cells.add(new MatrixCell(c.type().id(), false, display(c.owner()), Links.entity(c.owner()), from,
              Links.entity(c.owner()), hint));
        }
      }
      out.add(new MatrixRow(r.product().ref().toString(), title(r.product()), Links.entity(r.product().ref()),
          r.product().text("lifecycle"), cells));
    }
    List<String> types = new ArrayList<>();
    List<String> roles = new ArrayList<>();
    for (DecisionType t : DecisionType.values()) {
      types.add(t.id());
      roles.add(t.role().id());
    }
    return new Matrix(chrome, types, roles, out, pager, gapsOnly, q, a.gapCells(), m.rows().size());
  }

  Optional<Gap> gap(Chrome chrome, String productText, String typeText) {
    Optional<DecisionType> type = DecisionType.byId(typeText == null ? "" : typeText);
    Optional<Entity> product = resolve(productText, Kind.PRODUCTS);
    if (type.isEmpty() || product.isEmpty()) {
      return Optional.empty();
    }
    DecisionType t = type.get();
    Entity p = product.get();
    Optional<Effective> eff = a.ownership().effective(p.ref(), t);
    String declared = eff.isEmpty()
        ? "No Decision names an owner for it on the product, its system, its domain or its owning team."
        : eff.get().owned() ? "It is owned by " + eff.get().owner() + "."
        : "It is written down as unowned at " + eff.get().declaration().source().where() + ".";
    List<String> rules = BuiltInRules.descriptors().stream().filter(d -> d.reportsOn(t)).map(RuleDescriptor::id).toList();
    List<Finding> about = a.findings().about(p.ref().toString());
    List<FindingDetail> details = new ArrayList<>();
    about.stream().filter(f -> rules.contains(f.rule())).forEach(f -> details.add(detail(f)));
    Optional<Knowledge.DecisionCard> card = knowledge.decisionType(t.id());
    List<Evidence> evidence = card.map(c -> {
      List<Citation> cites = new ArrayList<>();
      knowledge.claims(c.claims()).forEach(claim -> cites.addAll(knowledge.citations(claim)));
      return evidence(cites);
    }).orElse(List.of());
    return Optional.of(new Gap(chrome, p.ref().toString(), title(p), Links.entity(p.ref()), t.id(),
        card.map(Knowledge.DecisionCard::question).orElse(""), t.role().id(), Links.role(t.role().id()), declared,
        details, evidence));
  }

  // ---- people ----

  People people(Chrome chrome, String q, boolean mismatchOnly, int page) {
    String needle = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
    List<PersonFit> matching = a.people().stream()
        .filter(p -> needle.isEmpty() || contains(p.displayName(), needle) || contains(p.person().name(), needle)
            || contains(p.title(), needle))
        .filter(p -> !mismatchOnly || mismatch(p))
        .toList();
    Pager pager = pager(page, matching.size(), n -> "/people?" + query("q", q, "mismatch", mismatchOnly ? "1" : null)
        + "page=" + n);
    List<PersonRow> rows = new ArrayList<>();
    for (PersonFit p : slice(matching, pager)) {
      List<String> held = p.decisions().stream()
          .map(h -> h.type().id() + " for " + shortRef(h.scope())
              + (h.entitiesCovered() > 1 ? " (" + h.entitiesCovered() + " entities)" : ""))
          .toList();
      List<Citation> cites = new ArrayList<>();
      for (Role r : p.fitRoles()) {
        cites.addAll(PeopleJson.evidence(knowledge, p, r));
      }
      rows.add(new PersonRow(p.person().toString(), p.displayName(), Links.entity(p.person()), p.title(),
          p.titleRole() == null ? null : p.titleRole().id(), p.fit(), mismatch(p), held,
          evidence(cites).stream().limit(3).toList()));
    }
    return new People(chrome, rows, pager, q, mismatchOnly);
  }

  /** A title that names a role none of the person's decisions fit. */
  static boolean mismatch(PersonFit p) {
    return p.titleRole() != null && !p.fitRoles().isEmpty() && !p.fitRoles().contains(p.titleRole());
  }

  // ---- one entity ----

  Optional<EntityPage> entity(Chrome chrome, EntityRef ref) {
    Optional<Entity> found = a.catalog().get(ref);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Entity e = found.get();
    Catalog c = a.catalog();
    List<Link> relations = new ArrayList<>();
    for (RefField f : RefField.ALL) {
      if (!f.on(ref)) {
        continue;
      }
      for (EntityRef target : c.refs(e, f.field())) {
        relations.add(new Link(f.field() + ": " + target, c.exists(target) ? Links.entity(target) : null));
      }
    }
    List<DecisionRow> decisions = new ArrayList<>();
    if (Kind.SCOPES.stream().anyMatch(ref::is)) {
      for (DecisionType t : DecisionType.values()) {
        Optional<Effective> eff = a.ownership().effective(ref, t);
        if (eff.isEmpty() && !ref.is(Kind.COMPONENT)) {
          continue;
        }
        EntityRef owner = eff.map(Effective::owner).orElse(null);
        EntityRef from = eff.map(Effective::inheritedFrom).orElse(null);
        decisions.add(new DecisionRow(t.id(), owner == null ? null : owner.toString(),
            owner == null ? Links.gap(ref, t) : Links.entity(owner), from == null ? null : from.toString(),
            from == null ? null : Links.entity(from), eff.map(x -> x.declaration().source().where()).orElse(null),
            a.ownership().gaps().of(ref, t).isPresent()));
      }
    }
    List<FindingRow> findings = a.findings().about(ref.toString()).stream().map(this::row).toList();
    Object description = e.metadata().get("description");
    boolean product = Kind.PRODUCTS.stream().anyMatch(ref::is);
    return Optional.of(new EntityPage(chrome, ref.toString(), e.kind(), title(e),
        description == null ? null : description.toString(), e.where(), relations, decisions, findings,
        dev.whodecides.graph.NodeKind.of(ref.kind()) == null ? null : Links.graph(ref),
        product ? Links.releases(ref) : null));
  }

  // ---- releases ----

  ReleaseEntry entry(ReleaseRecord r, Set<Long> superseded) {
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
    return new ReleaseEntry(r.id(), r.version(), r.decision(), display(by), Links.entity(by), WHEN.format(r.recordedAt()),
        r.statement(), metrics, r.acceptedRisk(), r.rationale(), r.waitUntil() == null ? null : r.waitUntil().toString(),
        r.supersedes(), superseded.contains(r.id()));
  }

  List<ReleaseEntry> log(List<ReleaseRecord> records, Set<Long> superseded) {
    return records.stream().map(r -> entry(r, superseded)).toList();
  }

  Releases releases(Chrome chrome, String q, int page) {
    String needle = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
    List<Entity> products = a.catalog().ofKind(Kind.COMPONENT).stream().filter(e -> matches(e, needle)).toList();
    Pager pager = pager(page, products.size(), n -> "/releases?" + query("q", q) + "page=" + n);
    List<ProductRelease> rows = new ArrayList<>();
    for (Entity e : slice(products, pager)) {
      EntityRef owner = a.ownership().owner(e.ref(), DecisionType.RELEASE);
      List<ReleaseRecord> latest = store.releases(e.ref().toString(), 1, 0);
      String call = latest.isEmpty() ? null : latest.get(0).decision() + " " + latest.get(0).version() + " on "
          + WHEN.format(latest.get(0).recordedAt());
      rows.add(new ProductRelease(e.ref().toString(), title(e), Links.entity(e.ref()), Links.releases(e.ref()),
          owner == null ? null : display(owner), owner == null ? null : Links.entity(owner), call));
    }
    return new Releases(chrome, rows, pager, q);
  }

  /** One product's release log, a page at a time, with the record form as it was left. */
  ProductReleases productReleases(Chrome chrome, Entity p, int page, ReleaseForm form, String csrf, String notice,
      String error) {
    EntityRef owner = a.ownership().owner(p.ref(), DecisionType.RELEASE);
    String action = owner == null
        ? "Nobody holds the release decision for this product, so no call can be recorded until a Decision names an owner."
        : "Only " + display(owner) + " can record a call here, with their own API token (whodecides token create).";
    String product = p.ref().toString();
    Pager pager = pager(page, store.releaseCount(product), LOG_PAGE, n -> Links.releases(p.ref()) + "?page=" + n);
    List<ReleaseRecord> records = store.releases(product, LOG_PAGE, (pager.page() - 1) * LOG_PAGE);
    return new ProductReleases(chrome, product, title(p), Links.entity(p.ref()), owner == null ? null : display(owner),
        owner == null ? null : Links.entity(owner), action, log(records, store.superseded(product)), pager,
        Links.releases(p.ref()), form, csrf, notice, error);
  }

  // ---- contracts ----

  Guarantees guarantees(Chrome chrome, String q, int page) {
    String needle = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
    Map<DataContract, Entity> products = contractProducts();
    List<DataContract> matching = a.catalog().contracts().stream()
        .filter(c -> needle.isEmpty() || contains(String.join(" ", String.valueOf(c.label()), String.valueOf(c.name()),
            String.valueOf(c.dataProduct()), c.file()), needle)
            || products.containsKey(c) && contains(title(products.get(c)), needle))
        .toList();
    Pager pager = pager(page, matching.size(), n -> "/guarantees?" + query("q", q) + "page=" + n);
    Map<String, Verification> latest = new LinkedHashMap<>();
    for (Verification v : store.latestVerifications()) {
      latest.put(v.contract(), v);
    }
    List<ContractRow> rows = new ArrayList<>();
    for (DataContract c : slice(matching, pager)) {
      Optional<Entity> product = Optional.ofNullable(products.get(c));
      EntityRef owner = product.map(e -> a.ownership().owner(e.ref(), DecisionType.GUARANTEES)).orElse(null);
      Optional<Verification> v = Optional.ofNullable(c.id() == null ? null : latest.get(c.id()));
      rows.add(new ContractRow(c.label(), c.name() == null ? c.label() : c.name(), c.file() + ":" + c.line(),
          c.status() == null ? "no status" : c.status(), product.map(PageModels::title).orElse(c.dataProduct()),
          product.map(e -> Links.entity(e.ref())).orElse(null), owner == null ? null : display(owner),
          owner == null ? null : Links.entity(owner), c.qualityRules(), c.slaProperties(),
          v.map(x -> WHEN.format(x.importedAt())).orElse(null), v.map(PageModels::result).orElse(null),
          v.map(x -> passed(x) ? "verified-ok" : "verified-failed").orElse(null),
          v.map(x -> x.passed() + " passed, " + x.failed() + " failed, " + x.errors() + " could not run"
              + (x.server() == null ? "" : ", on " + x.server())).orElse(null)));
    }
    return new Guarantees(chrome, rows, !latest.isEmpty(), pager, q);
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
  Map<DataContract, Entity> contractProducts() {
    Map<DataContract, Entity> out = new java.util.IdentityHashMap<>();
    for (Kind kind : Kind.DELIVERABLES) {
      for (Entity e : a.catalog().ofKind(kind)) {
        for (DataContract c : a.catalog().contractsFor(e)) {
          out.putIfAbsent(c, e);
        }
      }
    }
    return out;
  }

  // ---- shared ----

  Optional<Entity> resolve(String text, List<Kind> kinds) {
    if (blank(text)) {
      return Optional.empty();
    }
    try {
      return a.catalog().resolve(text.strip(), kinds).flatMap(a.catalog()::get);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  String display(EntityRef ref) {
    return a.catalog().get(ref).map(PageModels::title).orElse(shortRef(ref));
  }

  static String title(Entity e) {
    return e.displayName();
  }

  static String shortRef(EntityRef ref) {
    return ref.namespace().equals(EntityRef.DEFAULT_NAMESPACE) ? ref.kind() + ":" + ref.name() : ref.toString();
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /** Whether a product's name or title holds the (lower-case) search text; empty text matches all. */
  static boolean matches(Entity e, String needle) {
    return needle.isEmpty() || contains(e.ref().name(), needle) || contains(title(e), needle);
  }

  private static boolean contains(String haystack, String needle) {
    return haystack != null && haystack.toLowerCase(Locale.ROOT).contains(needle);
  }

  static Pager pager(int page, int total, Function<Integer, String> href) {
    return pager(page, total, PAGE_SIZE, href);
  }

  static Pager pager(int page, int total, int size, Function<Integer, String> href) {
    int pages = Math.max(1, (total + size - 1) / size);
    int p = Math.min(Math.max(1, page), pages);
    return new Pager(p, pages, total, p > 1 ? href.apply(p - 1) : null, p < pages ? href.apply(p + 1) : null);
  }

  static <T> List<T> slice(List<T> all, Pager pager) {
    int from = (pager.page() - 1) * PAGE_SIZE;
    return all.subList(Math.min(from, all.size()), Math.min(from + PAGE_SIZE, all.size()));
  }

  /** {@code k1=v1&k2=v2&} for the non-blank values, percent-encoded, ready for a page number. */
  static String query(String... kv) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i + 1 < kv.length; i += 2) {
      if (!blank(kv[i + 1])) {
        b.append(kv[i]).append('=').append(Links.enc(kv[i + 1])).append('&');
      }
    }
    return b.toString();
  }
}
