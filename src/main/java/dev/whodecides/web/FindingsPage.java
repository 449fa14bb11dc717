package dev.whodecides.web;

import dev.whodecides.knowledge.Knowledge;
import dev.whodecides.rules.BuiltInRules;
import dev.whodecides.rules.Finding;
import dev.whodecides.rules.LintResult;
import dev.whodecides.rules.RuleDescriptor;
import dev.whodecides.vocabulary.EntityRef;
import dev.whodecides.vocabulary.Kind;
import dev.whodecides.web.view.Model.Chrome;
import dev.whodecides.web.view.Model.FindingDetail;
import dev.whodecides.web.view.Model.FindingRow;
import dev.whodecides.web.view.Model.Findings;
import dev.whodecides.web.view.Model.WaivedRow;
import dev.whodecides.web.view.Model;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** The findings page (filtered, paged), one finding's page, and a finding as other pages show it. */
final class FindingsPage {

  private FindingsPage() {}

  static Findings build(Analysis a, Chrome chrome, String rule, String severity, String q, int page) {
    String needle = Display.needle(q);
    Predicate<Finding> filter = f -> (Display.blank(rule) || f.rule().equals(rule))
        && (Display.blank(severity) || f.severity().id().equals(severity))
        && (needle.isEmpty() || Display.contains(f.message(), needle) || Display.contains(f.entity(), needle)
            || Display.contains(f.rule(), needle));
    LintResult lint = a.lint();
    // With a baseline, the findings that count come first and the ones it already knew apart.
    List<Finding> matching = lint.counted().stream().filter(filter).toList();
    Listing listing = Listing.of(page, Listing.PAGE_SIZE, matching.size());
    List<FindingRow> rows = listing.slice(matching).stream().map(f -> row(a, f)).toList();
    List<FindingRow> unchanged = null;
    int baselined = 0;
    if (lint.baseline() != null) {
      List<Finding> known = lint.findings().stream().filter(f -> !lint.baseline().isNew(f)).filter(filter).toList();
      baselined = known.size();
      unchanged = known.stream().limit(Listing.PAGE_SIZE).map(f -> row(a, f)).toList();
    }
    List<WaivedRow> waived = lint.waived().stream().filter(w -> filter.test(w.finding()))
        .map(w -> new WaivedRow(row(a, w.finding()), w.waiver().reason(), w.waiver().by(),
            w.waiver().until().toString(), w.waiver().file() + ":" + w.waiver().line()))
        .toList();
    List<String> rules = BuiltInRules.descriptors().stream().map(RuleDescriptor::id).toList();
    return new Findings(chrome, rows, listing.pager(n -> "/findings?"
        + Display.query("rule", rule, "severity", severity, "q", q) + "page=" + n), rules, rule, severity, q,
        unchanged, baselined, waived);
  }

  /** One finding by its id, if the current analysis has it. */
  static Optional<Model.FindingPage> one(Analysis a, Chrome chrome, String id) {
    return a.findings().byId(id).map(f -> new Model.FindingPage(chrome.withTitle(f.rule()), detail(a, f)));
  }

  /** A finding as a table row: linked to its own page and, when the catalog has it, to its entity. */
  static FindingRow row(Analysis a, Finding f) {
    String id = a.findings().idOf(f);
    String entityHref = null;
    if (f.entity() != null) {
      try {
        EntityRef ref = EntityRef.parse(f.entity(), Kind.COMPONENT.id());
        entityHref = a.catalog().exists(ref) ? Links.entity(ref) : null;
      } catch (IllegalArgumentException e) {
        entityHref = null; // an invalid entity's name: shown, not linked
      }
    }
    return new FindingRow(id, Links.finding(id), f.rule(), f.severity().id(), f.entity(), entityHref,
        f.file() + (f.line() > 0 ? ":" + f.line() : ""), f.message());
  }

  /** A finding in full: the role that would own it, what to do, why, and the evidence. */
  static FindingDetail detail(Analysis a, Finding f) {
    Knowledge knowledge = a.lint().analysis().knowledge();
    String role = f.recommendation() == null ? null : f.recommendation().role();
    String action = f.recommendation() == null ? "" : f.recommendation().action();
    String why = knowledge.rule(f.rule()).map(Knowledge.RuleCard::why).orElse(null);
    return new FindingDetail(row(a, f), role, role == null ? null : Links.role(role), action, why, Links.rule(f.rule()),
        Display.evidence(f.evidence()));
  }
}
