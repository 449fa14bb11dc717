package dev.whodecides.decisions;

import dev.whodecides.catalog.Catalog;
import dev.whodecides.catalog.Entity;
import dev.whodecides.catalog.EntityRef;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A person, their title, the decisions they effectively hold, and the role those decisions fit,
 * whatever the title says.
 */
public record PersonFit(
    EntityRef person, String displayName, String title, Role titleRole, List<Held> decisions, List<Role> fitRoles) {

  /** One declared decision a person owns, and how many entities it effectively governs. */
  public record Held(DecisionType type, EntityRef scope, int entitiesCovered) {}

  public static final String TITLE_ANNOTATION = "whodecides.dev/title";

  /** The role label: the fitting roles, most decision types first, with "(both hats)" when due. */
  public String fit() {
    if (fitRoles.isEmpty()) {
      return "none";
    }
    String label = String.join(" + ", fitRoles.stream().map(Role::id).toList());
    return fitRoles.contains(Role.PRODUCT_OWNER) && fitRoles.contains(Role.PRODUCT_MANAGER)
        ? label + " (both hats)" : label;
  }

  /** Every User in the catalog with what they decide. */
  public static List<PersonFit> of(Ownership ownership) {
    Catalog catalog = ownership.catalog();
    // Count what each declaration governs by walking every entity once per decision type.
    Map<Declaration, Integer> covered = new LinkedHashMap<>();
    for (Entity e : catalog.entities()) {
      String kind = e.ref().kind();
      if (kind.equals("user") || kind.equals("decision") || kind.equals("usecase") || kind.equals("location")) {
        continue;
      }
      for (DecisionType t : DecisionType.values()) {
        ownership.effective(e.ref(), t).ifPresent(eff -> covered.merge(eff.declaration(), 1, Integer::sum));
      }
    }
    List<PersonFit> out = new ArrayList<>();
    for (Entity user : catalog.ofKind("user")) {
      List<Held> held = new ArrayList<>();
      Map<Role, Integer> types = new EnumMap<>(Role.class);
      Map<DecisionType, Boolean> seen = new EnumMap<>(DecisionType.class);
      for (Declaration d : ownership.ownedBy(user.ref())) {
        held.add(new Held(d.type(), d.scope(), covered.getOrDefault(d, 0)));
        if (seen.put(d.type(), true) == null) {
          types.merge(d.type().role(), 1, Integer::sum);
        }
      }
      List<Role> fit = new ArrayList<>(types.keySet());
      fit.sort((a, b) -> types.get(b) - types.get(a) != 0 ? types.get(b) - types.get(a) : a.compareTo(b));
      String title = user.annotation(TITLE_ANNOTATION);
      out.add(new PersonFit(user.ref(), displayName(user), title, Role.ofTitle(title).orElse(null), held, fit));
    }
    return out;
  }

  private static String displayName(Entity user) {
    Object profile = user.spec().get("profile");
    if (profile instanceof Map<?, ?> p && p.get("displayName") != null) {
      return p.get("displayName").toString();
    }
    return Optional.ofNullable(user.title()).orElse(user.name());
  }
}
