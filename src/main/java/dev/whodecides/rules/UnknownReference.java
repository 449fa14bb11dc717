package dev.whodecides.rules;

import dev.whodecides.catalog.Catalog;
import dev.whodecides.catalog.Entity;
import dev.whodecides.catalog.RefField;
import dev.whodecides.vocabulary.Annotations;
import dev.whodecides.vocabulary.EntityRef;
import java.util.List;
import java.util.Optional;

/** A reference that names nothing in the catalog, so the ownership it states cannot be traced. */
@RuleInfo(
    id = "unknown-reference",
    severity = Severity.ERROR,
    summary = "A reference names no entity in the catalog, so the ownership it states cannot be traced.")
public final class UnknownReference implements Rule {

  @Override
  public void check(AnalysedCatalog a, Reporter reporter) {
    Catalog catalog = a.catalog();
    for (Entity e : catalog.entities()) {
      for (RefField f : RefField.ALL) {
        if (!f.on(e.ref())) {
          continue;
        }
        List<String> texts = f.list() ? e.texts(f.field()) : e.text(f.field()) == null ? List.of() : List.of(e.text(f.field()));
        for (String text : texts) {
          Reporter out = reporter.about("spec." + f.field(), text);
          Optional<EntityRef> ref = catalog.resolve(text, f.kinds(), e.ref().namespace());
          if (ref.isEmpty()) {
            out.report(e, "spec." + f.field() + " of " + e.ref() + " is '" + text
                    + "', which is not a reference of the form [kind:][namespace/]name.",
                "Write the reference as kind:name, e.g. " + f.defaultKind() + ":some-name.");
          } else if (!f.kinds().contains(ref.get().kind())) {
            out.report(e, "spec." + f.field() + " of " + e.ref() + " names " + ref.get() + ", but it must name a "
                    + String.join(" or ", f.kinds()) + ".",
                "Point spec." + f.field() + " at a " + String.join(" or ", f.kinds()) + ", e.g. " + f.defaultKind()
                    + ":some-name.");
          } else if (!catalog.exists(ref.get())) {
            out.report(e, "spec." + f.field() + " of " + e.ref() + " names " + ref.get()
                    + ", which is not in the catalog.",
                "Fix the spelling or kind of '" + text + "', or add " + ref.get()
                    + " to the catalog (and pass its file to whodecides).");
          }
        }
      }
      String contract = Catalog.contractPath(e);
      if (contract != null && catalog.contractsAt(contract).isEmpty()) {
        reporter.about(Annotations.CONTRACT, contract).report(e, "Annotation " + Annotations.CONTRACT + " of " + e.ref() + " points at " + contract
                + ", which is not an ODCS v3 data contract that could be read.",
            "Fix the path (it is relative to " + e.file() + ") or add the contract file.");
      }
    }
  }
}
