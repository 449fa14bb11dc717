package dev.whodecides.init;

import dev.whodecides.catalog.Catalog;
import dev.whodecides.catalog.Entity;
import dev.whodecides.decisions.Declaration;
import dev.whodecides.decisions.Gap;
import dev.whodecides.decisions.Ownership;
import dev.whodecides.vocabulary.Annotations;
import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.EntityRef;
import dev.whodecides.vocabulary.Kind;
import dev.whodecides.vocabulary.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Works out the first Decisions of an organization from its gaps: for each team, one Decision per
 * decision type its products need and no Decision covers yet, scoped to their System when the
 * team holds that System alone, otherwise to each product. Decisions that already exist, owned
 * or not, are left as they are, so running it on a partly written catalog fills only the holes.
 */
public final class Planner {

  /** Backstage's limit on a name's length. */
  private static final int MAX_NAME = 63;

  private final Catalog catalog;
  private final Ownership ownership;
  private final Set<String> taken = new HashSet<>();
  private final Map<EntityRef, List<Entity>> members = new HashMap<>();
  private final Map<EntityRef, EntityRef> parents = new HashMap<>();

  private Planner(Ownership ownership) {
    this.ownership = ownership;
    this.catalog = ownership.catalog();
    for (Entity d : catalog.ofKind(Kind.DECISION)) {
      taken.add(d.ref().namespace() + "/" + d.name().toLowerCase(Locale.ROOT));
    }
    for (Entity u : catalog.ofKind(Kind.USER)) {
      for (EntityRef g : catalog.refs(u, "memberOf")) {
        members.computeIfAbsent(g, k -> new ArrayList<>()).add(u);
      }
    }
    for (Entity g : catalog.ofKind(Kind.GROUP)) {
      catalog.ref(g, "parent").filter(p -> p.is(Kind.GROUP)).ifPresent(p -> parents.putIfAbsent(g.ref(), p));
      for (EntityRef child : catalog.refs(g, "children")) {
        if (child.is(Kind.GROUP)) {
          parents.putIfAbsent(child, g.ref());
        }
      }
    }
  }

  /** The drafts for every team with a product that needs an owner and has no Decision for it. */
  public static List<TeamDrafts> plan(Ownership ownership) {
    return new Planner(ownership).plan();
  }

  private List<TeamDrafts> plan() {
    // team -> scope -> decision types to draft there, and the products each scope stands for.
    Map<EntityRef, Map<EntityRef, Set<DecisionType>>> byTeam = new LinkedHashMap<>();
    Map<EntityRef, Set<EntityRef>> productsOf = new HashMap<>();
    for (Gap gap : ownership.gaps().all()) {
      if (gap.declaredUnowned()) {
        continue; // already written down, as unowned: nothing to draft
      }
      Entity product = catalog.get(gap.product()).orElseThrow();
      Optional<EntityRef> team = catalog.ref(product, "owner").filter(r -> r.is(Kind.GROUP));
      if (team.isEmpty()) {
        continue; // a product owned by a person or by nobody: no team file to put it in
      }
      EntityRef scope = scopeFor(product, team.get());
      byTeam.computeIfAbsent(team.get(), k -> new LinkedHashMap<>())
          .computeIfAbsent(scope, k -> EnumSet.noneOf(DecisionType.class)).add(gap.type());
      productsOf.computeIfAbsent(scope, k -> new LinkedHashSet<>()).add(product.ref());
    }
    List<TeamDrafts> out = new ArrayList<>();
    Set<String> files = new HashSet<>();
    byTeam.forEach((team, scopes) -> {
      List<Draft> drafts = new ArrayList<>();
      scopes.forEach((scope, types) -> {
        for (DecisionType t : types) {
          drafts.add(new Draft(name(scope, t), t, scope, List.copyOf(productsOf.get(scope)), candidates(team, t)));
        }
      });
      String base = team.namespace().equals(EntityRef.DEFAULT_NAMESPACE) ? team.name()
          : team.namespace() + "--" + team.name();
      String file = base.toLowerCase(Locale.ROOT) + ".yaml";
      for (int i = 2; !files.add(file); i++) {
        file = base.toLowerCase(Locale.ROOT) + "-" + i + ".yaml";
      }
      String display = catalog.get(team).map(Entity::displayName).orElse(team.name());
      out.add(new TeamDrafts(team, display, file, List.copyOf(drafts)));
    });
    return out;
  }

