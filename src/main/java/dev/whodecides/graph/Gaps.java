package dev.whodecides.graph;

import dev.whodecides.catalog.Catalog;
import dev.whodecides.catalog.Entity;
import dev.whodecides.decisions.Effective;
import dev.whodecides.decisions.Ownership;
import dev.whodecides.rules.Consumers;
import dev.whodecides.rules.Products;
import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.EntityRef;
import dev.whodecides.vocabulary.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which decisions a product lacks an owner for, read the way the lint rules read them: a live
 * Component needs release and roadmap (no-ship-authority, no-roadmap-owner) and what another team
 * consumes needs guarantees (no-guarantees), whether nobody declared them or a Decision says
 * nobody holds them. Other types left open are no gap: most products never need a launch owner.
 */
final class Gaps {

  private Gaps() {}

  /** The decision types this product needs and nobody holds, in {@link DecisionType} order. */
  static List<String> of(Ownership ownership, Entity product, boolean consumedByAnotherTeam) {
    List<String> out = new ArrayList<>();
    boolean live = product.ref().is(Kind.COMPONENT) && isLive(product);
    for (DecisionType t : DecisionType.values()) {
      Optional<Effective> eff = ownership.effective(product.ref(), t);
      boolean required = live && (t == DecisionType.RELEASE || t == DecisionType.ROADMAP)
          || consumedByAnotherTeam && t == DecisionType.GUARANTEES;
      if (required && (eff.isEmpty() || !eff.get().owned())) {
        out.add(t.id());
      }
    }
    return out;
  }

  static boolean isLive(Entity component) {
    return Products.isLive(component);
  }

  /** Entities another team consumes: the rules' own definition ({@link Consumers}). */
  static Set<EntityRef> consumedAcrossTeams(Catalog catalog) {
    return Consumers.of(catalog).keySet();
  }
}
