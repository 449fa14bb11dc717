package dev.whodecides.rules;

import dev.whodecides.catalog.Entity;
import dev.whodecides.catalog.EntitySchema;
import dev.whodecides.vocabulary.Annotations;
import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.EntityRef;
import dev.whodecides.vocabulary.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A skill a use case needs that none of the people staffed on it brings. */
@RuleInfo(
    id = "missing-skill",
    severity = Severity.WARNING,
    summary = "A use case needs a skill that none of the people staffed on it has.",
    role = "product-owner",
    decisions = DecisionType.STAFFING)
public final class MissingSkill implements Rule {

  @Override
  public void check(AnalysedCatalog a, Reporter out) {
    for (Entity u : a.catalog().ofKind(Kind.USECASE)) {
      Set<String> needs = new LinkedHashSet<>(u.texts("needs"));
      if (needs.isEmpty()) {
        continue;
      }
      // Only people in the catalog who declare their skills count; when nobody staffed declares
      // any, the use case cannot be judged and stays quiet.
      Set<String> has = new HashSet<>();
      List<String> people = new ArrayList<>();
      boolean unknown = false;
      for (EntityRef ref : a.catalog().refs(u, "staffed")) {
        Optional<Entity> person = a.catalog().get(ref);
        if (person.isEmpty()) {
          continue;
        }
        String skills = person.get().annotation(Annotations.SKILLS);
        if (skills == null) {
          unknown = true;
          continue;
        }
        people.add(ref.toString());
        for (String s : skills.split(",")) {
          has.add(s.trim());
        }
      }
      if (people.isEmpty() || unknown) {
        continue;
      }
      List<String> missing = needs.stream().filter(n -> !has.contains(n)).toList();
      if (missing.isEmpty()) {
        continue;
      }
      out.report(u,
          u.ref() + " of team " + u.text("team") + " needs " + String.join(", ", missing) + " but none of the people"
              + " staffed on it (" + String.join(", ", people) + ") has " + (missing.size() == 1 ? "that skill" : "those skills") + ".",
          "Staff someone with " + String.join(" and ", missing) + " (from another team for a while, if need be), or"
              + " change what the use case needs; check " + Annotations.SKILLS + " on the people if the catalog is out of date.");
    }
  }
}
