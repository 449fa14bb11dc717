package dev.whodecides.rules;

import dev.whodecides.catalog.Catalog;
import dev.whodecides.catalog.DataContract;
import dev.whodecides.catalog.Entity;
import dev.whodecides.vocabulary.Annotations;
import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.EntityRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Data or APIs another team consumes without anyone guaranteeing them. */
@RuleInfo(
    id = "no-guarantees",
    severity = Severity.ERROR,
    summary = "An entity another team consumes has no guarantees owner or no data contract that gives guarantees.",
    role = "data-product-owner",
    decisions = DecisionType.GUARANTEES)
public final class NoGuarantees implements Rule {

  @Override
  public void check(AnalysedCatalog a, Reporter out) {
    Catalog catalog = a.catalog();
    Map<EntityRef, Set<String>> consumers = a.ownership().gaps().consumers();
    consumers.forEach((ref, who) -> {
      Entity e = catalog.get(ref).orElseThrow();
      // A team with no Decision at all hears about its missing owners once, from no-decision-rights.
      boolean owned = a.ownership().gaps().of(ref, DecisionType.GUARANTEES).isEmpty() || NoDecisionRights.covers(a, ref);
      List<DataContract> contracts = catalog.contractsFor(e);
      boolean guaranteed = contracts.stream().anyMatch(DataContract::givesGuarantees);
      if (owned && guaranteed) {
        return;
      }
      List<String> missing = new ArrayList<>();
      if (!owned) {
        missing.add("no guarantees owner");
      }
      if (!guaranteed) {
        missing.add(contracts.isEmpty() ? "no data contract"
            : "no contract that gives guarantees (" + contracts.get(0).label() + " is "
                + (contracts.get(0).status() == null ? "without status" : contracts.get(0).status())
                + (contracts.get(0).givesGuarantees() ? "" : ", needs status active and a quality rule or SLA") + ")");
      }
      out.about(DecisionType.GUARANTEES.id()).report(e,
          ref + " of " + catalog.ref(e, "owner").map(Object::toString).orElse(e.text("owner")) + " is consumed by " + Products.list(List.copyOf(who), 5)
              + " but has " + String.join(" and ", missing) + ".",
          "Make one person on the producing team accountable for quality, timeliness, integrity and completeness"
              + " (a Decision of type guarantees, usually the data product owner) and publish an active ODCS contract"
              + " with quality rules or SLAs, linked by the " + Annotations.CONTRACT + " annotation.");
    });
  }
}
