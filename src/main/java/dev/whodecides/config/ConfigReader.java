package dev.whodecides.config;

import dev.whodecides.catalog.CatalogLoader;
import dev.whodecides.catalog.YamlDocument;
import dev.whodecides.catalog.YamlReader;
import dev.whodecides.rules.BuiltInRules;
import dev.whodecides.rules.EditDistance;
import dev.whodecides.rules.EntityGlob;
import dev.whodecides.rules.RuleDescriptor;
import dev.whodecides.rules.Severity;
import dev.whodecides.rules.Waiver;
import dev.whodecides.rules.WaiverRule;
import dev.whodecides.vocabulary.EntityRef;
import dev.whodecides.notify.Webhook;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code .whodecides.yaml} and checks all of it before anything is used: every unknown key,
 * bad value, bad pattern, unknown rule and incomplete waiver is reported at its line and column.
 */
public final class ConfigReader {

  /** The options each rule with a threshold takes besides {@code severity}. */
  static final Map<String, String> OPTIONS = Map.of(
      "duplicated-work", "threshold",
      "manual-fix-suffices", "volume",
      "generic-resource", "useCases");

  private static final Set<String> TOP = Set.of("rules", "external", "exclude", "waivers", "notify");
  private static final List<String> WAIVER_KEYS = List.of("rule", "entity", "reason", "by", "until");
  private static final List<String> WEBHOOK_KEYS = List.of("url", "secret", "format");
  /** A secret written as {@code ${NAME}} is read from that environment variable. */
  private static final Pattern ENV_SECRET = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

  private final String file;
  private final Path base;
  private final Function<String, String> env;
  private final List<String> problems = new ArrayList<>();
  private Map<String, int[]> positions = Map.of();

  private ConfigReader(Path path, Function<String, String> env) {
    this.env = env;
    this.file = CatalogLoader.display(path);
    Path parent = path.toAbsolutePath().normalize().getParent();
    this.base = parent == null ? path.toAbsolutePath() : parent;
  }

  public static Config read(Path path) throws ConfigError {
    return read(path, System::getenv);
  }

  /** Reads with {@code env} as the environment that {@code ${NAME}} secrets come from. */
  public static Config read(Path path, Function<String, String> env) throws ConfigError {
    return new ConfigReader(path, env).readFile(path);
  }

  private Config readFile(Path path) throws ConfigError {
    List<YamlDocument> docs = new ArrayList<>();
    try {
      YamlReader.readWithPositions(path, docs::add);
    } catch (YamlReader.YamlError e) {
      throw new ConfigError(List.of(file + ":" + Math.max(e.line(), 1) + ":" + Math.max(e.column(), 1) + ": "
          + e.getMessage()));
    } catch (IOException e) {
      throw new ConfigError(List.of(file + ": cannot read the configuration (" + e.getMessage()
          + "); check the path given to --config or the file's permissions"));
    }
    if (docs.size() > 1) {
      throw new ConfigError(List.of(file + ":" + docs.get(1).line() + ":1: the configuration is one YAML document;"
          + " remove the second '---' and merge what follows into the first"));
    }
    if (docs.isEmpty()) {
      return new Config(path, Map.of(), List.of(), List.of(), List.of(), List.of());
    }
    YamlDocument doc = docs.get(0);
    positions = doc.positions();
    for (String dup : doc.duplicateKeys()) {
      problems.add(file + ":" + doc.line() + ":1: key " + dup + " is written twice; keep one");
    }
    if (!(doc.value() instanceof Map<?, ?> root)) {
      problems.add(file + ":" + doc.line() + ":" + doc.column() + ": the configuration must be a map with keys"
          + " rules, external, exclude, waivers and notify");
      throw new ConfigError(problems);
    }
    Map<String, RuleSetting> rules = new LinkedHashMap<>();
    List<EntityGlob> external = new ArrayList<>();
    List<PathGlob> exclude = new ArrayList<>();
    List<Waiver> waivers = new ArrayList<>();
    List<Webhook> notify = new ArrayList<>();
    root.forEach((k, v) -> {
      String key = String.valueOf(k);
      String at = "/" + key;
      switch (key) {
        case "rules" -> rules(v, at, rules);
        case "external" -> strings(v, at, "external", (text, p) -> {
          try {
            external.add(EntityGlob.parse(text));
          } catch (IllegalArgumentException e) {
            problem(p, false, "external: " + e.getMessage());
          }
        });
        case "exclude" -> strings(v, at, "exclude", (text, p) -> {
          try {
            exclude.add(PathGlob.parse(text, base));
          } catch (IllegalArgumentException e) {
            problem(p, false, "exclude: " + e.getMessage());
          }
        });
        case "waivers" -> waivers(v, at, waivers);
        case "notify" -> webhooks(v, at, notify);
        default -> problem(at, true, "unknown key '" + key + "'; the configuration takes " + sorted(TOP)
            + " (see docs/config.md)");
      }
    });
    if (!problems.isEmpty()) {
      throw new ConfigError(problems);
    }
    return new Config(path, Map.copyOf(rules), List.copyOf(external), List.copyOf(exclude), List.copyOf(waivers),
        List.copyOf(notify));
  }

