package dev.whodecides.rules;

import dev.whodecides.catalog.Entity;
import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.Kind;
import java.util.ArrayList;
import java.util.List;

/** A use case that already names its solution while nobody has said what the business needs improved. */
@RuleInfo(
    id = "model-before-problem",
    severity = Severity.ERROR,
    summary = "A use case names a solution but no business problem or no business owner: nobody has said what needs improving.",
    role = "product-manager",
    decisions = DecisionType.ROADMAP)
public final class ModelBeforeProblem implements Rule {

  @Override
  public void check(AnalysedCatalog a, Reporter out) {
    for (Entity u : a.catalog().ofKind(Kind.USECASE)) {
      String solution = u.text("solution");
      if (solution == null || solution.isBlank()) {
        continue;
      }
      List<String> missing = new ArrayList<>();
      if (blank(u.text("problem"))) {
        missing.add("no problem");
      }
      if (blank(u.text("businessOwner"))) {
        missing.add("no business owner");
      }
      if (missing.isEmpty()) {
        continue;
      }
      out.report(u,
          u.ref() + " of team " + u.text("team") + " plans " + Products.withArticle(solution) + " but has " + String.join(" and ", missing)
              + ": nobody in the business has said what it should improve.",
          "Ask the business what hurts before building: write the problem in its words under spec.problem and name"
              + " the person who will judge the result under spec.businessOwner; then check the solution still fits.");
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
