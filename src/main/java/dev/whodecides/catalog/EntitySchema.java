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

  // Backstage's field formats (catalog-model's KubernetesValidatorFunctions and makeValidator);
  // names and namespaces are EntityNames'.
  private static final Pattern DNS_LABEL = Pattern.compile("^[a-z0-9]+(-+[a-z0-9]+)*$");
  private static final Pattern TAG = Pattern.compile("^[a-z0-9:+#]+(-[a-z0-9:+#]+)*$");
  private static final Pattern KIND = Pattern.compile("^[a-zA-Z][a-z0-9A-Z]*$");
  private static final Pattern URL_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*", Pattern.DOTALL);
  private static final Set<String> SPECIAL_SCHEMES = Set.of("http", "https", "ws", "wss", "ftp");
  /** Fields a catalog file may have at its root; Backstage refuses every other one. */
  public static final List<String> ROOT_FIELDS = List.of("apiVersion", "kind", "metadata", "spec");
  /** Root fields Backstage itself adds to the entities it serves; valid there, refused in files. */
  public static final List<String> SERVED_ROOT_FIELDS = List.of("relations", "status");
  /** Kinds Backstage validates that whodecides checks but does not analyse. */
  public static final Set<String> CHECKED_ONLY_KINDS = Set.of("AiResource");

  private EntitySchema() {}

  /**
   * One thing wrong with a document: {@code path} names where, as a JSON pointer into the
   * document ({@code /spec/owner}, {@code /metadata/links/0}; empty for the document itself), and
   * {@code atKey} says whether the key is what is wrong (an unknown field) rather than its value.
   */
  public record Issue(String path, String message, boolean atKey) {
    Issue(String path, String message) {
      this(path, message, false);
    }
  }

  private static Set<String> ids(Collection<Kind> kinds) {
    return kinds.stream().map(Kind::id).collect(Collectors.toUnmodifiableSet());
  }

  /** Canonical kind id (lower case) for a document kind, e.g. {@code UseCase} → {@code usecase}. */
  public static String kindId(String kind) {
    return kind.toLowerCase(Locale.ROOT);
  }

  /**
   * Backstage's placeholders ({@code $text: ./openapi.yaml}, {@code $json}, {@code $yaml},
   * {@code $openapi}, {@code $asyncapi}): the catalog backend replaces them with text before it
   * validates, so they count as text here.
   */
  public static boolean isPlaceholder(Object v) {
    return v instanceof Map<?, ?> m && m.size() == 1 && m.keySet().iterator().next() instanceof String k
        && k.startsWith("$") && m.values().iterator().next() instanceof String;
  }

  private static boolean isText(Object v) {
    return v instanceof String || isPlaceholder(v);
  }

  /** Problems with the root of a document: fields Backstage does not allow there. */
  public static List<Issue> checkRoot(Map<String, Object> document, boolean served) {
    List<Issue> p = new ArrayList<>();
    for (String key : document.keySet()) {
      if (ROOT_FIELDS.contains(key) || (served && SERVED_ROOT_FIELDS.contains(key))) {
        continue;
      }
      String where = SERVED_ROOT_FIELDS.contains(key)
          ? "; Backstage adds it to the entities it serves, but refuses it in a catalog file"
          : Kind.byId(String.valueOf(document.get("kind"))).isPresent() && SPEC_FIELDS.contains(key)
              ? "; it belongs under spec (is it indented wrongly?)"
              : "; Backstage allows only apiVersion, kind, metadata and spec there";
      p.add(new Issue("/" + key, "field '" + shorten(key) + "' is not allowed at the top level of a document" + where,
          true));
    }
    return p;
  }

  private static final Set<String> SPEC_FIELDS = Set.of("type", "lifecycle", "owner", "system", "dependsOn",
      "dependencyOf", "consumesApis", "providesApis", "subcomponentOf", "definition", "domain", "subdomainOf",
      "children", "parent", "members", "memberOf", "profile", "target", "targets", "scope", "team");

  /** Problems with the metadata block that every kind shares. */
  public static List<String> checkMetadata(Map<String, Object> metadata) {
    return messages(metadataIssues(metadata));
  }

  /** Problems with the metadata block that every kind shares, with where each one is. */
  public static List<Issue> metadataIssues(Map<String, Object> metadata) {
    List<Issue> p = new ArrayList<>();
    Object name = metadata.get("name");
    if (name == null) {
      p.add(metadata.containsKey("name") ? new Issue("/metadata/name", "metadata.name has no value; every entity needs a name")
          : new Issue("/metadata", "metadata.name is missing; every entity needs a name"));
    } else if (!(name instanceof String s)) {
      p.add(new Issue("/metadata/name", "metadata.name must be text, not " + describe(name)));
    } else if (s.length() > EntityNames.MAX_LENGTH) {
      p.add(new Issue("/metadata/name", "metadata.name is " + s.length() + " characters long; Backstage allows at most "
          + EntityNames.MAX_LENGTH));
    } else if (!EntityNames.isName(s)) {
      p.add(new Issue("/metadata/name", "metadata.name '" + s + "' is not a valid name; use letters and digits,"
          + " with -, _ or . only between them"));
    }
    Object ns = metadata.get("namespace");
    if (ns != null || metadata.containsKey("namespace")) {
      if (!(ns instanceof String s)) {
        p.add(new Issue("/metadata/namespace", "metadata.namespace must be text, not " + describe(ns)));
      } else if (!EntityNames.isNamespace(s)) {
        p.add(new Issue("/metadata/namespace", "metadata.namespace '" + shorten(s)
            + "' is not valid; use lower-case letters and digits separated by -"));
      }
    }
    for (String f : List.of("uid", "etag", "title")) {
      nonEmptyText(p, metadata, "/metadata", f);
    }
    Object description = metadata.get("description");
    if (description == null && metadata.containsKey("description")) {
      p.add(new Issue("/metadata/description", "metadata.description has no value; give it one or leave the key out"));
    } else if (description != null && !(description instanceof String)) {
      p.add(new Issue("/metadata/description", "metadata.description must be text, not " + describe(description)));
    }
    for (String f : List.of("labels", "annotations")) {
      Object v = metadata.get(f);
      if (v == null && !metadata.containsKey(f)) {
        continue;
      }
      if (!(v instanceof Map<?, ?> m)) {
        p.add(new Issue("/metadata/" + f, "metadata." + f + " must be a map of key: value, not " + describe(v)));
        continue;
      }
      for (Map.Entry<?, ?> e : m.entrySet()) {
        String key = String.valueOf(e.getKey());
        String at = "/metadata/" + f + "/" + pointer(key);
        if (!validKey(key)) {
          p.add(new Issue(at, "metadata." + f + " key '" + shorten(key) + "' is not a valid key; use [prefix/]name,"
              + " a lower-case DNS prefix and a name of letters and digits with -, _ or . between them", true));
        }
        if (!(e.getValue() instanceof String s)) {
          p.add(new Issue(at, "metadata." + f + "." + shorten(key) + " must be text (quote it), not " + describe(e.getValue())));
        } else if (f.equals("labels") && !s.isEmpty() && !EntityNames.isName(s)) {
          p.add(new Issue(at, "metadata.labels." + shorten(key) + " '" + shorten(s) + "' is not a valid label value;"
              + " use at most 63 letters and digits, with -, _ or . only between them"));
        }
      }
    }
    if (metadata.get("annotations") instanceof Map<?, ?> annotations) {
      annotationValues(p, annotations);
    }
    Object tags = metadata.get("tags");
    if (tags != null || metadata.containsKey("tags")) {
      if (!(tags instanceof List<?> list)) {
        p.add(new Issue("/metadata/tags", "metadata.tags must be a list, not " + describe(tags)));
      } else {
        for (int i = 0; i < list.size(); i++) {
          Object t = list.get(i);
          if (!(t instanceof String s) || s.length() > 63 || !TAG.matcher(s).matches()) {
            // describe() stays shallow: printing a nested or self-referencing value could recurse forever.
            p.add(new Issue("/metadata/tags/" + i, "metadata.tags entry " + describe(t)
                + " is not a valid tag; use lower-case letters, digits, :, + and # separated by -"));
          }
        }
      }
    }
    if (metadata.containsKey("links")) {
      links(p, metadata.get("links"));
    }
    return p;
  }

  private static void links(List<Issue> p, Object links) {
    if (!(links instanceof List<?> list)) {
      p.add(new Issue("/metadata/links", "metadata.links must be a list of links (- url: ...), not " + describe(links)));
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      String at = "/metadata/links/" + i;
      if (!(list.get(i) instanceof Map<?, ?> link)) {
        p.add(new Issue(at, "metadata.links entry " + (i + 1) + " must be a map with url, not " + describe(list.get(i))));
        continue;
      }
      Object url = link.get("url");
      if (url == null) {
        p.add(new Issue(at, "metadata.links entry " + (i + 1) + " has no url; every link needs one"));
      } else if (!(url instanceof String u) || !validUrl(u)) {
        p.add(new Issue(at + "/url", "metadata.links entry " + (i + 1) + " url " + describe(url)
            + " is not a URL; write it with its scheme, e.g. https://..."));
      }
      for (String f : List.of("title", "icon", "type")) {
        Object v = link.get(f);
        if ((v != null || link.containsKey(f)) && (!(v instanceof String s) || s.isEmpty() || (!f.equals("type") && s.isBlank()))) {
          p.add(new Issue(at + "/" + f, "metadata.links entry " + (i + 1) + " " + f + " must be non-empty text, not "
              + describe(v)));
        }
      }
    }
  }

  /**
   * Whether a link's URL parses the way the catalog's check (a WHATWG URL parser) parses it, near
   * enough: a scheme, and for web schemes a host without spaces.
   */
  static boolean validUrl(String url) {
    String u = url.strip();
    if (!URL_SCHEME.matcher(u).matches()) {
      return false;
    }
    int colon = u.indexOf(':');
    if (!SPECIAL_SCHEMES.contains(u.substring(0, colon).toLowerCase(Locale.ROOT))) {
      return true;
    }
    String rest = u.substring(colon + 1).replaceFirst("^[/\\\\]*", "");
    int end = 0;
    while (end < rest.length() && "/?#\\".indexOf(rest.charAt(end)) < 0) {
      end++;
    }
    String authority = rest.substring(0, end);
    String host = authority.substring(authority.lastIndexOf('@') + 1).replaceFirst(":[0-9]*$", "");
    return !host.isEmpty() && host.chars().noneMatch(c -> c <= ' ' || "<>^|%".indexOf(c) >= 0);
  }

  /** Backstage's annotation and label keys: an optional DNS subdomain and '/', then a name of at most 63. */
  private static boolean validKey(String key) {
    String[] parts = key.split("/", -1);
    if (parts.length > 2) {
      return false;
    }
    if (!EntityNames.isName(parts[parts.length - 1])) {
      return false;
    }
    if (parts.length == 1) {
      return true;
    }
    String prefix = parts[0];
    if (prefix.isEmpty() || prefix.length() > 253) {
      return false;
    }
    for (String label : prefix.split("\\.", -1)) {
      if (label.length() > 63 || !DNS_LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return true;
  }

  /** Whether a kind is written as Backstage's kind check wants it (letters and digits, a letter first). */
  public static boolean validKind(String kind) {
    return kind.length() <= 63 && KIND.matcher(kind).matches();
  }

  /** Problems with the spec of a known kind. */
  public static List<String> checkSpec(String kind, Object specValue) {
    return messages(specIssues(kind, specValue));
  }

  /**
   * Problems with the spec of a kind, as Backstage's kind validators (and whodecides' own kinds)
   * define it; {@code kind} is a kind id or a display name such as {@code AiResource}.
   */
  public static List<Issue> specIssues(String kind, Object specValue) {
    List<Issue> p = new ArrayList<>();
    if (specValue == null) {
      p.add(new Issue("", "spec is missing; every " + displayName(kind) + " needs one"));
      return p;
    }
    if (!(specValue instanceof Map)) {
      p.add(new Issue("/spec", "spec must be a map, not " + describe(specValue)));
      return p;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> spec = (Map<String, Object>) specValue;
    if (kind.equalsIgnoreCase("AiResource")) {
      required(p, spec, "type", "lifecycle", "owner");
      optionalText(p, spec, "system");
      return p;
    }
    Optional<Kind> known = Kind.byId(kind);
    if (known.isEmpty()) {
      return p;
    }
    switch (known.get()) {
      case COMPONENT -> {
        required(p, spec, "type", "lifecycle", "owner");
        optionalText(p, spec, "system", "subcomponentOf");
        optionalTextList(p, spec, "dependsOn", "consumesApis", "providesApis");
      }
      case API -> {
        if ("mcp-server".equals(spec.get("type"))) {
          required(p, spec, "type", "lifecycle", "owner");
          optionalText(p, spec, "system");
          remotes(p, spec.get("remotes"));
        } else {
          required(p, spec, "type", "lifecycle", "owner", "definition");
          optionalText(p, spec, "system");
        }
      }
      case RESOURCE -> {
        required(p, spec, "type", "owner");
        optionalText(p, spec, "system");
        optionalTextList(p, spec, "dependsOn");
      }
      case SYSTEM -> {
        required(p, spec, "owner");
        optionalText(p, spec, "domain", "type");
      }
      case DOMAIN -> {
        required(p, spec, "owner");
        optionalText(p, spec, "subdomainOf", "type");
      }
      case GROUP -> {
        required(p, spec, "type");
        if (!spec.containsKey("children")) {
          p.add(new Issue("/spec", "spec.children is missing; Backstage requires it on a Group: write children: []"
              + " for a group without sub-groups"));
        }
        optionalText(p, spec, "parent");
        optionalTextList(p, spec, "children", "members");
        profile(p, spec);
      }
      case USER -> {
        if (!spec.containsKey("memberOf")) {
          p.add(new Issue("/spec", "spec.memberOf is missing; Backstage requires it on a User: write memberOf: []"
              + " for someone in no group"));
        }
        optionalTextList(p, spec, "memberOf");
        profile(p, spec);
      }
      case LOCATION -> {
        optionalText(p, spec, "target", "type");
        optionalTextList(p, spec, "targets");
        Object presence = spec.get("presence");
        if ((presence != null || spec.containsKey("presence")) && !"required".equals(presence) && !"optional".equals(presence)) {
          p.add(new Issue("/spec/presence", "spec.presence must be required or optional, not " + describe(presence)));
        }
      }
      case DECISION -> {
        required(p, spec, "type", "scope");
        Object type = spec.get("type");
        if (type instanceof String t && !DECISION_TYPES.contains(t)) {
          p.add(new Issue("/spec/type", "spec.type '" + shorten(t) + "' is not a decision type; use one of "
              + sorted(DECISION_TYPES)));
        }
        optionalText(p, spec, "owner", "reviewBy");
        optionalTextList(p, spec, "consulted", "informed");
        if (spec.get("reviewBy") instanceof String r && !isDate(r)) {
          p.add(new Issue("/spec/reviewBy", "spec.reviewBy '" + shorten(r) + "' is not a date; write it YYYY-MM-DD, e.g. 2027-06-01"));
        }
      }
      case USECASE -> {
        required(p, spec, "team");
        optionalText(p, spec, "problem", "businessOwner", "solution", "description");
        optionalTextList(p, spec, "needs", "staffed");
        Object solution = spec.get("solution");
        if (solution instanceof String s && !SOLUTIONS.contains(s)) {
          p.add(new Issue("/spec/solution", "spec.solution '" + shorten(s) + "' is not a solution; use one of "
              + sorted(SOLUTIONS)));
        }
        if (spec.get("needs") instanceof List<?> needs) {
          for (int i = 0; i < needs.size(); i++) {
            if (needs.get(i) instanceof String s && !SKILLS.contains(s)) {
              p.add(new Issue("/spec/needs/" + i, "spec.needs entry '" + shorten(s) + "' is not a skill; use one of "
                  + sorted(SKILLS)));
            }
          }
        }
        Object volume = spec.get("volume");
        if (volume != null && !(volume instanceof Long l && l >= 0)) {
          p.add(new Issue("/spec/volume", "spec.volume must be a whole number of items, not " + describe(volume)));
        }
      }
      case IMPROVEMENT -> {
        required(p, spec, "target", "metric");
        optionalText(p, spec, "businessMetric", "description");
        for (String f : List.of("current", "goal")) {
          Object v = spec.get(f);
          if (v == null) {
            p.add(new Issue("/spec", "spec." + f + " is missing; write the "
                + (f.equals("goal") ? "value aimed for" : "value today") + " as a number or a duration such as 2h"));
          } else if (Durations.parse(v).isEmpty() && !(v instanceof Number)) {
            p.add(new Issue("/spec/" + f, "spec." + f + " must be a number or a duration such as 90m or 2h, not "
                + describe(v)));
          }
        }
      }
    }
    return p;
  }

  /** An MCP server API names where it can be reached instead of a definition. */
  private static void remotes(List<Issue> p, Object remotes) {
    if (remotes == null) {
      p.add(new Issue("/spec", "spec.remotes is missing; Backstage requires it on an API of type mcp-server:"
          + " list where the server runs, each with type and url"));
      return;
    }
    if (!(remotes instanceof List<?> list) || list.isEmpty()) {
      // (null included: a key without a value is no list)
      p.add(new Issue("/spec/remotes", "spec.remotes must be a non-empty list of {type, url}, not " + describe(remotes)));
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof Map<?, ?> remote)) {
        p.add(new Issue("/spec/remotes/" + i, "spec.remotes entry " + (i + 1) + " must be a map with type and url, not "
            + describe(list.get(i))));
        continue;
      }
      for (String f : List.of("type", "url")) {
        Object v = remote.get(f);
        if (!(v instanceof String s) || s.isEmpty()) {
          p.add(new Issue("/spec/remotes/" + i + (v == null ? "" : "/" + f), "spec.remotes entry " + (i + 1) + " "
              + f + (v == null ? " is missing" : " must be non-empty text, not " + describe(v))));
        }
      }
    }
  }

  private static String displayName(String kind) {
    return Kind.byId(kind).map(Kind::displayName).orElse(kind);
  }

  private static List<String> messages(List<Issue> issues) {
    return issues.stream().map(Issue::message).toList();
  }

  /** A JSON pointer segment: '~' and '/' escaped. */
  static String pointer(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  /** whodecides' own annotations carry values a rule reads, so a typo there is an error, not silence. */
  private static void annotationValues(List<Issue> p, Map<?, ?> annotations) {
    if (annotations.get(Annotations.SCHEDULE) instanceof String s && Schedule.period(s).isEmpty()) {
      p.add(new Issue("/metadata/annotations/" + pointer(Annotations.SCHEDULE), "annotation " + Annotations.SCHEDULE + " '" + shorten(s) + "' is not a schedule; use hourly, daily, weekly,"
          + " monthly or a five-field cron expression such as '0 3 * * 1'"));
    }
    if (annotations.get(Annotations.DEADLINE) instanceof String s && Durations.parse(s).isEmpty()) {
      p.add(new Issue("/metadata/annotations/" + pointer(Annotations.DEADLINE), "annotation " + Annotations.DEADLINE + " '" + shorten(s) + "' is not a duration; write it like 4h or 30m"));
    }
    if (annotations.get(Annotations.SKILLS) instanceof String s) {
      for (String skill : s.split(",")) {
        if (!SKILLS.contains(skill.trim())) {
          p.add(new Issue("/metadata/annotations/" + pointer(Annotations.SKILLS), "annotation " + Annotations.SKILLS + " entry '" + shorten(skill.trim()) + "' is not a skill; use one of "
              + sorted(SKILLS)));
        }
      }
    }
    if (annotations.get(Annotations.FOLLOWS) instanceof String s) {
      try {
        EntityRef.parse(s, Kind.USECASE.id());
      } catch (IllegalArgumentException e) {
        p.add(new Issue("/metadata/annotations/" + pointer(Annotations.FOLLOWS), "annotation " + Annotations.FOLLOWS + " '" + shorten(s) + "' is not a reference; write usecase:NAME"));
      }
    }
  }

  private static void required(List<Issue> p, Map<String, Object> spec, String... fields) {
    for (String f : fields) {
      Object v = spec.get(f);
      if (v == null) {
        p.add(new Issue("/spec", "spec." + f + " is missing; it is required"));
      } else if (!isText(v)) {
        p.add(new Issue("/spec/" + f, "spec." + f + " must be text, not " + describe(v)));
      } else if (v instanceof String s && s.isEmpty()) {
        p.add(new Issue("/spec/" + f, "spec." + f + " is empty; it is required"));
      }
    }
  }

  private static void optionalText(List<Issue> p, Map<String, Object> spec, String... fields) {
    for (String f : fields) {
      nonEmptyText(p, spec, "/spec", f);
    }
  }

  private static void nonEmptyText(List<Issue> p, Map<String, Object> map, String at, String f) {
    Object v = map.get(f);
    String name = at.substring(1).replace('/', '.') + "." + f;
    if (v == null && map.containsKey(f)) {
      p.add(new Issue(at + "/" + f, name + " has no value; give it one or leave the key out"));
    } else if (v != null && !isText(v)) {
      p.add(new Issue(at + "/" + f, name + " must be text, not " + describe(v)));
    } else if (v instanceof String s && s.isEmpty()) {
      p.add(new Issue(at + "/" + f, name + " is empty; leave it out or give it a value"));
    }
  }

  private static void optionalTextList(List<Issue> p, Map<String, Object> spec, String... fields) {
    for (String f : fields) {
      Object v = spec.get(f);
      if (v == null && spec.containsKey(f)) {
        p.add(new Issue("/spec/" + f, "spec." + f + " has no value; write [] for an empty list or leave the key out"));
        continue;
      }
      if (v == null) {
        continue;
      }
      if (!(v instanceof List<?> list)) {
        p.add(new Issue("/spec/" + f, "spec." + f + " must be a list, not " + describe(v)
            + (v instanceof String ? " (write [" + shorten(v.toString()) + "])" : "")));
        continue;
      }
      for (int i = 0; i < list.size(); i++) {
        Object o = list.get(i);
        if (!isText(o) || (o instanceof String s && s.isEmpty())) {
          p.add(new Issue("/spec/" + f + "/" + i, "spec." + f + " entries must be non-empty text, not " + describe(o)));
          break;
        }
      }
    }
  }

  /** Backstage's profile is a map whose displayName, email and picture are non-empty text. */
  private static void profile(List<Issue> p, Map<String, Object> spec) {
    Object v = spec.get("profile");
    if ((v != null || spec.containsKey("profile")) && !(v instanceof Map)) {
      p.add(new Issue("/spec/profile", "spec.profile must be a map, not " + describe(v)));
    }
    if (v instanceof Map<?, ?> profile) {
      for (String f : List.of("displayName", "email", "picture")) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) profile;
        nonEmptyText(p, m, "/spec/profile", f);
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

  private static boolean isDate(String text) {
    try {
      java.time.LocalDate.parse(text.strip());
      return true;
    } catch (java.time.format.DateTimeParseException e) {
      return false;
    }
  }
}