  private void rules(Object value, String path, Map<String, RuleSetting> out) {
    if (value == null) {
      return;
    }
    if (!(value instanceof Map<?, ?> map)) {
      problem(path, false, "rules must be a map from rule id to a severity or to {severity, ...};"
          + " e.g. no-roadmap-owner: warning");
      return;
    }
    map.forEach((k, v) -> {
      String id = String.valueOf(k);
      String p = path + "/" + id;
      if (BuiltInRules.byId(id).isEmpty()) {
        problem(p, true, "unknown rule '" + id + "'" + suggestion(id) + "; 'whodecides rules' lists every rule id");
        return;
      }
      if (v instanceof String || v instanceof Boolean || v == null) {
        severity(v, p, id).ifPresent(s -> out.put(id, s));
        return;
      }
      if (!(v instanceof Map<?, ?> options)) {
        problem(p, false, "rule " + id + " takes a severity (error, warning, info, off) or a map such as"
            + " {severity: warning" + (OPTIONS.containsKey(id) ? ", " + OPTIONS.get(id) + ": ..." : "") + "}");
        return;
      }
      Severity severity = null;
      boolean off = false;
      Double threshold = null;
      Long volume = null;
      Integer useCases = null;
      boolean ok = true;
      for (Map.Entry<?, ?> e : options.entrySet()) {
        String option = String.valueOf(e.getKey());
        String op = p + "/" + option;
        Object ov = e.getValue();
        if (option.equals("severity")) {
          var s = severity(ov, op, id);
          ok &= s.isPresent();
          if (s.isPresent()) {
            severity = s.get().severity();
            off = s.get().off();
          }
        } else if (option.equals(OPTIONS.get(id))) {
          switch (option) {
            case "threshold" -> {
              if (ov instanceof Number n && n.doubleValue() > 0 && n.doubleValue() <= 1) {
                threshold = n.doubleValue();
              } else {
                ok = false;
                problem(op, false, "threshold of duplicated-work must be a number above 0 and at most 1 (the TF-IDF"
                    + " cosine at which two use cases count as the same work), not " + shown(ov));
              }
            }
            case "volume" -> {
              if ((ov instanceof Long || ov instanceof Integer) && ((Number) ov).longValue() >= 0) {
                volume = ((Number) ov).longValue();
              } else {
                ok = false;
                problem(op, false, "volume of manual-fix-suffices must be a whole number of items, 0 or more, not "
                    + shown(ov));
              }
            }
            case "useCases" -> {
              if ((ov instanceof Long || ov instanceof Integer) && ((Number) ov).longValue() >= 2
                  && ((Number) ov).longValue() <= 1000) {
                useCases = ((Number) ov).intValue();
              } else {
                ok = false;
                problem(op, false, "useCases of generic-resource must be a whole number from 2 to 1000 (the use cases"
                    + " at which one person is spread too thin), not " + shown(ov));
              }
            }
            default -> throw new IllegalStateException(option);
          }
        } else {
          ok = false;
          problem(op, true, "rule " + id + " has no option '" + option + "'; it takes severity"
              + (OPTIONS.containsKey(id) ? " and " + OPTIONS.get(id) : " only"));
        }
      }
      if (ok) {
        out.put(id, new RuleSetting(severity, off, threshold, volume, useCases));
      }
    });
  }

