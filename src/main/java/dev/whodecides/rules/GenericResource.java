package dev.whodecides.rules;

import dev.whodecides.catalog.Entity;
import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.EntityRef;
import dev.whodecides.vocabulary.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Use cases staffed as if one generic person could cover several skills or several use cases. */
@RuleInfo(
    id = "generic-resource",
    severity = Severity.WARNING,
    summary = "One person is staffed on three or more use cases, or alone on a use case that needs two or more skills.",
    role = "product-owner",
    decisions = DecisionType.STAFFING)
public final class GenericResource implements Rule {

  static final int MAX_USE_CASES = 3;

  @Override
  public void check(AnalysedCatalog a, Reporter out) {
    Map<EntityRef, List<String>> byPerson = new LinkedHashMap<>();
    Map<EntityRef, Entity> firstUseCase = new LinkedHashMap<>();
    for (Entity u : a.catalog().ofKind(Kind.USECASE)) {
      List<EntityRef> staffed = new ArrayList<>(new LinkedHashSet<>(a.catalog().refs(u, "staffed")));
      for (EntityRef person : staffed) {
        byPerson.computeIfAbsent(person, k -> new ArrayList<>()).add(u.ref().toString());
        firstUseCase.putIfAbsent(person, u);
      }
      Set<String> needs = new LinkedHashSet<>(u.texts("needs"));
      if (staffed.size() == 1 && needs.size() >= 2) {
        out.about("alone").report(u,
            u.ref() + " of team " + u.text("team") + " needs " + needs.size() + " skills (" + String.join(", ", needs)
                + ") but only " + staffed.get(0) + " is staffed on it.",
            "Staff one person per skill the use case needs, or cut the use case down to what one person can do,"
                + " and tell the business owner what the smaller team can deliver.");
      }
    }
    byPerson.forEach((person, useCases) -> {
      if (useCases.size() < MAX_USE_CASES) {
        return;
      }
      Optional<Entity> user = a.catalog().get(person);
      String message = person + " is staffed on " + useCases.size() + " use cases at once: "
          + Products.list(useCases, 8) + ".";
      String action = "Agree with the business owners which use cases come first and staff the others with their own"
          + " people; one person spread over many use cases finishes none of them on time.";
      if (user.isPresent()) {
        out.about("overloaded").report(user.get(), message, action);
      } else {
        out.about("overloaded").report(person, firstUseCase.get(person), message, null, action);
      }
    });
  }
}
