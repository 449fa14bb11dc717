package dev.whodecides.decisions;

import dev.whodecides.catalog.Catalog;
import dev.whodecides.catalog.Entity;
import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.EntityRef;
import dev.whodecides.vocabulary.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who effectively holds each decision for each entity. A declaration covers its scope and what
 * lies under it; for any entity the most specific declaration wins, walking the chain: the entity,
 * its parent components, its System, that System's Domain and parent Domains, then the Group that
 * owns the entity and that group's ancestors.
 */
public final class Ownership {

  private final Catalog catalog;
  private final List<Declaration> declarations = new ArrayList<>();
  private final Map<EntityRef, Map<DecisionType, List<Declaration>>> byScope = new HashMap<>();
  private final Map<EntityRef, List<Declaration>> byOwner = new HashMap<>();
  private final Map<EntityRef, EntityRef> parentGroup = new HashMap<>();
  private final Map<EntityRef, List<EntityRef>> chains = new ConcurrentHashMap<>();
  private final List<Entity> unknownTypes = new ArrayList<>();
  private volatile Gaps gaps;

  private Ownership(Catalog catalog) {
    this.catalog = catalog;
    for (Entity d : catalog.ofKind(Kind.DECISION)) {
      Optional<DecisionType> type = DecisionType.byId(d.text("type"));
      Optional<EntityRef> scope = catalog.ref(d, "scope");
      if (type.isEmpty()) {
        // The schema rejects such a document, so this holds only a catalog built another way;
        // kept so that it is reported (invalid-entity) rather than dropped without a word.
        unknownTypes.add(d);
        continue;
      }
      if (scope.isEmpty()) {
        continue; // a scope that is no reference at all: unknown-reference reports it
      }
      Declaration decl = new Declaration(d, type.get(), scope.get(), catalog.ref(d, "owner").orElse(null),
          catalog.refs(d, "consulted"), catalog.refs(d, "informed"));
      declarations.add(decl);
      byScope.computeIfAbsent(decl.scope(), k -> new EnumMap<>(DecisionType.class))
          .computeIfAbsent(decl.type(), k -> new ArrayList<>()).add(decl);
      if (decl.owner() != null) {
        byOwner.computeIfAbsent(decl.owner(), k -> new ArrayList<>()).add(decl);
      }
    }
    for (Entity g : catalog.ofKind(Kind.GROUP)) {
      catalog.ref(g, "parent").filter(p -> p.is(Kind.GROUP))
          .ifPresent(p -> parentGroup.putIfAbsent(g.ref(), p));
      for (EntityRef child : catalog.refs(g, "children")) {
        if (child.is(Kind.GROUP)) {
          parentGroup.putIfAbsent(child, g.ref());
        }
      }
    }
  }

  public static Ownership of(Catalog catalog) {
    return new Ownership(catalog);
  }

  public Catalog catalog() {
    return catalog;
  }

  /** Decisions whose type is none of {@link DecisionType}: not counted, but reported. */
  public List<Entity> unknownTypes() {
    return Collections.unmodifiableList(unknownTypes);
  }

  /** Every product's gaps, computed once on first use; see {@link Gaps}. */
  public Gaps gaps() {
    Gaps g = gaps;
    if (g == null) {
      synchronized (this) {
        g = gaps;
        if (g == null) {
          g = new Gaps(this);
          gaps = g;
        }
      }
    }
    return g;
  }

  /** The decisions one product needs an owner for and nobody holds. */
  public List<Gap> gaps(EntityRef product) {
    return gaps().of(product);
  }

  /** Every resolvable Decision, in catalog order. */
  public List<Declaration> declarations() {
    return Collections.unmodifiableList(declarations);
  }

  /** Declarations written directly on a scope for one type, in catalog order. */
  public List<Declaration> declaredOn(EntityRef scope, DecisionType type) {
    Map<DecisionType, List<Declaration>> m = byScope.get(scope);
    return m == null ? List.of() : m.getOrDefault(type, List.of());
  }

  /** Declarations that name this person or group as owner. */
  public List<Declaration> ownedBy(EntityRef owner) {
    return byOwner.getOrDefault(owner, List.of());
  }

