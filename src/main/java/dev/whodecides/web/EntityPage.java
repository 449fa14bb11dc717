package dev.whodecides.web;

import dev.whodecides.catalog.Catalog;
import dev.whodecides.catalog.Entity;
import dev.whodecides.catalog.RefField;
import dev.whodecides.decisions.Effective;
import dev.whodecides.graph.NodeKind;
import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.EntityRef;
import dev.whodecides.vocabulary.Kind;
import dev.whodecides.web.view.Model.Chrome;
import dev.whodecides.web.view.Model.DecisionRow;
import dev.whodecides.web.view.Model.FindingRow;
import dev.whodecides.web.view.Model.Link;
import dev.whodecides.web.view.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One entity: what it refers to, who holds each of its decisions and from where, the findings about it. */
final class EntityPage {

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
    List<FindingRow> findings = a.findings().about(ref.toString()).stream().map(f -> FindingsPage.row(a, f)).toList();
    Object description = e.metadata().get("description");
    return Optional.of(new Model.EntityPage(chrome, ref.toString(), e.kind(), Display.title(e),
        description == null ? null : description.toString(), e.where(), relations, decisions, findings,
        NodeKind.of(ref.kind()) == null ? null : Links.graph(ref),
        Kind.PRODUCTS.stream().anyMatch(ref::is) ? Links.releases(ref) : null));
  }
}
