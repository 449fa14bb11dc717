package dev.whodecides.notify;

import dev.whodecides.catalog.Catalog;
import dev.whodecides.catalog.Entity;
import dev.whodecides.vocabulary.EntityRef;
import dev.whodecides.vocabulary.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A person (or a group with a mailing address) to tell about a call: the canonical reference, the
 * name to address them by and the e-mail address of their profile, null when the catalog has none.
 */
public record Stakeholder(String ref, String name, String email) {

  /**
   * The people behind a Decision's {@code informed} or {@code consulted} list, in order, each once.
   * A user is themselves. A group with an e-mail address in its profile is told at that address, as
   * one entry; a group without one stands for its members (users whose {@code memberOf} names it,
   * or whom its {@code members} lists), and so on down its child groups. A group with neither an
   * address nor anybody in it is kept as itself, so that nobody listed vanishes from the event.
   * A reference the catalog does not know is kept with no name beyond itself and no address.
   */
  public static List<Stakeholder> of(Catalog catalog, List<EntityRef> refs) {
    Map<EntityRef, List<EntityRef>> members = new LinkedHashMap<>();
    for (Entity u : catalog.ofKind(Kind.USER)) {
      for (EntityRef g : catalog.refs(u, "memberOf")) {
        members.computeIfAbsent(g, k -> new ArrayList<>()).add(u.ref());
      }
    }
    Map<String, Stakeholder> out = new LinkedHashMap<>();
    Set<EntityRef> seenGroups = new HashSet<>();
    for (EntityRef ref : refs) {
      add(catalog, members, ref, out, seenGroups);
    }
    return List.copyOf(out.values());
  }

  private static void add(Catalog catalog, Map<EntityRef, List<EntityRef>> members, EntityRef ref,
      Map<String, Stakeholder> out, Set<EntityRef> seenGroups) {
    Entity e = catalog.get(ref).orElse(null);
    if (e == null || !ref.is(Kind.GROUP)) {
      out.putIfAbsent(ref.toString(), person(ref, e));
      return;
    }
    if (!seenGroups.add(ref)) {
      return;
    }
    if (email(e) != null) {
      out.putIfAbsent(ref.toString(), person(ref, e));
      return;
    }
    List<EntityRef> inside = new ArrayList<>(members.getOrDefault(ref, List.of()));
    for (String m : e.texts("members")) { // Backstage's optional list on a Group
      catalog.resolve(m, List.of(Kind.USER)).ifPresent(inside::add);
    }
    catalog.refs(e, "children").stream().filter(c -> c.is(Kind.GROUP)).forEach(inside::add);
    if (inside.isEmpty()) {
      out.putIfAbsent(ref.toString(), person(ref, e));
      return;
    }
    for (EntityRef m : inside) {
      add(catalog, members, m, out, seenGroups);
    }
  }

  private static Stakeholder person(EntityRef ref, Entity e) {
    return new Stakeholder(ref.toString(), e == null ? ref.toString() : e.displayName(), e == null ? null : email(e));
  }

  private static String email(Entity e) {
    return e.spec().get("profile") instanceof Map<?, ?> p && p.get("email") instanceof String s && !s.isBlank()
        ? s.strip() : null;
  }
}
