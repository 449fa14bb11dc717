package dev.whodecides.rules;

import dev.whodecides.decisions.Declaration;
import dev.whodecides.vocabulary.Kind;

/** A decision held by a group, where one person has to make the call. */
@RuleInfo(
    id = "group-owns-decision",
    severity = Severity.WARNING,
    summary = "A Decision's owner is a Group: somebody in particular has to make the call.",
    everyDecision = true)
public final class GroupOwnsDecision implements Rule {

  @Override
  public void check(AnalysedCatalog a, Reporter out) {
    for (Declaration d : a.ownership().declarations()) {
      // An owner that names nothing is unknown-reference's finding, not this one.
      if (d.owner() != null && d.owner().is(Kind.GROUP) && a.catalog().exists(d.owner())) {
        out.about(d.type().id()).report(d.source(),
            "The " + d.type().id() + " decision for " + d.scope() + " is owned by the group " + d.owner()
                + ", so no one person is accountable for making it.",
            d.type().role().id(),
            "Name one person as owner (a user:, usually the " + d.type().role().id() + ") and list "
                + d.owner() + " as consulted or informed.");
      }
    }
  }
}
