package dev.whodecides.rules;

/**
 * One check over an analysed catalog. Metadata lives in the class's {@link RuleInfo}; the body is
 * only the matching logic, which reports through {@link Reporter}.
 */
public interface Rule {

  void check(AnalysedCatalog analysis, Reporter out);

  default RuleDescriptor descriptor() {
    return RuleDescriptor.of(getClass());
  }
}
