package dev.whodecides.rules;

import dev.whodecides.catalog.Entity;
import dev.whodecides.catalog.EntitySchema;
import dev.whodecides.catalog.SchemaProblem;
import dev.whodecides.decisions.Declaration;
import dev.whodecides.vocabulary.EntityRef;
import dev.whodecides.vocabulary.Kind;
import java.util.TreeSet;

/** A document that breaks the Backstage or whodecides schema; it is left out of the analysis. */
@RuleInfo(
    id = "invalid-entity",
    severity = Severity.ERROR,
    summary = "A document breaks the Backstage or whodecides schema and is left out of the analysis.")
public final class InvalidEntity implements Rule {

  @Override
  public void check(AnalysedCatalog a, Reporter out) {
    for (SchemaProblem p : a.catalog().schemaProblems()) {
      // A problem that names its entity first (one defined twice) is its own sentence.
      String message = p.entity() != null && p.message().startsWith(p.entity().toString()) ? p.message()
          : (p.entity() == null ? "This document" : p.entity().toString()) + " is invalid: " + p.message();
      out.about(p.subject()).at(p.path(), p.atKey()).report(p.entity(), p.file(), p.line(), p.column(),
          message + (message.endsWith(".") ? "" : "."),
          null, "Fix the document so whodecides can read it; until then it is left out of the analysis.");
    }
    for (Entity d : a.ownership().unknownTypes()) {
      out.about("spec.type").report(d, d.ref() + " is invalid: spec.type '" + d.text("type") + "' is not a decision type, so the decision"
              + " is not counted; use one of " + String.join(", ", new TreeSet<>(EntitySchema.DECISION_TYPES)) + ".",
          "Fix the type so the decision counts; until then it is left out of the analysis.");
    }
    for (Declaration d : a.ownership().declarations()) {
      EntityRef scope = d.scope();
      if (!EntitySchema.SCOPE_KINDS.contains(scope.kind())) {
        out.about("spec.scope").report(d.source(), d.source().ref() + " is invalid: spec.scope names " + scope
                + ", but a decision's scope must be a Component, API, Resource, System, Domain or Group.",
            "Scope the decision to the product, system, domain or team it is about.");
      }
      if (d.owner() != null && !d.owner().is(Kind.USER) && !d.owner().is(Kind.GROUP)) {
        out.about("spec.owner").report(d.source(), d.source().ref() + " is invalid: spec.owner names " + d.owner()
                + ", but a decision is owned by a person (user:) or, at most, a group.",
            "Name the person who makes this call as owner, e.g. user:jane.doe.");
      }
    }
  }
}
