package dev.whodecides.rules;

import dev.whodecides.catalog.Catalog;
import dev.whodecides.catalog.Entity;
import dev.whodecides.vocabulary.EntityRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What a reference that names nothing was probably meant to name: the same name as another kind
 * or in another namespace, a name a slip of the keyboard away, or the person or team whose
 * display name or e-mail address was written instead of a name. Built once per lint, and only when
 * some reference is missing.
 */
final class NameHints {

  /** A person or team found by how they are shown or mailed, with what matched. */
  record Profile(EntityRef ref, String matched) {}

  private final Map<String, List<EntityRef>> byName = new HashMap<>();
  private final Map<String, List<EntityRef>> byKind = new HashMap<>();
  private final Map<String, Profile> byProfile = new HashMap<>();

  NameHints(Catalog catalog) {
    for (Entity e : catalog.entities()) {
      EntityRef r = e.ref();
      byName.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(r);
      byKind.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(r);
      if (e.spec().get("profile") instanceof Map<?, ?> p) {
        for (String field : List.of("displayName", "email")) {
          if (p.get(field) instanceof String s && !s.isBlank()) {
            byProfile.putIfAbsent(key(s), new Profile(r, s.trim()));
          }
        }
      }
    }
  }

  /**
   * Entities of the given kinds that are the closest to {@code missing}: the same name as another
   * kind or in another namespace when there are such, else names within {@link
   * EditDistance#slipsAllowed} edits; at most three, closest first, then alphabetically.
   */
  List<EntityRef> near(EntityRef missing, Collection<String> kinds) {
    List<EntityRef> same = new ArrayList<>();
    for (EntityRef r : byName.getOrDefault(missing.name(), List.of())) {
      if (kinds.contains(r.kind()) && !r.equals(missing)) {
        same.add(r);
      }
    }
    if (!same.isEmpty()) {
      return same.stream().sorted().limit(3).toList();
    }
    int bound = EditDistance.slipsAllowed(missing.name());
    TreeSet<Ranked> ranked = new TreeSet<>();
    for (String kind : new TreeSet<>(kinds)) {
      for (EntityRef r : byKind.getOrDefault(kind, List.of())) {
        int d = EditDistance.between(missing.name(), r.name(), bound);
        if (d <= bound && !siblings(missing.name(), r.name())) {
          ranked.add(new Ranked(d, r));
        }
      }
    }
    return ranked.stream().limit(3).map(Ranked::ref).toList();
  }

  /**
   * True when two names read as members of one numbered or lettered family rather than one name
   * mistyped: they differ in a single part of at most two characters or of digits only
   * ({@code team-a} and {@code team-d}, {@code etl-1} and {@code etl-2}), or one is the other with
   * such a part added ({@code sample-service} and {@code sample-service-2}). Offering one for the
   * other would point at a different team, not at a typo.
   */
  static boolean siblings(String a, String b) {
    String[] x = a.split("[-_.]");
    String[] y = b.split("[-_.]");
    if (Math.abs(x.length - y.length) == 1) {
      String[] longer = x.length > y.length ? x : y;
      String[] shorter = x.length > y.length ? y : x;
      for (int skip = 0; skip < longer.length; skip++) {
        if (tag(longer[skip]) && sameWithout(longer, shorter, skip)) {
          return true;
        }
      }
      return false;
    }
    if (x.length != y.length) {
      return false;
    }
    int differing = -1;
    for (int i = 0; i < x.length; i++) {
      if (!x[i].equals(y[i])) {
        if (differing >= 0) {
          return false;
        }
        differing = i;
      }
    }
    return differing >= 0 && tag(x[differing]) && tag(y[differing]);
  }

  private static boolean tag(String part) {
    return part.length() <= 2 || part.chars().allMatch(Character::isDigit);
  }

  private static boolean sameWithout(String[] longer, String[] shorter, int skip) {
    for (int i = 0, j = 0; i < longer.length; i++) {
      if (i != skip && !longer[i].equals(shorter[j++])) {
        return false;
      }
    }
    return true;
  }

  /** The entity of one of the given kinds whose profile shows or mails exactly this text. */
  Optional<Profile> byProfile(String text, Collection<String> kinds) {
    Profile p = byProfile.get(key(text));
    return p != null && kinds.contains(p.ref().kind()) ? Optional.of(p) : Optional.empty();
  }

  /** True when an entity with this reference exists. */
  boolean exists(EntityRef ref) {
    return byName.getOrDefault(ref.name(), List.of()).contains(ref);
  }

  private static String key(String s) {
    return s.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  private record Ranked(int distance, EntityRef ref) implements Comparable<Ranked> {
    @Override
    public int compareTo(Ranked o) {
      return distance != o.distance ? Integer.compare(distance, o.distance) : ref.compareTo(o.ref);
    }
  }

  /** How a person types a reference: {@code kind:name}, with the namespace only when it is not the default. */
  static String typed(EntityRef r) {
    return r.kind() + ":" + (r.namespace().equals(EntityRef.DEFAULT_NAMESPACE) ? "" : r.namespace() + "/") + r.name();
  }
}
