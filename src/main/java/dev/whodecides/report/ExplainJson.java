package dev.whodecides.report;

import dev.whodecides.knowledge.Knowledge;
import dev.whodecides.rules.BuiltInRules;
import dev.whodecides.rules.RuleDescriptor;
import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.Role;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The card of a rule, role or decision type, as {@code explain} prints it and {@code explain --format json}
 * and the MCP tool {@code explain} give it: one lookup and one shape for all. {@code kind} tells the three apart.
 */
public final class ExplainJson {

  private ExplainJson() {}

  /** A card of one of the three kinds. */
  public sealed interface CardJson permits RuleJson, RoleJson, DecisionTypeJson {
    String kind();

    String id();

    List<ClaimJson> evidence();
  }

  /**
   * A rule: {@code why} and {@code evidence} come from its knowledge card (null and empty when it has none),
   * {@code recommends} is the role its findings recommend, null when that depends on the decision involved.
   */
  public record RuleJson(String kind, String id, String severity, String summary, String why, String recommends,
      String docs, List<ClaimJson> evidence) implements CardJson {}

  /** A role: what it is, the decision types it normally owns, and what goes missing without it. */
  public record RoleJson(String kind, String id, String name, String summary, List<String> decides,
      String whatItDecides, String withoutIt, String signal, List<ClaimJson> evidence) implements CardJson {}

  /** A decision type as the question it answers, and the role that usually owns it. */
  public record DecisionTypeJson(String kind, String id, String name, String question, String usuallyOwnedBy,
      List<ClaimJson> evidence) implements CardJson {}

  /** One claim in the project's words and the podcast ranges that back it. */
  public record ClaimJson(String claim, String text, List<Json.CitationJson> citations) {}

  /** The card {@code id} names (a rule id first, then a role, then a decision type; case ignored), if any. */
  public static Optional<CardJson> card(String id, Knowledge k) {
    String key = id.trim().toLowerCase(Locale.ROOT);
    var rule = BuiltInRules.byId(key);
    if (rule.isPresent()) {
      RuleDescriptor d = rule.get().descriptor();
      Optional<Knowledge.RuleCard> card = k.rule(d.id());
      return Optional.of(new RuleJson("rule", d.id(), d.severity().id(), d.summary(),
          card.map(Knowledge.RuleCard::why).orElse(null), d.role(), d.docsPath(),
          card.map(c -> claims(k, c.claims())).orElse(List.of())));
    }
    Optional<Role> role = Role.byId(key);
    if (role.isPresent()) {
      Knowledge.RoleCard card = k.role(role.get().id()).orElseThrow();
      return Optional.of(new RoleJson("role", role.get().id(), card.name(), card.summary(),
          DecisionType.of(role.get()).stream().map(DecisionType::id).toList(), card.decides(), card.withoutIt(),
          card.signal(), claims(k, card.claims())));
    }
    Optional<DecisionType> type = DecisionType.byId(key);
    if (type.isPresent()) {
      Knowledge.DecisionCard card = k.decisionType(type.get().id()).orElseThrow();
      return Optional.of(new DecisionTypeJson("decision-type", type.get().id(), card.name(), card.question(),
          type.get().role().id(), claims(k, card.claims())));
    }
    return Optional.empty();
  }

  /** What to tell someone who asked for a card that does not exist: every id there is. */
  public static String unknown(String id) {
    TreeSet<String> known = new TreeSet<>();
    BuiltInRules.descriptors().forEach(d -> known.add(d.id()));
    for (Role r : Role.values()) {
      known.add(r.id());
    }
    for (DecisionType t : DecisionType.values()) {
      known.add(t.id());
    }
    return "'" + id + "' is not a rule, role or decision type; try one of " + String.join(", ", known);
  }

  private static List<ClaimJson> claims(Knowledge k, List<String> ids) {
    return k.claims(ids).stream().map(c -> new ClaimJson(c.id(), c.text().strip(),
        k.citations(c).stream().map(Json::citation).toList())).toList();
  }
}
