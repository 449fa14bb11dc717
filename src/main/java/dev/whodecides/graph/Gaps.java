package dev.whodecides.graph;

import dev.whodecides.catalog.Catalog;
import dev.whodecides.catalog.Entity;
import dev.whodecides.catalog.EntityRef;
import dev.whodecides.decisions.DecisionType;
import dev.whodecides.decisions.Effective;
import dev.whodecides.decisions.Ownership;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which decisions a product lacks an owner for, read the way the lint rules read them: a live
 * Component needs release and roadmap (no-ship-authority, no-roadmap-owner) and what another team
 * consumes needs guarantees (no-guarantees), whether nobody declared them or a Decision says
 * nobody holds them. Other types left open are no gap: most products never need a launch owner.
 */
final class Gaps {

  private static final Set<String> LIVE = Set.of("production", "experimental");

  private Gaps() {}

  /** The decision types this product needs and nobody holds, in {@link DecisionType} order. */
  static List<String> of(Ownership ownership, Entity product, boolean consumedByAnotherTeam) {
    List<String> out = new ArrayList<>();
    boolean live = product.ref().kind().equals("component") && isLive(product);
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
    String lifecycle = component.text("lifecycle");
    return lifecycle != null && LIVE.contains(lifecycle.toLowerCase(Locale.ROOT));
  }

  /**
   * Entities used through {@code dependsOn} or {@code consumesApis} by a Component or Resource with
   * a different owner (the same reading as the rules' consumers).
   */
  static Set<EntityRef> consumedAcrossTeams(Catalog catalog) {
    Set<EntityRef> out = new HashSet<>();
    for (String kind : List.of("component", "resource")) {
      for (Entity consumer : catalog.ofKind(kind)) {
        EntityRef consumerOwner = catalog.ref(consumer, "owner").orElse(null);
        List<EntityRef> used = new ArrayList<>(catalog.refs(consumer, "dependsOn"));
        if (kind.equals("component")) {
          used.addAll(catalog.refs(consumer, "consumesApis"));
        }
        for (EntityRef target : used) {
          catalog.get(target).ifPresent(t -> {
            EntityRef producerOwner = catalog.ref(t, "owner").orElse(null);
            if (producerOwner != null && !Objects.equals(producerOwner, consumerOwner)) {
              out.add(target);
            }
          });
        }
      }
    }
    return out;
  }
}
