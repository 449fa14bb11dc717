package dev.whodecides.rules;

import dev.whodecides.catalog.Entity;
import dev.whodecides.decisions.Effective;
import dev.whodecides.decisions.Gap;
import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.Kind;
import java.util.Optional;

/** A live product that nobody may declare good enough to ship. */
@RuleInfo(
    id = "no-ship-authority",
    severity = Severity.ERROR,
    summary = "A production or experimental component has no release owner: nobody can say it is good enough to ship.",
    role = "product-owner",
    decisions = DecisionType.RELEASE)
public final class NoShipAuthority implements Rule {

  @Override
  public void check(AnalysedCatalog a, Reporter out) {
    for (Entity c : a.catalog().ofKind(Kind.COMPONENT)) {
      Optional<Gap> gap = a.ownership().gaps().of(c.ref(), DecisionType.RELEASE);
      if (gap.isEmpty() || NoDecisionRights.covers(a, c.ref())) {
        continue;
      }
      Optional<Effective> eff = Optional.ofNullable(gap.get().governing());
      String why = eff.isPresent()
          ? "the release decision at " + eff.get().declaration().source().where() + " names no owner"
          : "no release decision covers it or its system, domain or team";
      out.about(DecisionType.RELEASE.id()).report(c,
          "Nobody can decide whether " + c.ref() + " (" + c.text("lifecycle") + ", owned by "
              + a.catalog().ref(c, "owner").map(Object::toString).orElse(c.text("owner")) + ") is good enough to ship: " + why + ".",
          "Name one person who makes the ship-or-wait call: add a Decision of type release with scope "
              + c.ref() + " (or its system) and that person as owner, usually the team's product owner.");
    }
  }
}
