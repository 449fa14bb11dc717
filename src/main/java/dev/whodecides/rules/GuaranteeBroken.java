package dev.whodecides.rules;

import dev.whodecides.catalog.Catalog;
import dev.whodecides.catalog.DataContract;
import dev.whodecides.catalog.Entity;
import dev.whodecides.guarantees.VerifiedResults;
import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.EntityRef;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A consumed entity whose contract promises guarantees that the last verification showed broken. */
@RuleInfo(
    id = "guarantee-broken",
    severity = Severity.ERROR,
    summary = "An entity another team consumes has a contract whose guarantees failed their last verification.",
    role = "data-product-owner",
    decisions = DecisionType.GUARANTEES)
public final class GuaranteeBroken implements Rule {

  @Override
  public void check(AnalysedCatalog a, Reporter out) {
    VerifiedResults verified = a.options().verified();
    if (verified.isEmpty()) {
      return;
    }
    Catalog catalog = a.catalog();
    for (Map.Entry<EntityRef, Set<String>> e : a.ownership().gaps().consumers().entrySet()) {
      Entity entity = catalog.get(e.getKey()).orElseThrow();
      for (DataContract c : catalog.contractsFor(entity)) {
        if (!c.givesGuarantees()) {
          continue; // no promise made: that is no-guarantees' finding, not this one
        }
        verified.find(c.id(), c.file()).filter(v -> !v.broken().isEmpty()).ifPresent(v -> out.about(c.label()).report(entity,
            e.getKey() + " is consumed by " + Products.list(List.copyOf(e.getValue()), 5) + " but contract "
                + c.label() + " broke " + v.broken().size() + (v.broken().size() == 1 ? " check" : " checks")
                + " in its last verification: " + String.join("; ", v.broken().subList(0, Math.min(5, v.broken().size())))
                + (v.broken().size() > 5 ? "; and " + (v.broken().size() - 5) + " more" : "") + ".",
            "The data product owner restores the promised quality, timeliness, integrity or completeness, or"
                + " renegotiates the contract with the consumers, then reruns whodecides verify."));
      }
    }
  }

}