  /**
   * The product's System when the team holds it alone (it owns the System, or every product in
   * it), so that one Decision covers what the team ships there; otherwise the product itself.
   */
  private EntityRef scopeFor(Entity product, EntityRef team) {
    Optional<EntityRef> system = catalog.ref(product, "system").filter(r -> r.is(Kind.SYSTEM));
    if (system.isEmpty() || catalog.get(system.get()).isEmpty()) {
      return product.ref();
    }
    Entity sys = catalog.get(system.get()).get();
    if (catalog.ref(sys, "owner").filter(team::equals).isPresent() || onlyTeamIn(system.get(), team)) {
      return system.get();
    }
    return product.ref();
  }

  private final Map<EntityRef, Boolean> soleTeam = new HashMap<>();

  private boolean onlyTeamIn(EntityRef system, EntityRef team) {
    return soleTeam.computeIfAbsent(system, s -> {
      for (Kind kind : Kind.DELIVERABLES) {
        for (Entity e : catalog.ofKind(kind)) {
          if (catalog.ref(e, "system").filter(s::equals).isPresent()
              && catalog.ref(e, "owner").filter(team::equals).isEmpty()) {
            return false;
          }
        }
      }
      return true;
    });
  }

  /**
   * Who could own a decision of {@code type} for the team: its members (and members of its
   * sub-groups) whose title names the role that usually holds it, then the team's owner.
   */
  private List<Draft.Candidate> candidates(EntityRef team, DecisionType type) {
    Map<EntityRef, Draft.Candidate> out = new LinkedHashMap<>();
    for (Entity person : membersOf(team)) {
      String title = person.annotation(Annotations.TITLE);
      if (Role.ofTitle(title).filter(r -> r == type.role()).isPresent()) {
        out.putIfAbsent(person.ref(), new Draft.Candidate(person.ref(), person.displayName(),
            title + ", " + type.role().id() + " by title"));
      }
    }
    teamOwner(team).ifPresent(c -> out.putIfAbsent(c.person(), c));
    return List.copyOf(out.values());
  }

  private List<Entity> membersOf(EntityRef team) {
    return members.getOrDefault(team, List.of());
  }

  /**
   * The team's own owner: whoever holds a Decision on the team or a group above it (the nearest
   * group first); where nobody does, the first titled member of the group above (the head of the
   * department the team sits in).
   */
  private Optional<Draft.Candidate> teamOwner(EntityRef team) {
    Set<EntityRef> seen = new HashSet<>();
    for (EntityRef g = team; g != null && seen.add(g); g = parents.get(g)) {
      for (DecisionType t : DecisionType.values()) {
        for (Declaration d : ownership.declaredOn(g, t)) {
          if (d.owner() != null && d.owner().is(Kind.USER)) {
            String name = catalog.get(d.owner()).map(Entity::displayName).orElse(d.owner().name());
            return Optional.of(new Draft.Candidate(d.owner(), name, "team owner: holds " + t.id() + " of " + g));
          }
        }
      }
    }
    EntityRef parent = parents.get(team);
    if (parent != null) {
      for (Entity person : membersOf(parent)) {
        String title = person.annotation(Annotations.TITLE);
        if (title != null && !title.isBlank()) {
          return Optional.of(new Draft.Candidate(person.ref(), person.displayName(),
              "team owner: " + title + " of " + parent));
        }
      }
    }
    return Optional.empty();
  }

  /** {@code <scope>-<type>}, unique among the catalog's Decisions and the drafts, within Backstage's limit. */
  private String name(EntityRef scope, DecisionType type) {
    String base = scope.name().toLowerCase(Locale.ROOT) + "-" + type.id();
    if (base.length() > MAX_NAME) {
      base = base.substring(0, MAX_NAME - 9).replaceAll("[-_.]+$", "") + "-" + shortHash(scope + "|" + type.id());
    }
    String name = base;
    for (int i = 2; !taken.add(EntityRef.DEFAULT_NAMESPACE + "/" + name); i++) {
      String suffix = "-" + i;
      name = (base.length() + suffix.length() > MAX_NAME ? base.substring(0, MAX_NAME - suffix.length()) : base) + suffix;
    }
    return name;
  }

  private static String shortHash(String s) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
