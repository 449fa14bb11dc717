package dev.whodecides.web;

import dev.whodecides.catalog.Entity;
import dev.whodecides.decisions.Effective;
import dev.whodecides.knowledge.Citation;
import dev.whodecides.knowledge.Knowledge;
import dev.whodecides.rules.BuiltInRules;
import dev.whodecides.rules.Finding;
import dev.whodecides.rules.RuleDescriptor;
import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.Kind;
import dev.whodecides.web.view.Model.Chrome;
import dev.whodecides.web.view.Model.Evidence;
import dev.whodecides.web.view.Model.FindingDetail;
import dev.whodecides.web.view.Model.Gap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A red cell of the matrix opened: the decision nobody owns, who normally would, and the findings about it. */
final class GapPage {

  private GapPage() {}

  /** Empty when the catalog has no such product or there is no such decision type. */
  static Optional<Gap> build(Analysis a, Chrome chrome, String productText, String typeText) {
    Optional<DecisionType> type = DecisionType.byId(typeText == null ? "" : typeText);
    Optional<Entity> product = Display.resolve(a.catalog(), productText, Kind.PRODUCTS);
    if (type.isEmpty() || product.isEmpty()) {
      return Optional.empty();
    }
    DecisionType t = type.get();
    Entity p = product.get();
    Optional<Effective> eff = a.ownership().effective(p.ref(), t);
    String declared = eff.isEmpty()
        ? "No Decision names an owner for it on the product, its system, its domain or its owning team."
        : eff.get().owned() ? "It is owned by " + eff.get().owner() + "."
        : "It is written down as unowned at " + eff.get().declaration().source().where() + ".";
    // The findings of the rules that report on this decision type, as each rule declares.
    List<String> rules = BuiltInRules.descriptors().stream().filter(d -> d.reportsOn(t)).map(RuleDescriptor::id)
        .toList();
    List<FindingDetail> details = new ArrayList<>();
    for (Finding f : a.findings().about(p.ref().toString())) {
      if (rules.contains(f.rule())) {
        details.add(FindingsPage.detail(a, f));
      }
    }
    Knowledge knowledge = a.lint().analysis().knowledge();
    Optional<Knowledge.DecisionCard> card = knowledge.decisionType(t.id());
    List<Evidence> evidence = card.map(c -> {
      List<Citation> cites = new ArrayList<>();
      knowledge.claims(c.claims()).forEach(claim -> cites.addAll(knowledge.citations(claim)));
      return Display.evidence(cites);
    }).orElse(List.of());
    return Optional.of(new Gap(chrome, p.ref().toString(), Display.title(p), Links.entity(p.ref()), t.id(),
        card.map(Knowledge.DecisionCard::question).orElse(""), t.role().id(), Links.role(t.role().id()), declared,
        details, evidence));
  }
}
