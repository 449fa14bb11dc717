package dev.whodecides.decisions;

import dev.whodecides.catalog.Catalog;
import dev.whodecides.catalog.Entity;
import dev.whodecides.vocabulary.Annotations;
import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.EntityRef;
import dev.whodecides.vocabulary.Kind;
import dev.whodecides.vocabulary.Role;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A person, their title, the decisions they effectively hold, and the role those decisions fit,
 * whatever the title says, with the reason each decision points where it does.
 */
public record PersonFit(
    EntityRef person, String displayName, String title, Role titleRole, List<Held> decisions, List<Role> fitRoles) {

  /**
   * One declared decision a person owns, how many entities it effectively governs, the role it
   * points to and why.
   */
  public record Held(DecisionType type, EntityRef scope, int entitiesCovered, Role role, String reason) {}

  /** The role label: the fitting roles, most decision types first, with "(both hats)" when due. */
  public String fit() {
    if (fitRoles.isEmpty()) {
      return "none";
    }
    String label = String.join(" + ", fitRoles.stream().map(Role::id).toList());
    return fitRoles.contains(Role.PRODUCT_OWNER) && fitRoles.contains(Role.PRODUCT_MANAGER)
        ? label + " (both hats)" : label;
  }

  /** The decisions that pointed to one role. */
  public List<Held> pointingTo(Role role) {
    return decisions.stream().filter(h -> h.role() == role).toList();
  }

  /** Every User in the catalog with what they decide. */
  public static List<PersonFit> of(Ownership ownership) {
    Catalog catalog = ownership.catalog();
    Map<EntityRef, List<EntityRef>> consumers = consumers(catalog);
    // Walk every entity once per decision type: what each declaration governs, which teams it
    // reaches, and which of its data another domain reads.
    Map<Declaration, Integer> covered = new LinkedHashMap<>();
    Map<Declaration, Set<EntityRef>> teams = new HashMap<>();
    Map<Declaration, Set<String>> crossDomain = new HashMap<>();
    for (Entity e : catalog.entities()) {
      if (!Kind.SCOPES.stream().anyMatch(e.ref()::is)) {
        continue;
      }
      for (DecisionType t : DecisionType.values()) {
        Optional<Effective> eff = ownership.effective(e.ref(), t);
        if (eff.isEmpty()) {
          continue;
        }
        Declaration d = eff.get().declaration();
        covered.merge(d, 1, Integer::sum);
        if (t == DecisionType.PORTFOLIO) {
          // A portfolio reaches every team under its scope, even where a narrower declaration
          // takes over the day-to-day call: the holder still looks across all of them.
          EntityRef team = e.ref().is(Kind.GROUP) ? e.ref() : catalog.ref(e, "owner").orElse(null);
          if (team != null && isTeam(catalog, team)) {
            for (EntityRef scope : ownership.chain(e.ref())) {
              for (Declaration over : ownership.declaredOn(scope, DecisionType.PORTFOLIO)) {
                teams.computeIfAbsent(over, k -> new TreeSet<>()).add(team);
              }
            }
          }
        } else if (t == DecisionType.GUARANTEES || t == DecisionType.ACCESS_PATH) {
          EntityRef home = domainOf(ownership, e.ref());
          for (EntityRef c : consumers.getOrDefault(e.ref(), List.of())) {
            EntityRef theirs = domainOf(ownership, c);
            if (home != null && theirs != null && !home.equals(theirs)) {
              crossDomain.computeIfAbsent(d, k -> new TreeSet<>())
                  .add(e.ref() + " is read by " + c + " (" + theirs + ")");
            }
          }
        }
      }
    }
    List<PersonFit> out = new ArrayList<>();
    for (Entity user : catalog.ofKind(Kind.USER)) {
      List<Held> held = new ArrayList<>();
      Map<Role, Set<DecisionType>> types = new EnumMap<>(Role.class);
      for (Declaration d : ownership.ownedBy(user.ref())) {
        Role role = d.type().role();
        String reason;
        switch (d.type()) {
          case PORTFOLIO -> {
            Set<EntityRef> reached = teams.getOrDefault(d, Set.of());
            if (reached.size() >= 2) {
              reason = "spans " + reached.size() + " teams (" + list(reached) + "): looking across teams is a domain owner's job";
            } else {
              role = Role.PRODUCT_OWNER;
              reason = reached.isEmpty() ? "reaches no team, so it is no cross-team view"
                  : "reaches one team only (" + list(reached) + "): within one team this is staffing, a product owner's call";
            }
          }
          case GUARANTEES, ACCESS_PATH -> {
            Set<String> reads = crossDomain.getOrDefault(d, Set.of());
            reason = reads.isEmpty()
                ? "no other domain reads the data it covers yet; counted by its type"
                : "another domain consumes the data: " + String.join("; ", reads.stream().limit(3).toList())
                    + (reads.size() > 3 ? " and " + (reads.size() - 3) + " more" : "");
          }
          default -> reason = d.type().id() + " is " + article(role) + " decision";
        }
        held.add(new Held(d.type(), d.scope(), covered.getOrDefault(d, 0), role, reason));
        types.computeIfAbsent(role, k -> new LinkedHashSet<>()).add(d.type());
      }
      String title = user.annotation(Annotations.TITLE);
      Role titled = Role.ofTitle(title).orElse(null);
      // Most decision types first; on a tie the role the title names, then the usual order.
      List<Role> fit = new ArrayList<>(types.keySet());
      fit.sort((a, b) -> types.get(b).size() - types.get(a).size() != 0 ? types.get(b).size() - types.get(a).size()
          : a == titled ? -1 : b == titled ? 1 : a.compareTo(b));
      out.add(new PersonFit(user.ref(), user.displayName(), title, Role.ofTitle(title).orElse(null), held, fit));
    }
    return out;
  }

  /** A team: a group of type team, or a group with no groups under it. */
  private static boolean isTeam(Catalog catalog, EntityRef ref) {
    if (!ref.is(Kind.GROUP)) {
      return false;
    }
    Optional<Entity> g = catalog.get(ref);
    return g.isPresent() && ("team".equalsIgnoreCase(g.get().text("type")) || g.get().texts("children").isEmpty());
  }

  /** Who reads each entity: components and resources through dependsOn, components through consumesApis. */
  private static Map<EntityRef, List<EntityRef>> consumers(Catalog catalog) {
    Map<EntityRef, List<EntityRef>> out = new HashMap<>();
    for (Kind kind : List.of(Kind.COMPONENT, Kind.RESOURCE)) {
      for (Entity e : catalog.ofKind(kind)) {
        for (String field : kind == Kind.COMPONENT ? List.of("dependsOn", "consumesApis") : List.of("dependsOn")) {
          for (EntityRef r : catalog.refs(e, field)) {
            out.computeIfAbsent(r, k -> new ArrayList<>()).add(e.ref());
          }
        }
      }
    }
    return out;
  }

  /** The Domain above an entity, or failing that its top-level owning group. */
  private static EntityRef domainOf(Ownership ownership, EntityRef ref) {
    EntityRef group = null;
    for (EntityRef r : ownership.chain(ref)) {
      if (r.is(Kind.DOMAIN)) {
        return r;
      }
      if (r.is(Kind.GROUP)) {
        group = r;
      }
    }
    return group;
  }

  private static String list(Set<EntityRef> refs) {
    List<String> names = refs.stream().map(EntityRef::toString).limit(5).toList();
    return String.join(", ", names) + (refs.size() > 5 ? " and " + (refs.size() - 5) + " more" : "");
  }

  private static String article(Role role) {
    return "a " + role.id();
  }
}