  private Optional<RuleSetting> severity(Object v, String path, String id) {
    String text = v instanceof String s ? s.strip().toLowerCase(Locale.ROOT) : null;
    if (v instanceof Boolean b && !b) {
      text = "off"; // YAML reads a bare 'off' as false
    }
    if ("off".equals(text)) {
      return Optional.of(new RuleSetting(null, true, null, null, null));
    }
    for (Severity s : Severity.values()) {
      if (s.id().equals(text)) {
        return Optional.of(new RuleSetting(s, false, null, null, null));
      }
    }
    problem(path, false, "severity of " + id + " must be error, warning, info or off, not " + shown(v));
    return Optional.empty();
  }

  private interface Item {
    void accept(String text, String path);
  }

  private void strings(Object value, String path, String key, Item each) {
    if (value == null) {
      return;
    }
    if (!(value instanceof List<?> list)) {
      problem(path, false, key + " must be a list of patterns, e.g. " + key + ": [\""
          + (key.equals("exclude") ? "templates/**" : "group:*") + "\"]");
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      String p = path + "/" + i;
      if (list.get(i) instanceof String s) {
        each.accept(s, p);
      } else {
        problem(p, false, key + " entries must be text patterns, not " + shown(list.get(i)));
      }
    }
  }

  private void waivers(Object value, String path, List<Waiver> out) {
    if (value == null) {
      return;
    }
    if (!(value instanceof List<?> list)) {
      problem(path, false, "waivers must be a list of {rule, entity, reason, by, until}");
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      String p = path + "/" + i;
      if (!(list.get(i) instanceof Map<?, ?> w)) {
        problem(p, false, "a waiver must be a map with rule, entity, reason, by and until");
        continue;
      }
      boolean ok = true;
      for (Object k : w.keySet()) {
        if (!WAIVER_KEYS.contains(String.valueOf(k))) {
          ok = false;
          problem(p + "/" + k, true, "unknown key '" + k + "' in a waiver; a waiver takes " + WAIVER_KEYS);
        }
      }
      List<String> missing = new ArrayList<>();
      for (String k : WAIVER_KEYS) {
        Object v = w.get(k);
        if (v == null || (v instanceof String s && s.isBlank())) {
          missing.add(k);
        }
      }
      if (!missing.isEmpty()) {
        problem(p, false, "this waiver has no " + String.join(", ", missing) + "; every waiver needs rule, entity,"
            + " reason (why the finding is accepted), by (who decided, e.g. user:default/priya.natarajan) and until"
            + " (a date YYYY-MM-DD when it is looked at again)");
        continue;
      }
      String rule = text(w.get("rule"));
      var descriptor = BuiltInRules.byId(rule);
      if (descriptor.isEmpty()) {
        ok = false;
        problem(p + "/rule", false, "unknown rule '" + rule + "'" + suggestion(rule)
            + "; 'whodecides rules' lists every rule id");
      } else if (descriptor.get() instanceof WaiverRule) {
        ok = false;
        problem(p + "/rule", false, rule + " is about the waivers themselves and cannot be waived; fix or delete the"
            + " waiver it reports");
      }
      EntityGlob entity = null;
      try {
        entity = EntityGlob.parse(text(w.get("entity")));
      } catch (IllegalArgumentException e) {
        ok = false;
        problem(p + "/entity", false, "entity: " + e.getMessage());
      }
      String by = text(w.get("by"));
      try {
        by = EntityRef.parse(by, "user").toString();
      } catch (IllegalArgumentException e) {
        ok = false;
        problem(p + "/by", false, "by: " + e.getMessage() + "; name who decided, e.g. user:default/priya.natarajan");
      }
      LocalDate until = null;
      try {
        until = LocalDate.parse(text(w.get("until")));
      } catch (DateTimeParseException e) {
        ok = false;
        problem(p + "/until", false, "until must be a date written YYYY-MM-DD, e.g. 2027-03-31, not "
            + shown(w.get("until")));
      }
      if (ok) {
        int[] at = positions.getOrDefault(p, new int[] {1, 1, 1, 1});
        out.add(new Waiver(rule, entity, text(w.get("reason")).strip(), by, until, file, at[0], at[1]));
      }
    }
  }

