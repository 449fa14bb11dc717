package dev.whodecides.assess;

import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.Role;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The assessment for a team with no catalog yet: one question per decision that tends to fall
 * through the cracks, and from the answers the roles the team lacks and the Decisions it knows of.
 */
public final class Questionnaire {

  /** Every question, in the order they are asked; ids are what {@code --answers} files use. */
  public static final List<Question> QUESTIONS = List.of(
      new Question("ship",
          "Can one named person say that a model, dashboard or API is good enough to go live now, or that it waits?",
          DecisionType.RELEASE, true, "nobody can make the ship-or-wait call"),
      new Question("roadmap",
          "Does one named person decide which business problem goes on the roadmap next?",
          DecisionType.ROADMAP, true, "nobody chooses which problem is worth solving next"),
      new Question("backlog",
          "Does one person set the order of the backlog when two requests compete?",
          DecisionType.PRIORITIZATION, true, "the backlog order is settled by whoever asks loudest"),
      new Question("business-problem",
          "Does new work start from a problem someone in the business has named and will judge, rather than from a technique?",
          DecisionType.DISCOVERY, true, "work starts from techniques, and nobody tests which problems matter"),
      new Question("launch",
          "Does someone plan each rollout and decide how success is measured after it?",
          DecisionType.LAUNCH, true, "rollouts and success metrics have no owner"),
      new Question("staffing",
          "When a use case starts, does someone decide which skills and people it needs, and say no when one person is expected to do it all?",
          DecisionType.STAFFING, true, "use cases get one generic person whatever skills they need"),
      new Question("repeated-work",
          "Do two or more teams sometimes build the same model or analysis without knowing about each other?",
          DecisionType.PORTFOLIO, false, "nobody looks across teams, so the same work is done twice"),
      new Question("unguaranteed-data",
          "Do other teams or domains use your data without promised quality, freshness or completeness?",
          DecisionType.GUARANTEES, false, "consumers read data nobody promises anything about"),
      new Question("access-path",
          "Does someone decide through which data product, API or table another team gets your data?",
          DecisionType.ACCESS_PATH, true, "every consumer finds its own way into the data"),
      new Question("compliance",
          "Does someone own personal data, compliance and documentation for your data products?",
          DecisionType.COMPLIANCE, true, "personal data and documentation are nobody's job"));

  /** A role the team is missing: the decisions that point to it and what goes wrong without them. */
  public record Gap(Role role, List<Question> questions) {}

  private Questionnaire() {}

  public static Question byId(String id) {
    return QUESTIONS.stream().filter(q -> q.id().equals(id)).findFirst().orElse(null);
  }

  /** The roles with at least one decision left open, in the usual role order. */
  public static List<Gap> gaps(Map<String, Answer> answers) {
    Map<Role, List<Question>> byRole = new EnumMap<>(Role.class);
    for (Question q : QUESTIONS) {
      Answer a = answers.get(q.id());
      if (a != null && q.isGap(a)) {
        byRole.computeIfAbsent(q.type().role(), k -> new ArrayList<>()).add(q);
      }
    }
    List<Gap> out = new ArrayList<>();
    byRole.forEach((role, qs) -> out.add(new Gap(role, List.copyOf(qs))));
    return out;
  }

  /**
   * The starter catalog: the team as a Group and one Decision per decision type the assessment
   * asked about, owners left for the team to fill in.
   */
  public static String starterCatalog(String team, Map<String, Answer> answers, LocalDate reviewBy) {
    StringBuilder y = new StringBuilder();
    y.append("# Starter catalog written by `whodecides assess`. Fill in each owner: one person\n")
        .append("# (user:NAME) who makes the call. Until then the decision counts as unowned and\n")
        .append("# `whodecides lint` reports it. Add your people as Users and your products as Components.\n")
        .append("apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: ").append(team)
        .append("\nspec:\n  type: team\n  children: []\n");
    Map<DecisionType, Question> asked = new LinkedHashMap<>();
    for (Question q : QUESTIONS) {
      asked.putIfAbsent(q.type(), q);
    }
    asked.forEach((type, q) -> {
      Answer a = answers.getOrDefault(q.id(), Answer.UNSURE);
      y.append("---\n# ").append(q.text()).append("\n# Answer: ").append(a.id())
          .append(q.isGap(a) ? " (" + q.gap() + "; usually a " + type.role().id() + "'s call)" : " (someone holds it: name them)")
          .append("\napiVersion: whodecides.dev/v1\nkind: Decision\nmetadata:\n  name: ").append(team).append('-')
          .append(type.id()).append("\nspec:\n  type: ").append(type.id()).append("\n  scope: group:").append(team)
          .append("\n  # owner: user:NAME\n  reviewBy: ").append(reviewBy)
          .append("   # the owner re-confirms by then that the call is still theirs\n");
    });
    return y.toString();
  }
}
