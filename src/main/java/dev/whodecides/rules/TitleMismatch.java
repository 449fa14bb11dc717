package dev.whodecides.rules;

import dev.whodecides.catalog.Entity;
import dev.whodecides.decisions.Declaration;
import dev.whodecides.vocabulary.Annotations;
import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.Kind;
import dev.whodecides.vocabulary.Role;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** A person whose title names one role while the decisions they hold belong to another. */
@RuleInfo(
    id = "title-mismatch",
    severity = Severity.WARNING,
    summary = "A person's title names one role, but the decisions they hold belong to another.",
    everyDecision = true)
public final class TitleMismatch implements Rule {

  @Override
  public void check(AnalysedCatalog a, Reporter out) {
    for (Entity user : a.catalog().ofKind(Kind.USER)) {
      Optional<Role> titled = Role.ofTitle(user.annotation(Annotations.TITLE));
      if (titled.isEmpty()) {
        continue;
      }
      Map<Role, Set<String>> held = new EnumMap<>(Role.class);
      for (Declaration d : a.ownership().ownedBy(user.ref())) {
        held.computeIfAbsent(d.type().role(), k -> new TreeSet<>()).add(d.type().id());
      }
      if (held.isEmpty() || held.containsKey(titled.get())) {
        continue;
      }
      Role fit = fit(held);
      out.report(user,
          user.ref() + " has the title \"" + user.annotation(Annotations.TITLE) + "\" (" + titled.get().id()
              + ") but holds only " + String.join(", ", held.get(fit)) + " decisions, which fit the "
              + fit.id() + " role, and none of " + String.join(", ", DecisionType.of(titled.get()).stream()
              .map(DecisionType::id).toList()) + ".",
          fit.id(),
          "Either give " + user.ref() + " the " + titled.get().id() + " decisions the title promises, or change"
              + " the title to " + fit.id() + " so people know whom to ask.");
    }
  }

  /** The role with the most decision types held; ties go to the role listed first. */
  static Role fit(Map<Role, Set<String>> held) {
    Role best = null;
    for (Map.Entry<Role, Set<String>> e : held.entrySet()) {
      if (best == null || e.getValue().size() > held.get(best).size()) {
        best = e.getKey();
      }
    }
    return best;
  }
}
