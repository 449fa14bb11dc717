package dev.whodecides.catalog;

import dev.whodecides.vocabulary.Annotations;
import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.EntityNames;
import dev.whodecides.vocabulary.EntityRef;
import dev.whodecides.vocabulary.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rules a catalog document must follow: Backstage's envelope and kinds, and whodecides' own
 * kinds. Returns problems as sentences a person can act on; an empty list means valid.
 */
public final class EntitySchema {

  // The schema's views of the vocabulary: the sets it checks documents against.
  public static final Set<String> BACKSTAGE_VERSIONS = Kind.BACKSTAGE_VERSIONS;
  public static final String WHODECIDES_VERSION = Kind.WHODECIDES_VERSION;
  public static final Set<String> BACKSTAGE_KINDS = ids(Kind.of(Kind.Schema.BACKSTAGE));
  public static final Set<String> WHODECIDES_KINDS = ids(Kind.of(Kind.Schema.WHODECIDES));
  public static final Set<String> DECISION_TYPES =
      Arrays.stream(DecisionType.values()).map(DecisionType::id).collect(Collectors.toUnmodifiableSet());
  public static final Set<String> SCOPE_KINDS = ids(Kind.SCOPES);

  public static final Set<String> SOLUTIONS =
      Set.of("model", "dashboard", "api", "automation", "manual-fix", "mvp", "external", "hire");
  public static final Set<String> SKILLS =
      Set.of("data-scientist", "ml-engineer", "mlops", "data-engineer", "analyst");

  private static final Pattern TAG = Pattern.compile("^[a-z0-9:+#]+(-[a-z0-9:+#]+)*$");
  private static final Pattern KEY =
      Pattern.compile("^(([a-z0-9]+(-[a-z0-9]+)*)(\\.[a-z0-9]+(-[a-z0-9]+)*)*/)?[A-Za-z0-9]([-_.A-Za-z0-9]*[A-Za-z0-9])?$");

  private EntitySchema() {}

  private static Set<String> ids(Collection<Kind> kinds) {
    return kinds.stream().map(Kind::id).collect(Collectors.toUnmodifiableSet());
  }

  /** Canonical kind id (lower case) for a document kind, e.g. {@code UseCase} → {@code usecase}. */
  public static String kindId(String kind) {
    return kind.toLowerCase(Locale.ROOT);
  }

  /** Problems with the metadata block that every kind shares. */
  public static List<String> checkMetadata(Map<String, Object> metadata) {
    List<String> p = new ArrayList<>();
    Object name = metadata.get("name");
    if (name == null) {
      p.add("metadata.name is missing; every entity needs a name");
    } else if (!(name instanceof String s)) {
      p.add("metadata.name must be text, not " + describe(name));
    } else if (s.length() > EntityNames.MAX_LENGTH) {
      p.add("metadata.name is " + s.length() + " characters long; Backstage allows at most " + EntityNames.MAX_LENGTH);
    } else if (!EntityNames.isName(s)) {
      p.add("metadata.name '" + s + "' is not a valid name; use letters and digits separated by single -, _ or .");
    }
    Object ns = metadata.get("namespace");
    if (ns != null) {
      if (!(ns instanceof String s)) {
        p.add("metadata.namespace must be text, not " + describe(ns));
      } else if (!EntityNames.isNamespace(s)) {
        p.add("metadata.namespace '" + s + "' is not valid; use lower-case letters and digits separated by -");
      }
    }
    for (String f : List.of("title", "description")) {
      Object v = metadata.get(f);
      if (v != null && !(v instanceof String)) {
        p.add("metadata." + f + " must be text, not " + describe(v));
      }
    }
    for (String f : List.of("labels", "annotations")) {
      Object v = metadata.get(f);
      if (v == null) {
        continue;
      }
      if (!(v instanceof Map<?, ?> m)) {
        p.add("metadata." + f + " must be a map of key: value, not " + describe(v));
        continue;
      }
      for (Map.Entry<?, ?> e : m.entrySet()) {
        String key = String.valueOf(e.getKey());
        if (key.length() > 317 || !KEY.matcher(key).matches()) {
          p.add("metadata." + f + " key '" + shorten(key) + "' is not a valid key; use [prefix/]name with letters, digits, -, _ and .");
        }
        if (!(e.getValue() instanceof String)) {
          p.add("metadata." + f + "." + shorten(key) + " must be text (quote it), not " + describe(e.getValue()));
        }
      }
    }
    if (metadata.get("annotations") instanceof Map<?, ?> annotations) {
      annotationValues(p, annotations);
    }
    Object tags = metadata.get("tags");
    if (tags != null) {
      if (!(tags instanceof List<?> list)) {
        p.add("metadata.tags must be a list, not " + describe(tags));
      } else {
        for (Object t : list) {
          if (!(t instanceof String s) || s.length() > 63 || !TAG.matcher(s).matches()) {
            // describe() stays shallow: printing a nested or self-referencing value could recurse forever.
            p.add("metadata.tags entry " + describe(t)
                + " is not a valid tag; use lower-case letters, digits, :, + and # separated by -");
          }
        }
      }
    }
    return p;
  }

