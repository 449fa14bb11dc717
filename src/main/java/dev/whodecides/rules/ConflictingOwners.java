package dev.whodecides.rules;

import dev.whodecides.decisions.Declaration;
import dev.whodecides.vocabulary.DecisionType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Two declarations of one decision on one scope that disagree about who holds it. */
@RuleInfo(
    id = "conflicting-owners",
    severity = Severity.ERROR,
    summary = "Two Decisions of the same type on the same scope name different owners.",
    everyDecision = true)
public final class ConflictingOwners implements Rule {

  @Override
  public void check(AnalysedCatalog a, Reporter out) {
    Map<String, List<Declaration>> groups = new LinkedHashMap<>();
    for (Declaration d : a.ownership().declarations()) {
      groups.computeIfAbsent(d.scope() + "|" + d.type().id(), k -> new ArrayList<>()).add(d);
    }
    for (List<Declaration> decls : groups.values()) {
      Declaration first = decls.get(0);
      for (Declaration d : decls.subList(1, decls.size())) {
        if (Objects.equals(d.owner(), first.owner())) {
          continue;
        }
        DecisionType type = d.type();
        out.about(type.id(), first.source().ref(), d.source().ref()).report(d.scope(), d.source(),
            "The " + type.id() + " decision for " + d.scope() + " is claimed twice: " + who(first) + " at "
                + first.source().where() + " and " + who(d) + " here, so nobody knows whose call it is.",
            type.role().id(),
            "Keep one " + type.id() + " Decision for " + d.scope() + " with the one person who makes the call;"
                + " list the others as consulted.");
      }
    }
  }

  private static String who(Declaration d) {
    return d.owner() == null ? "nobody" : d.owner().toString();
  }
}
