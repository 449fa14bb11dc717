package dev.whodecides.rules;

import dev.whodecides.catalog.Entity;
import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.EntityRef;
import dev.whodecides.vocabulary.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Live products whose roadmap nobody decides, reported once per owning team. */
@RuleInfo(
    id = "no-roadmap-owner",
    severity = Severity.ERROR,
    summary = "Production or experimental components have no roadmap owner: nobody decides which problem they solve next.",
    role = "product-manager",
    decisions = DecisionType.ROADMAP)
public final class NoRoadmapOwner implements Rule {

  @Override
  public void check(AnalysedCatalog a, Reporter out) {
    Map<String, List<Entity>> byTeam = new LinkedHashMap<>();
    for (Entity c : a.catalog().ofKind(Kind.COMPONENT)) {
      if (a.ownership().gaps().of(c.ref(), DecisionType.ROADMAP).isPresent() && !NoDecisionRights.covers(a, c.ref())) {
        String team = a.catalog().ref(c, "owner").map(EntityRef::toString).orElse("");
        byTeam.computeIfAbsent(team, k -> new ArrayList<>()).add(c);
      }
    }
    byTeam.forEach((team, products) -> {
      List<String> names = products.stream().map(p -> p.ref().toString()).toList();
      String what = products.size() == 1 ? "1 product" : products.size() + " products";
      Optional<Entity> teamEntity = team.isEmpty() ? Optional.empty()
          : a.catalog().get(EntityRef.parse(team, Kind.GROUP.id()));
      String message = "Nobody decides which problem goes on the roadmap for " + what
          + (team.isEmpty() ? " without an owning team" : " of " + team) + ": " + Products.list(names, 10) + ".";
      String action = "Name one roadmap owner for " + (team.isEmpty() ? "these products" : "the products of " + team)
          + ", usually a product manager: add a Decision of type roadmap scoped to the owning team, the system or each"
          + " product.";
      Reporter roadmap = out.about(DecisionType.ROADMAP.id());
      if (teamEntity.isPresent()) {
        roadmap.report(teamEntity.get(), message, action);
      } else {
        Entity first = products.get(0);
        roadmap.report(team.isEmpty() ? first.ref() : EntityRef.parse(team, Kind.GROUP.id()), first, message,
            out.rule().role(), action);
      }
    });
  }
}
