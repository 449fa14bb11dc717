package dev.whodecides.web;

import dev.whodecides.catalog.Catalog;
import dev.whodecides.catalog.Entity;
import dev.whodecides.catalog.EntityRef;
import dev.whodecides.catalog.RefField;
import dev.whodecides.decisions.DecisionType;
import dev.whodecides.decisions.Effective;
import dev.whodecides.graph.NodeKind;
import dev.whodecides.web.view.Model;
import dev.whodecides.web.view.Model.Chrome;
import dev.whodecides.web.view.Model.DecisionRow;
import dev.whodecides.web.view.Model.FindingRow;
import dev.whodecides.web.view.Model.Link;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** One entity: what it refers to, who holds each of its decisions and from where, the findings about it. */
final class EntityPage {

  private static final Set<String> DECIDED = Set.of("component", "api", "resource", "system", "domain", "group");
  private static final Set<String> PRODUCTS = Set.of("component", "api", "resource", "system");

  private EntityPage() {}

  /** Empty when the catalog has no such entity. */
  static Optional<Model.EntityPage> build(Analysis a, Chrome chrome, EntityRef ref) {
    Optional<Entity> found = a.catalog().get(ref);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Entity e = found.get();
    Catalog c = a.catalog();
    List<Link> relations = new ArrayList<>();
    for (RefField f : RefField.ALL) {
      if (!f.entityKind().equals(ref.kind())) {
        continue;
      }
      for (EntityRef target : c.refs(e, f.field())) {
        relations.add(new Link(f.field() + ": " + target, c.exists(target) ? Links.entity(target) : null));
      }
    }
    List<DecisionRow> decisions = new ArrayList<>();
    if (DECIDED.contains(ref.kind())) {
      for (DecisionType t : DecisionType.values()) {
        Optional<Effective> eff = a.ownership().effective(ref, t);
        if (eff.isEmpty() && !ref.kind().equals("component")) {
          continue;
        }
        EntityRef owner = eff.map(Effective::owner).orElse(null);
        EntityRef from = eff.map(Effective::inheritedFrom).orElse(null);
        decisions.add(new DecisionRow(t.id(), owner == null ? null : owner.toString(),
            owner == null ? Links.gap(ref, t) : Links.entity(owner), from == null ? null : from.toString(),
            from == null ? null : Links.entity(from), eff.map(x -> x.declaration().source().where()).orElse(null),
            owner == null));
      }
    }
    List<FindingRow> findings = a.findings().about(ref.toString()).stream().map(f -> FindingsPage.row(a, f)).toList();
    Object description = e.metadata().get("description");
    return Optional.of(new Model.EntityPage(chrome, ref.toString(), e.kind(), Display.title(e),
        description == null ? null : description.toString(), e.where(), relations, decisions, findings,
        NodeKind.of(ref.kind()) == null ? null : Links.graph(ref),
        PRODUCTS.contains(ref.kind()) ? Links.releases(ref) : null));
  }
}