  /**
   * The declaration governing {@code type} for {@code ref}, or empty when no declaration covers it.
   * When two declarations on the same scope conflict, the first in catalog order governs (the
   * conflict itself is a finding of its own).
   */
  public Optional<Effective> effective(EntityRef ref, DecisionType type) {
    for (EntityRef scope : chain(ref)) {
      List<Declaration> decls = declaredOn(scope, type);
      if (!decls.isEmpty()) {
        return Optional.of(new Effective(decls.get(0), scope));
      }
    }
    return Optional.empty();
  }

  /** True when some Decision of any type, owned or not, covers {@code ref} along its chain. */
  public boolean coveredByAny(EntityRef ref) {
    for (EntityRef scope : chain(ref)) {
      if (byScope.containsKey(scope)) {
        return true;
      }
    }
    return false;
  }

  /** The owner governing {@code type} for {@code ref}, or null when nobody does. */
  public EntityRef owner(EntityRef ref, DecisionType type) {
    return effective(ref, type).map(Effective::owner).orElse(null);
  }

  /** The scopes whose declarations reach {@code ref}, most specific first. */
  public List<EntityRef> chain(EntityRef ref) {
    List<EntityRef> cached = chains.get(ref);
    if (cached != null) {
      return cached;
    }
    List<EntityRef> computed = List.copyOf(computeChain(ref));
    chains.put(ref, computed);
    return computed;
  }

  private Set<EntityRef> computeChain(EntityRef ref) {
    Set<EntityRef> out = new LinkedHashSet<>();
    out.add(ref);
    Optional<Entity> start = catalog.get(ref);
    if (start.isEmpty()) {
      return out;
    }
    Entity e = start.get();
    List<Entity> structural = new ArrayList<>();
    structural.add(e);
    // Parent components (subcomponentOf), guarding against cycles.
    Entity cur = e;
    while (cur.ref().is(Kind.COMPONENT)) {
      Optional<Entity> parent = catalog.ref(cur, "subcomponentOf")
          .filter(r -> r.is(Kind.COMPONENT)).flatMap(catalog::get);
      if (parent.isEmpty() || !out.add(parent.get().ref())) {
        break;
      }
      cur = parent.get();
      structural.add(cur);
    }
    // The System of the entity (or of its parent components), then the Domain chain.
    List<Entity> systems = new ArrayList<>();
    if (e.ref().is(Kind.SYSTEM)) {
      systems.add(e);
    }
    for (Entity s : structural) {
      if (!s.ref().is(Kind.SYSTEM) && s.spec().containsKey("system")) {
        catalog.ref(s, "system").filter(r -> r.is(Kind.SYSTEM)).ifPresent(sys -> {
          out.add(sys);
          catalog.get(sys).ifPresent(systems::add);
        });
      }
    }
    List<Entity> domains = new ArrayList<>();
    if (e.ref().is(Kind.DOMAIN)) {
      domains.add(e);
    }
    for (Entity s : systems) {
      catalog.ref(s, "domain").filter(r -> r.is(Kind.DOMAIN)).ifPresent(d -> {
        out.add(d);
        catalog.get(d).ifPresent(domains::add);
      });
    }
    for (int i = 0; i < domains.size(); i++) {
      Optional<EntityRef> parent = catalog.ref(domains.get(i), "subdomainOf").filter(r -> r.is(Kind.DOMAIN));
      if (parent.isPresent() && out.add(parent.get())) {
        catalog.get(parent.get()).ifPresent(domains::add);
      }
    }
    // The owning group and its ancestors; a group scope starts from itself.
    EntityRef group = e.ref().is(Kind.GROUP) ? e.ref()
        : e.spec().containsKey("owner") && !e.ref().is(Kind.DECISION) ? catalog.ref(e, "owner").orElse(null) : null;
    while (group != null && group.is(Kind.GROUP)) {
      out.add(group);
      EntityRef parent = parentGroup.get(group);
      if (parent == null || out.contains(parent)) {
        break;
      }
      group = parent;
    }
    return out;
  }
}
