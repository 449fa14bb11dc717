package dev.whodecides.knowledge;

import dev.whodecides.catalog.YamlDocument;
import dev.whodecides.catalog.YamlReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The roles, decision types and rule rationales behind whodecides, each backed by claims that
 * cite podcast episodes to the minute. Loaded from {@code knowledge.yaml} in the resources.
 */
public final class Knowledge {

  /** One podcast episode the knowledge cites. */
  public record CitedEpisode(String slug, String title, String guest, String youtube) {}

  /** Where a claim's evidence lies, as written in the knowledge file. */
  public record Source(String source, String from, String to) {}

  /** One statement in the project's own words, with its evidence. */
  public record Claim(String id, String text, List<Source> citations) {}

  /** What a role is for, what it decides, and what goes missing without it. */
  public record RoleCard(String id, String name, String summary, String decides, String withoutIt, String signal,
      List<String> claims, List<String> summaryClaims, List<String> decidesClaims, List<String> withoutItClaims,
      List<String> signalClaims) {}

  /** A decision type as a question, with its owning role. */
  public record DecisionCard(String id, String name, String question, String role, List<String> claims) {}

  /** Why a rule matters. */
  public record RuleCard(String id, String why, List<String> claims) {}

  record Data(List<CitedEpisode> episodes, List<Claim> claims, List<RoleCard> roles,
      List<DecisionCard> decisionTypes, List<RuleCard> rules) {}

  private static final String RESOURCE = "/dev/whodecides/knowledge/knowledge.yaml";
  private static volatile Knowledge builtIn;

  private final Map<String, CitedEpisode> episodes = new LinkedHashMap<>();
  private final Map<String, Claim> claims = new LinkedHashMap<>();
  private final Map<String, RoleCard> roles = new LinkedHashMap<>();
  private final Map<String, DecisionCard> decisionTypes = new LinkedHashMap<>();
  private final Map<String, RuleCard> rules = new LinkedHashMap<>();

  private Knowledge(Data data) {
    data.episodes().forEach(e -> episodes.put(e.slug(), e));
    data.claims().forEach(c -> claims.put(c.id(), c));
    data.roles().forEach(r -> roles.put(r.id(), r));
    data.decisionTypes().forEach(d -> decisionTypes.put(d.id(), d));
    data.rules().forEach(r -> rules.put(r.id(), r));
  }

  /** The knowledge shipped with whodecides, read once. */
  public static Knowledge builtIn() {
    Knowledge k = builtIn;
    if (k == null) {
      synchronized (Knowledge.class) {
        if (builtIn == null) {
          try (InputStream in = Knowledge.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
              throw new IllegalStateException("knowledge file " + RESOURCE + " is missing from the build");
            }
            builtIn = read(in);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        k = builtIn;
      }
    }
    return k;
  }

  /** Reads a knowledge file of the same shape as the built-in one, e.g. an extended copy. */
  public static Knowledge load(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    }
  }

  /**
   * Reads the knowledge file with the catalog's YAML reader (one reader for every YAML input);
   * fields the records do not name are ignored, so the file may carry notes of its own.
   */
  static Knowledge read(InputStream in) throws IOException {
    List<YamlDocument> docs = new ArrayList<>();
    try {
      YamlReader.readText(new InputStreamReader(in, StandardCharsets.UTF_8), docs::add);
    } catch (YamlReader.YamlError e) {
      throw new IOException("line " + e.line() + ": " + e.getMessage(), e);
    }
    if (docs.isEmpty() || !(docs.get(0).value() instanceof Map<?, ?> root)) {
      throw new IOException("a knowledge file is a map with episodes, claims, roles, decisionTypes and rules");
    }
    return new Knowledge(new Data(
        list(root, "episodes", m -> new CitedEpisode(text(m, "slug"), text(m, "title"), text(m, "guest"),
            text(m, "youtube"))),
        list(root, "claims", m -> new Claim(text(m, "id"), text(m, "text"),
            list(m, "citations", c -> new Source(text(c, "source"), text(c, "from"), text(c, "to"))))),
        list(root, "roles", m -> new RoleCard(text(m, "id"), text(m, "name"), text(m, "summary"), text(m, "decides"),
            text(m, "withoutIt"), text(m, "signal"), texts(m, "claims"), texts(m, "summaryClaims"),
            texts(m, "decidesClaims"), texts(m, "withoutItClaims"), texts(m, "signalClaims"))),
        list(root, "decisionTypes", m -> new DecisionCard(text(m, "id"), text(m, "name"), text(m, "question"),
            text(m, "role"), texts(m, "claims"))),
        list(root, "rules", m -> new RuleCard(text(m, "id"), text(m, "why"), texts(m, "claims")))));
  }