  /** Problems with the spec of a known kind. */
  public static List<String> checkSpec(String kind, Object specValue) {
    List<String> p = new ArrayList<>();
    if (specValue != null && !(specValue instanceof Map)) {
      p.add("spec must be a map, not " + describe(specValue));
      return p;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> spec = specValue == null ? Map.of() : (Map<String, Object>) specValue;
    Optional<Kind> known = Kind.byId(kind);
    if (known.isEmpty()) {
      return p;
    }
    switch (known.get()) {
      case COMPONENT -> {
        required(p, spec, "type", "lifecycle", "owner");
        optionalText(p, spec, "system", "subcomponentOf");
        optionalTextList(p, spec, "dependsOn", "dependencyOf", "consumesApis", "providesApis");
      }
      case API -> {
        required(p, spec, "type", "lifecycle", "owner");
        if (!spec.containsKey("definition")) {
          p.add("spec.definition is missing; an API needs its definition");
        }
        optionalText(p, spec, "system");
      }
      case RESOURCE -> {
        required(p, spec, "type", "owner");
        optionalText(p, spec, "system");
        optionalTextList(p, spec, "dependsOn", "dependencyOf");
      }
      case SYSTEM -> {
        required(p, spec, "owner");
        optionalText(p, spec, "domain");
      }
      case DOMAIN -> {
        required(p, spec, "owner");
        optionalText(p, spec, "subdomainOf");
      }
      case GROUP -> {
        required(p, spec, "type");
        if (!spec.containsKey("children")) {
          p.add("spec.children is missing; write children: [] for a group without sub-groups");
        }
        optionalText(p, spec, "parent");
        optionalTextList(p, spec, "children", "members");
        optionalMap(p, spec, "profile");
        profile(p, spec);
      }
      case USER -> {
        optionalTextList(p, spec, "memberOf");
        optionalMap(p, spec, "profile");
        profile(p, spec);
      }
      case LOCATION -> {
        optionalText(p, spec, "target", "type");
        optionalTextList(p, spec, "targets");
        if (!spec.containsKey("target") && !spec.containsKey("targets")) {
          p.add("spec.target or spec.targets is missing; a Location needs something to point at");
        }
      }
      case DECISION -> {
        required(p, spec, "type", "scope");
        Object type = spec.get("type");
        if (type instanceof String t && !DECISION_TYPES.contains(t)) {
          p.add("spec.type '" + shorten(t) + "' is not a decision type; use one of " + sorted(DECISION_TYPES));
        }
        optionalText(p, spec, "owner");
        optionalTextList(p, spec, "consulted", "informed");
      }
      case USECASE -> {
        required(p, spec, "team");
        optionalText(p, spec, "problem", "businessOwner", "solution", "description");
        optionalTextList(p, spec, "needs", "staffed");
        Object solution = spec.get("solution");
        if (solution instanceof String s && !SOLUTIONS.contains(s)) {
          p.add("spec.solution '" + shorten(s) + "' is not a solution; use one of " + sorted(SOLUTIONS));
        }
        if (spec.get("needs") instanceof List<?> needs) {
          for (Object n : needs) {
            if (n instanceof String s && !SKILLS.contains(s)) {
              p.add("spec.needs entry '" + shorten(s) + "' is not a skill; use one of " + sorted(SKILLS));
            }
          }
        }
        Object volume = spec.get("volume");
        if (volume != null && !(volume instanceof Long l && l >= 0)) {
          p.add("spec.volume must be a whole number of items, not " + describe(volume));
        }
      }
      case IMPROVEMENT -> {
        required(p, spec, "target", "metric");
        optionalText(p, spec, "businessMetric", "description");
        for (String f : List.of("current", "goal")) {
          Object v = spec.get(f);
          if (v == null) {
            p.add("spec." + f + " is missing; write the " + (f.equals("goal") ? "value aimed for" : "value today")
                + " as a number or a duration such as 2h");
          } else if (Durations.parse(v).isEmpty() && !(v instanceof Number)) {
            p.add("spec." + f + " must be a number or a duration such as 90m or 2h, not " + describe(v));
          }
        }
      }
    }
    return p;
  }

  /** whodecides' own annotations carry values a rule reads, so a typo there is an error, not silence. */
  private static void annotationValues(List<String> p, Map<?, ?> annotations) {
    if (annotations.get(Annotations.SCHEDULE) instanceof String s && Schedule.period(s).isEmpty()) {
      p.add("annotation " + Annotations.SCHEDULE + " '" + shorten(s) + "' is not a schedule; use hourly, daily, weekly,"
          + " monthly or a five-field cron expression such as '0 3 * * 1'");
    }
    if (annotations.get(Annotations.DEADLINE) instanceof String s && Durations.parse(s).isEmpty()) {
      p.add("annotation " + Annotations.DEADLINE + " '" + shorten(s) + "' is not a duration; write it like 4h or 30m");
    }
    if (annotations.get(Annotations.SKILLS) instanceof String s) {
      for (String skill : s.split(",")) {
        if (!SKILLS.contains(skill.trim())) {
          p.add("annotation " + Annotations.SKILLS + " entry '" + shorten(skill.trim()) + "' is not a skill; use one of "
              + sorted(SKILLS));
        }
      }
    }
    if (annotations.get(Annotations.FOLLOWS) instanceof String s) {
      try {
        EntityRef.parse(s, Kind.USECASE.id());
      } catch (IllegalArgumentException e) {
        p.add("annotation " + Annotations.FOLLOWS + " '" + shorten(s) + "' is not a reference; write usecase:NAME");
      }
    }
  }

  private static void required(List<String> p, Map<String, Object> spec, String... fields) {
    for (String f : fields) {
      Object v = spec.get(f);
      if (v == null) {
        p.add("spec." + f + " is missing; it is required");
      } else if (!(v instanceof String s)) {
        p.add("spec." + f + " must be text, not " + describe(v));
      } else if (s.isBlank()) {
        p.add("spec." + f + " is empty; it is required");
      }
    }
  }

  private static void optionalText(List<String> p, Map<String, Object> spec, String... fields) {
    for (String f : fields) {
      Object v = spec.get(f);
      if (v != null && !(v instanceof String)) {
        p.add("spec." + f + " must be text, not " + describe(v));
      }
    }
  }

  private static void optionalTextList(List<String> p, Map<String, Object> spec, String... fields) {
    for (String f : fields) {
      Object v = spec.get(f);
      if (v == null) {
        continue;
      }
      if (!(v instanceof List<?> list)) {
        p.add("spec." + f + " must be a list, not " + describe(v));
        continue;
      }
      for (Object o : list) {
        if (!(o instanceof String)) {
          p.add("spec." + f + " entries must be text, not " + describe(o));
          break;
        }
      }
    }
  }

  private static void optionalMap(List<String> p, Map<String, Object> spec, String... fields) {
    for (String f : fields) {
      Object v = spec.get(f);
      if (v != null && !(v instanceof Map)) {
        p.add("spec." + f + " must be a map, not " + describe(v));
      }
    }
  }

  /** Backstage's profile fields are text; {@code roles} prints displayName. */
  private static void profile(List<String> p, Map<String, Object> spec) {
    if (spec.get("profile") instanceof Map<?, ?> profile) {
      for (String f : List.of("displayName", "email", "picture")) {
        Object v = profile.get(f);
        if (v != null && !(v instanceof String)) {
          p.add("spec.profile." + f + " must be text, not " + describe(v));
        }
      }
    }
  }

  static String describe(Object v) {
    if (v == null) {
      return "nothing";
    }
    if (v instanceof Map) {
      return "a map";
    }
    if (v instanceof List) {
      return "a list";
    }
    if (v instanceof Boolean b) {
      return "the boolean " + b;
    }
    if (v instanceof Number n) {
      return "the number " + n;
    }
    return "'" + shorten(v.toString()) + "'";
  }

  static String shorten(String s) {
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }

  private static String sorted(Set<String> s) {
    return String.join(", ", new TreeSet<>(s));
  }
}
