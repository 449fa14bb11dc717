package dev.whodecides.rules;

/** A rule's metadata read from its {@link RuleInfo}; what reports and docs are built from. */
public record RuleDescriptor(String id, Severity severity, String summary, String role) {

  public static RuleDescriptor of(Class<? extends Rule> type) {
    RuleInfo info = type.getAnnotation(RuleInfo.class);
    if (info == null) {
      throw new IllegalStateException(type.getName() + " has no @RuleInfo");
    }
    return new RuleDescriptor(info.id(), info.severity(), info.summary(), info.role().isEmpty() ? null : info.role());
  }

  /** Where the rule's page lives in the repository. */
  public String docsPath() {
    return "docs/rules/" + id + ".md";
  }
}
