package dev.whodecides.rules;

import dev.whodecides.catalog.Catalog;
import dev.whodecides.catalog.Entity;
import dev.whodecides.vocabulary.EntityRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
  private final Map<String, Map<String, List<EntityRef>>> oneEdit = new HashMap<>();
  /** Names compared so far by a full scan, and how many it may compare; see {@link #COMPARISONS}. */
  private long compared;
  private final long budget;

  /**
   * How many name comparisons the full scan for slips of two or three edits may make in one lint;
   * past it, hints look for one-edit slips only, through an index. A catalog with thousands of
   * missing names and thousands of candidates would otherwise spend minutes (measured: 20,000
   * missing owners against 5,000 groups took 72 s of rule time with no budget).
   */
  static final long COMPARISONS = 500_000;

  NameHints(Catalog catalog) {
    this(catalog, COMPARISONS);
  }

  NameHints(Catalog catalog, long budget) {
    this.budget = budget;
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
   * EditDistance#slipsAllowed} edits (one edit only once {@link #COMPARISONS} is spent); at
   * most three, closest first, then alphabetically. Ask for the missing entities that matter most
   * first.
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
    long candidates = kinds.stream().mapToLong(k -> byKind.getOrDefault(k, List.of()).size()).sum();
    if (compared + candidates <= budget) {
      compared += candidates;
      for (String kind : new TreeSet<>(kinds)) {
        for (EntityRef r : byKind.getOrDefault(kind, List.of())) {
          rank(missing, r, bound, ranked);
        }
      }
    } else {
      // Past the budget, only one-edit slips, found through an index instead of a scan.
      for (String kind : new TreeSet<>(kinds)) {
        Map<String, List<EntityRef>> index = oneEdit.computeIfAbsent(kind, this::oneEditIndex);
        for (String key : withOneDeleted(missing.name())) {
          for (EntityRef r : index.getOrDefault(key, List.of())) {
            rank(missing, r, 1, ranked);
          }
        }
      }
    }
    return ranked.stream().limit(3).map(Ranked::ref).toList();
  }

  private static void rank(EntityRef missing, EntityRef r, int bound, TreeSet<Ranked> ranked) {
    int d = EditDistance.between(missing.name(), r.name(), bound);
    if (d <= bound && !siblings(missing.name(), r.name())) {
      ranked.add(new Ranked(d, r));
    }
  }

  /** Every name of one kind under itself and under each of its one-character deletions. */
  private Map<String, List<EntityRef>> oneEditIndex(String kind) {
    Map<String, List<EntityRef>> index = new HashMap<>();
    for (EntityRef r : byKind.getOrDefault(kind, List.of())) {
      for (String key : withOneDeleted(r.name())) {
        index.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
      }
    }
    return index;
  }

  /** The name and every string one deleted character away from it: two names one edit apart share one of these. */
  private static Set<String> withOneDeleted(String name) {
    Set<String> out = new HashSet<>();
    out.add(name);
    for (int i = 0; i < name.length(); i++) {
      out.add(name.substring(0, i) + name.substring(i + 1));
    }
    return out;
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
