package dev.whodecides.rules;

import dev.whodecides.catalog.Entity;
import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.Kind;
import java.util.Set;

/** Building a model, an automation or an API for a problem small enough to fix by hand. */
@RuleInfo(
    id = "manual-fix-suffices",
    severity = Severity.WARNING,
    summary = "A use case builds a model, automation or API for so few items that a manual clean-up may be the better answer.",
    role = "product-owner",
    decisions = DecisionType.PRIORITIZATION)
public final class ManualFixSuffices implements Rule {

  private static final Set<String> BUILT = Set.of("model", "automation", "api");

  @Override
  public void check(AnalysedCatalog a, Reporter out) {
    long limit = a.options().manualFixVolume();
    for (Entity u : a.catalog().ofKind(Kind.USECASE)) {
      String solution = u.text("solution");
      if (solution == null || !BUILT.contains(solution) || !(u.spec().get("volume") instanceof Number volume)) {
        continue;
      }
      if (volume.longValue() > limit) {
        continue;
      }
      out.report(u,
          u.ref() + " of team " + u.text("team") + " builds " + Products.withArticle(solution)
              + " for " + volume.longValue() + " items, at most the " + limit
              + " a few hours of hand work can usually fix.",
          "Estimate the hand clean-up first (who, how many hours); if it is cheaper, set solution: manual-fix and add"
              + " a check that stops the problem coming back. Keep the " + solution + " only if the volume will grow.");
    }
  }
}
