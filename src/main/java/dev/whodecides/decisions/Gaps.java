package dev.whodecides.decisions;

import dev.whodecides.catalog.Catalog;
import dev.whodecides.catalog.Entity;
import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.EntityRef;
import dev.whodecides.vocabulary.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every product's gaps, computed once per {@link Ownership}: the one answer the rules, the matrix,
 * the graph, the overview counts and the API read. A product needs an owner for
 * <ul>
 *   <li>{@code release} and {@code roadmap} when it is a live Component (lifecycle production or
 *       experimental): somebody says it is good enough to ship and what it solves next;</li>
 *   <li>{@code guarantees} when another team consumes it ({@link Consumers}).</li>
 * </ul>
 * Other decisions left open are no gap: most products never need, say, a launch owner of their own.
 */
public final class Gaps {

  private static final Set<String> LIVE = Set.of("production", "experimental");

  private final Map<EntityRef, Set<String>> consumers;
  private final Map<EntityRef, List<Gap>> byProduct = new LinkedHashMap<>();
  private final Map<EntityRef, List<EntityRef>> undeclaredTeams;
  private final Map<EntityRef, EntityRef> undeclaredProducts = new HashMap<>();
  private final int count;

  Gaps(Ownership ownership) {
    Catalog catalog = ownership.catalog();
    this.consumers = Collections.unmodifiableMap(Consumers.of(catalog));
    int n = 0;
    for (Kind kind : Kind.DELIVERABLES) {
      for (Entity product : catalog.ofKind(kind)) {
        List<Gap> gaps = new ArrayList<>(2);
        for (DecisionType t : needed(product, consumers.containsKey(product.ref()))) {
          Optional<Effective> eff = ownership.effective(product.ref(), t);
          if (eff.isEmpty() || !eff.get().owned()) {
            gaps.add(new Gap(product.ref(), t, eff.orElse(null)));
          }
        }
        if (!gaps.isEmpty()) {
          byProduct.put(product.ref(), List.copyOf(gaps));
          n += gaps.size();
        }
      }
    }
    this.count = n;
    this.undeclaredTeams = Collections.unmodifiableMap(undeclared(ownership));
  }

  /**
   * Teams none of whose products any Decision covers, each with its products that need an owner.
   * Such a team has not started writing decision rights down at all: one finding at the team says
   * more than two or three per product. A team counts once a single Decision, of any type and
   * owned or not, reaches one of its products.
   */
  private Map<EntityRef, List<EntityRef>> undeclared(Ownership ownership) {
    Catalog catalog = ownership.catalog();
    Map<EntityRef, List<EntityRef>> needing = new LinkedHashMap<>();
    Set<EntityRef> covered = new HashSet<>();
    for (Kind kind : Kind.DELIVERABLES) {
      for (Entity product : catalog.ofKind(kind)) {
        Optional<EntityRef> team = catalog.ref(product, "owner").filter(r -> r.is(Kind.GROUP));
        if (team.isEmpty() || covered.contains(team.get())) {
          continue;
        }
        if (ownership.coveredByAny(product.ref())) {
          covered.add(team.get());
          needing.remove(team.get());
        } else if (byProduct.containsKey(product.ref())) {
          needing.computeIfAbsent(team.get(), k -> new ArrayList<>()).add(product.ref());
        }
      }
    }
    Map<EntityRef, List<EntityRef>> out = new LinkedHashMap<>();
    needing.forEach((team, products) -> {
      out.put(team, List.copyOf(products));
      products.forEach(p -> undeclaredProducts.put(p, team));
    });
    return out;
  }

  /** The decision types a product needs an owner for, in {@link DecisionType} order. */
  public static List<DecisionType> needed(Entity product, boolean consumedByAnotherTeam) {
    List<DecisionType> out = new ArrayList<>(3);
    boolean live = product.ref().is(Kind.COMPONENT) && isLive(product);
    for (DecisionType t : DecisionType.values()) {
      if ((live && (t == DecisionType.RELEASE || t == DecisionType.ROADMAP))
          || (consumedByAnotherTeam && t == DecisionType.GUARANTEES)) {
        out.add(t);
      }
    }
    return out;
  }

  /** A live product: a Component whose lifecycle is production or experimental. */
  public static boolean isLive(Entity component) {
    String lifecycle = component.text("lifecycle");
    return lifecycle != null && LIVE.contains(lifecycle.toLowerCase(Locale.ROOT));
  }

  /** The gaps of one product, in {@link DecisionType} order; empty when it has none. */
  public List<Gap> of(EntityRef product) {
    return byProduct.getOrDefault(product, List.of());
  }

  /** The gap of one product for one decision type, if it has that gap. */
  public Optional<Gap> of(EntityRef product, DecisionType type) {
    return of(product).stream().filter(g -> g.type() == type).findFirst();
  }

  /** Every gap, products in catalog order (Components, then APIs, then Resources). */
  public List<Gap> all() {
    return byProduct.values().stream().flatMap(List::stream).toList();
  }

  /** The products with at least one gap, in the order of {@link #all()}. */
  public Set<EntityRef> products() {
    return Collections.unmodifiableSet(byProduct.keySet());
  }

  /**
   * Teams with products that need an owner and no Decision covering any of their products, in
   * catalog order, each with those products; see {@code no-decision-rights}.
   */
  public Map<EntityRef, List<EntityRef>> undeclaredTeams() {
    return undeclaredTeams;
  }

  /** The team of a product whose team has written no Decision at all, if that is the case. */
  public Optional<EntityRef> undeclaredTeamOf(EntityRef product) {
    return Optional.ofNullable(undeclaredProducts.get(product));
  }

  /** How many gaps in all. */
  public int count() {
    return count;
  }

  /** Entities another team consumes, each with its consumers labelled {@code ref (owner)}. */
  public Map<EntityRef, Set<String>> consumers() {
    return consumers;
  }
}
