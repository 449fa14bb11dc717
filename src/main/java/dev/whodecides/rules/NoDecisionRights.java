package dev.whodecides.rules;

import dev.whodecides.catalog.Entity;
import dev.whodecides.decisions.Gap;
import dev.whodecides.decisions.Gaps;
import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.EntityRef;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A team that has written down no decision rights at all: one finding at the team instead of the
 * per-product release, roadmap and guarantees findings, which stay quiet for its products until
 * the team declares its first Decision.
 */
@RuleInfo(
    id = "no-decision-rights",
    severity = Severity.ERROR,
    summary = "A team's products need owners, but no Decision covers any of them: the team has not written down who decides anything.",
    role = "",
    decisions = {DecisionType.RELEASE, DecisionType.ROADMAP, DecisionType.GUARANTEES})
public final class NoDecisionRights implements Rule {

  /** The rule id the per-product rules ask about before they report a product of such a team. */
  static final String ID = "no-decision-rights";

  @Override
  public void check(AnalysedCatalog a, Reporter out) {
    Gaps gaps = a.ownership().gaps();
    gaps.undeclaredTeams().forEach((team, products) -> {
      Set<String> types = new TreeSet<>();
      for (EntityRef p : products) {
        for (Gap g : gaps.of(p)) {
          types.add(g.type().id());
        }
      }
      List<String> names = products.stream().map(EntityRef::toString).toList();
      String what = products.size() == 1 ? "1 product needs" : products.size() + " products need";
      String message = "No Decision covers any product of " + team + ": " + what + " owners for "
          + String.join(", ", types) + " (" + Products.list(names, 10) + "), and nobody is written down as deciding"
          + " anything for them.";
      String action = "Run whodecides init on the catalog to write one Decision file per team with the decisions its"
          + " products need and the candidates for each, then fill in the owners (or leave one out to record it as"
          + " unowned on purpose).";
      Optional<Entity> teamEntity = a.catalog().get(team);
      if (teamEntity.isPresent()) {
        out.report(teamEntity.get(), message, action);
      } else {
        Entity first = a.catalog().get(products.get(0)).orElseThrow();
        out.report(team, first, message, out.rule().role(), action);
      }
    });
  }

  /**
   * True when a per-product rule should leave {@code product} to this rule: the rule runs and the
   * product's team has no Decision at all.
   */
  static boolean covers(AnalysedCatalog a, EntityRef product) {
    return a.options().policy().runs(ID) && a.ownership().gaps().undeclaredTeamOf(product).isPresent();
  }
}