  /** The webhooks of {@code notify}; a secret is never echoed in a message, nor an address (it may hold a token). */
  private void webhooks(Object value, String path, List<Webhook> out) {
    if (value == null) {
      return;
    }
    if (!(value instanceof List<?> list)) {
      problem(path, false, "notify must be a list of webhooks, each {url, secret, format}; e.g. notify: [{url:"
          + " https://hooks.example.com/whodecides}]");
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      String p = path + "/" + i;
      if (!(list.get(i) instanceof Map<?, ?> w)) {
        problem(p, false, "a webhook must be a map with url and, optionally, secret and format");
        continue;
      }
      boolean ok = true;
      for (Object k : w.keySet()) {
        if (!WEBHOOK_KEYS.contains(String.valueOf(k))) {
          ok = false;
          problem(p + "/" + k, true, "unknown key '" + k + "' in a webhook; a webhook takes " + WEBHOOK_KEYS);
        }
      }
      Object url = w.get("url");
      Optional<URI> address = url instanceof String s ? Webhook.address(s) : Optional.empty();
      if (url == null) {
        ok = false;
        problem(p, false, "this webhook has no url; give the http or https address that receives the events");
      } else if (address.isEmpty()) {
        ok = false;
        problem(p + "/url", false, "url must be an http or https address with a host and no user name or password,"
            + " e.g. https://hooks.example.com/whodecides");
      }
      Webhook.Format format = Webhook.Format.JSON;
      if (w.containsKey("format")) {
        Optional<Webhook.Format> f = w.get("format") instanceof String s ? Webhook.Format.byId(s.strip()) : Optional.empty();
        if (f.isEmpty()) {
          ok = false;
          problem(p + "/format", false, "format must be json (the whole event) or slack (the statement as a Slack"
              + " message), not " + shown(w.get("format")));
        } else {
          format = f.get();
        }
      }
      String secret = null;
      if (w.containsKey("secret")) {
        secret = secret(w.get("secret"), p + "/secret");
        ok &= secret != null;
      }
      if (ok) {
        out.add(new Webhook(address.get(), secret, format));
      }
    }
  }

  /** A webhook's secret, or null after reporting why it cannot be used (without ever showing it). */
  private String secret(Object value, String path) {
    if (!(value instanceof String s) || s.isBlank()) {
      problem(path, false, "secret must be text (or ${VARIABLE} to read it from the environment); leave the key out"
          + " for unsigned deliveries");
      return null;
    }
    Matcher m = ENV_SECRET.matcher(s.strip());
    if (!m.matches()) {
      return s;
    }
    String fromEnv = env.apply(m.group(1));
    if (fromEnv == null || fromEnv.isBlank()) {
      problem(path, false, "secret is read from the environment variable " + m.group(1) + ", which is not set;"
          + " set it where whodecides runs");
      return null;
    }
    return fromEnv;
  }

  private static String text(Object v) {
    return String.valueOf(v);
  }

  private static String shown(Object v) {
    return v == null ? "nothing" : v instanceof String s ? "'" + s + "'" : String.valueOf(v);
  }

  private static String sorted(Set<String> keys) {
    return String.join(", ", keys.stream().sorted().toList());
  }

  /** "; did you mean x" for the rule id closest in spelling, when one is close. */
  private static String suggestion(String id) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (RuleDescriptor d : BuiltInRules.descriptors()) {
      String typed = id.toLowerCase(Locale.ROOT);
      int dist = EditDistance.between(typed, d.id(), Math.max(typed.length(), d.id().length()));
      if (dist < bestDistance) {
        bestDistance = dist;
        best = d.id();
      }
    }
    return best != null && bestDistance <= Math.max(2, id.length() / 4) ? " (did you mean " + best + "?)" : "";
  }

  /** Records a problem at the value of {@code path}, or at its key when {@code atKey}. */
  private void problem(String path, boolean atKey, String message) {
    int[] at = positions.get(path);
    int line = at == null ? 1 : atKey ? at[2] : at[0];
    int column = at == null ? 1 : atKey ? at[3] : at[1];
    problems.add(file + ":" + line + ":" + column + ": " + message);
  }
}
