package dev.whodecides.rules;

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

  /** Where the rule's page lives in the repository. */
  public String docsPath() {
    return "docs/rules/" + id + ".md";
  }
}
