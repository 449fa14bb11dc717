package dev.whodecides.rules;

import dev.whodecides.catalog.Entity;
import dev.whodecides.decisions.Gaps;
import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.EntityRef;
import dev.whodecides.vocabulary.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One person holding both the release call and the roadmap of a product. */
@RuleInfo(
    id = "both-hats",
    severity = Severity.INFO,
    summary = "One person owns both the release and the roadmap decisions of a live product: make it a conscious choice.",
    decisions = {DecisionType.RELEASE, DecisionType.ROADMAP})
public final class BothHats implements Rule {

  @Override
  public void check(AnalysedCatalog a, Reporter out) {
    Map<EntityRef, List<String>> byPerson = new LinkedHashMap<>();
    Map<EntityRef, Entity> firstProduct = new LinkedHashMap<>();
    for (Entity c : a.catalog().ofKind(Kind.COMPONENT)) {
      if (!Gaps.isLive(c)) {
        continue;
      }
      EntityRef release = a.ownership().owner(c.ref(), DecisionType.RELEASE);
      if (release == null || !release.is(Kind.USER)) {
        continue;
      }
      if (release.equals(a.ownership().owner(c.ref(), DecisionType.ROADMAP))) {
        byPerson.computeIfAbsent(release, k -> new ArrayList<>()).add(c.ref().toString());
        firstProduct.putIfAbsent(release, c);
      }
    }
    byPerson.forEach((person, products) -> {
      Optional<Entity> user = a.catalog().get(person);
      String message = person + " makes both the release call and the roadmap decision for "
          + Products.list(products, 10) + ": product owner and product manager in one person.";
      String action = "If your company has one product title, keep this and write it down as intended;"
          + " otherwise give the roadmap to a product manager and keep the release call with a product owner.";
      if (user.isPresent()) {
        out.report(user.get(), message, action);
      } else {
        out.report(person, firstProduct.get(person), message, null, action);
      }
    });
  }
}
