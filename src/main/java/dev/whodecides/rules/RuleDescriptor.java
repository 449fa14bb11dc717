package dev.whodecides.rules;

import dev.whodecides.knowledge.Citation;
import dev.whodecides.knowledge.Knowledge;
import dev.whodecides.vocabulary.DecisionType;
import java.util.Arrays;
import java.util.List;

/**
 * A rule's metadata read from its {@link RuleInfo}; what reports and docs are built from.
 * {@code decisions} are the decision types its findings are about, in {@link DecisionType} order.
 */
public record RuleDescriptor(String id, Severity severity, String summary, String role, List<DecisionType> decisions) {

  public static RuleDescriptor of(Class<? extends Rule> type) {
    RuleInfo info = type.getAnnotation(RuleInfo.class);
    if (info == null) {
      throw new IllegalStateException(type.getName() + " has no @RuleInfo");
    }
    List<DecisionType> decisions = info.everyDecision() ? List.of(DecisionType.values())
        : Arrays.stream(info.decisions()).sorted().distinct().toList();
    return new RuleDescriptor(info.id(), info.severity(), info.summary(), info.role().isEmpty() ? null : info.role(),
        decisions);
  }

  /** True when the rule's findings can be about this decision type. */
  public boolean reportsOn(DecisionType type) {
    return decisions.contains(type);
  }

  /**
   * True when the rule's findings carry podcast evidence. A rule about the catalog's form (it
   * reports on no decision type: a schema or reference mistake, a stale waiver) cites none; the
   * evidence argues about who decides, and says nothing about a misspelled owner.
   */
  public boolean cites() {
    return !decisions.isEmpty();
  }

  /** The citations every finding of the rule carries: the rule's evidence, or none when it does not {@link #cites()}. */
  public List<Citation> evidence(Knowledge knowledge) {
    return cites() ? knowledge.evidenceForRule(id) : List.of();
  }

  /** Where the rule's page lives in the repository. */
  public String docsPath() {
    return "docs/rules/" + id + ".md";
  }
}
