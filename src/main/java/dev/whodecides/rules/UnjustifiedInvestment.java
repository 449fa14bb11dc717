package dev.whodecides.rules;

import dev.whodecides.catalog.Entity;
import dev.whodecides.catalog.EntitySchema;
import dev.whodecides.vocabulary.Annotations;
import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.EntityRef;
import dev.whodecides.vocabulary.Kind;
import java.util.List;
import java.util.Optional;

/** Hiring or buying outside help for a use case no MVP of the same team has validated. */
@RuleInfo(
    id = "unjustified-investment",
    severity = Severity.WARNING,
    summary = "A use case hires people or buys outside help without an earlier MVP of the same team that shows it pays off.",
    role = "domain-owner",
    decisions = DecisionType.PORTFOLIO)
public final class UnjustifiedInvestment implements Rule {

  @Override
  public void check(AnalysedCatalog a, Reporter out) {
    for (Entity u : a.catalog().ofKind(Kind.USECASE)) {
      String solution = u.text("solution");
      if (!"hire".equals(solution) && !"external".equals(solution)) {
        continue;
      }
      String follows = u.annotation(Annotations.FOLLOWS);
      Optional<Entity> earlier = follows == null ? Optional.empty()
          : a.catalog().resolve(follows, List.of(Kind.USECASE.id()), u.ref().namespace()).flatMap(a.catalog()::get);
      String why;
      if (follows == null) {
        why = "no " + Annotations.FOLLOWS + " annotation names the MVP it builds on";
      } else if (earlier.isEmpty() || !earlier.get().ref().is(Kind.USECASE)) {
        why = "the use case it follows, " + follows + ", is not in the catalog";
      } else if (!"mvp".equals(earlier.get().text("solution"))) {
        why = "the use case it follows, " + earlier.get().ref() + ", is not an mvp";
      } else if (!sameTeam(a, u, earlier.get())) {
        why = "the MVP it follows, " + earlier.get().ref() + ", belongs to another team";
      } else {
        continue;
      }
      String what = solution.equals("hire") ? "hires" : "pays for outside help";
      out.report(u,
          u.ref() + " of team " + u.text("team") + " " + what + ", but " + why + ": the investment is not yet justified.",
          "Run a small MVP first (a notebook, a spreadsheet a business user checks, one category or store), write it"
              + " down as a UseCase with solution: mvp, and link this one to it with " + Annotations.FOLLOWS + ": usecase:NAME"
              + " once it shows the gain.");
    }
  }

  private static boolean sameTeam(AnalysedCatalog a, Entity u, Entity mvp) {
    Optional<EntityRef> team = a.catalog().ref(u, "team");
    return team.isPresent() && team.equals(a.catalog().ref(mvp, "team"));
  }
}