  private static <T> List<T> list(Map<?, ?> m, String field, Function<Map<?, ?>, T> item) throws IOException {
    Object v = m.get(field);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> values)) {
      throw new IOException(field + " must be a list");
    }
    List<T> out = new ArrayList<>(values.size());
    for (Object o : values) {
      if (!(o instanceof Map<?, ?> entry)) {
        throw new IOException("each entry of " + field + " must be a map");
      }
      out.add(item.apply(entry));
    }
    return out;
  }

  private static String text(Map<?, ?> m, String field) {
    Object v = m.get(field);
    return v == null ? null : v.toString();
  }

  /** A list of texts; absent is null, as the cards expect of an optional list. */
  private static List<String> texts(Map<?, ?> m, String field) {
    return m.get(field) instanceof List<?> l ? l.stream().map(String::valueOf).toList() : null;
  }

  /** A function that may refuse its input with an IOException, for the lists of the file. */
  private interface Function<A, B> {
    B apply(A a) throws IOException;
  }

  public Map<String, CitedEpisode> episodes() {
    return episodes;
  }

  public Map<String, Claim> claims() {
    return claims;
  }

  public Optional<RoleCard> role(String id) {
    return Optional.ofNullable(roles.get(id));
  }

  public Map<String, RoleCard> roles() {
    return roles;
  }

  public Optional<DecisionCard> decisionType(String id) {
    return Optional.ofNullable(decisionTypes.get(id));
  }

  public Map<String, DecisionCard> decisionTypes() {
    return decisionTypes;
  }

  public Optional<RuleCard> rule(String id) {
    return Optional.ofNullable(rules.get(id));
  }

  /** The citations behind a claim, with guest, episode title and a link to the second. */
  public List<Citation> citations(Claim claim) {
    List<Citation> out = new ArrayList<>();
    for (Source s : claim.citations()) {
      out.add(cite(s));
    }
    return out;
  }

  /** Turns a source range into a full citation with its video link. */
  public Citation cite(Source s) {
    CitedEpisode e = episodes.get(s.source());
    if (e == null) {
      throw new IllegalStateException("knowledge cites unknown episode " + s.source());
    }
    String sep = e.youtube().contains("?") ? "&" : "?";
    String url = e.youtube() + sep + "t=" + Citation.seconds(s.from()) + "s";
    return new Citation(s.source(), e.guest(), e.title(), s.from(), s.to(), url);
  }

  /** The claims behind a list of claim ids, skipping none: an unknown id is a build error. */
  public List<Claim> claims(List<String> ids) {
    List<Claim> out = new ArrayList<>();
    for (String id : ids) {
      Claim c = claims.get(id);
      if (c == null) {
        throw new IllegalStateException("knowledge refers to unknown claim " + id);
      }
      out.add(c);
    }
    return out;
  }

  /** The distinct citations behind a rule, in the order its claims give them. */
  public List<Citation> evidenceForRule(String ruleId) {
    RuleCard card = rules.get(ruleId);
    if (card == null) {
      return List.of();
    }
    Set<Citation> out = new LinkedHashSet<>();
    for (Claim c : claims(card.claims())) {
      out.addAll(citations(c));
    }
    return List.copyOf(out);
  }
}
