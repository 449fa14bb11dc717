package dev.whodecides.pages;

import dev.whodecides.knowledge.Citation;
import dev.whodecides.knowledge.Knowledge.CitedEpisode;
import dev.whodecides.knowledge.Knowledge.Claim;
import dev.whodecides.knowledge.Knowledge.DecisionCard;
import dev.whodecides.knowledge.Knowledge.RoleCard;
import dev.whodecides.knowledge.Knowledge.RuleCard;
import dev.whodecides.knowledge.Knowledge;
import dev.whodecides.pages.Block.Bullets;
import dev.whodecides.pages.Block.Column;
import dev.whodecides.pages.Block.Columns;
import dev.whodecides.pages.Block.Heading;
import dev.whodecides.pages.Block.Paragraph;
import dev.whodecides.pages.Block.Table;
import dev.whodecides.pages.Inline.Cite;
import dev.whodecides.pages.Inline.Code;
import dev.whodecides.pages.Inline.External;
import dev.whodecides.pages.Inline.Link;
import dev.whodecides.pages.Inline.Strong;
import dev.whodecides.pages.Inline.Text;
import dev.whodecides.rules.BuiltInRules;
import dev.whodecides.rules.RuleDescriptor;
import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Builds the pages of the site from the knowledge file and the rule registry. */
final class SiteBuilder {

  static final String INDEX = "index";
  static final String COMPARE = "compare";
  static final String EVIDENCE = "evidence";

  private final Knowledge k;
  private final List<RuleDescriptor> rules;
  /** Which pages rely on each claim, for the links back from the evidence page. */
  private final Map<String, Set<Link>> usedBy = new LinkedHashMap<>();

  SiteBuilder(Knowledge knowledge, List<RuleDescriptor> rules) {
    this.k = knowledge;
    this.rules = rules;
  }

  static SiteBuilder builtIn() {
    return new SiteBuilder(Knowledge.builtIn(), BuiltInRules.descriptors());
  }

  static String rolePage(String id) {
    return "roles/" + id;
  }

  static String decisionPage(String id) {
    return "decisions/" + id;
  }

  static String rulePage(String id) {
    return "rules/" + id;
  }

  /** Every page of the site: index, comparison, one per role, decision type and rule, and the evidence. */
  List<Page> pages() {
    usedBy.clear();
    List<Page> out = new ArrayList<>();
    out.add(index());
    out.add(compare());
    for (Role r : Role.values()) {
      out.add(role(r));
    }
    for (DecisionType t : DecisionType.values()) {
      out.add(decision(t));
    }
    for (RuleDescriptor d : rules) {
      out.add(rule(d));
    }
    out.add(evidence()); // last: it lists what the other pages cite
    return out;
  }

  // --- index ------------------------------------------------------------------------------

  private Page index() {
    List<Block> b = new ArrayList<>();
    b.add(Block.paragraph(text("whodecides checks who in a data or ML organization holds each product decision. "
        + "These pages explain the four roles it recommends, the decisions each one normally owns, "
        + "and the rules that report a decision nobody holds. Every statement links to the minute "
        + "of the podcast episode it rests on, so you can listen and judge for yourself.")));
    b.add(Block.paragraph(text("Start with "), Link.to(COMPARE, "the four roles side by side"),
        text(" if you are trying to work out which role your team is missing.")));

    b.add(new Heading(2, "Roles", "roles"));
    List<List<Inline>> roleItems = new ArrayList<>();
    for (Role r : Role.values()) {
      RoleCard card = roleCard(r);
      roleItems.add(List.of(Link.to(rolePage(r.id()), card.name()), text(": " + card.summary() + " "),
          cite(chosen(card.summaryClaims(), card.summary(), roleClaims(r, card), 1))));
    }
    b.add(new Bullets(roleItems));

    b.add(new Heading(2, "Decision types", "decision-types"));
    List<List<Inline>> typeItems = new ArrayList<>();
    for (DecisionType t : DecisionType.values()) {
      typeItems.add(List.of(Link.code(decisionPage(t.id()), t.id()), text(" ("),
          Link.to(rolePage(t.role().id()), roleCard(t.role()).name()), text("): " + decisionCard(t).question())));
    }
    b.add(new Bullets(typeItems));

    b.add(new Heading(2, "Rules", "rules"));
    List<List<Inline>> ruleItems = new ArrayList<>();
    for (RuleDescriptor d : rules) {
      ruleItems.add(List.of(Link.code(rulePage(d.id()), d.id()), text(" (" + d.severity().id() + "): " + d.summary())));
    }
    b.add(new Bullets(ruleItems));

    b.add(new Heading(2, "Evidence", "evidence"));
    b.add(Block.paragraph(text("All " + k.claims().size() + " claims with their citations, grouped by episode, are on "),
        Link.to(EVIDENCE, "the evidence page"), text(".")));
    return new Page(INDEX, "whodecides: who decides what in data and ML products",
        "The roles, decisions and rules of whodecides, with podcast evidence.", b);
  }

  // --- comparison -------------------------------------------------------------------------

  private Page compare() {
    List<Block> b = new ArrayList<>();
    b.add(Block.paragraph(text("Titles such as product owner and product manager mean different things from one "
        + "company to the next, so compare the roles by the decisions they hold. For each role: what it decides, "
        + "what tends to go wrong when nobody holds it, and the sign that a team is missing it. ")));
    List<Column> columns = new ArrayList<>();
    for (Role r : Role.values()) {
      RoleCard card = roleCard(r);
      List<Claim> pool = roleClaims(r, card);
      List<Inline> types = new ArrayList<>();
      List<DecisionType> owned = DecisionType.of(r);
      for (int i = 0; i < owned.size(); i++) {
        types.add(Link.code(decisionPage(owned.get(i).id()), owned.get(i).id()));
        if (i + 1 < owned.size()) {
          types.add(text(", "));
        }
      }
      columns.add(new Column(List.of(Link.to(rolePage(r.id()), card.name())), List.of(
          statement(card.decides(), card.decidesClaims(), pool),
          types,
          statement(card.withoutIt(), card.withoutItClaims(), pool),
          statement(card.signal(), card.signalClaims(), pool))));
      claimsUsedBy(pool, Link.to(COMPARE, "comparison"));
    }
    b.add(new Columns(columns, List.of("What it decides", "Decision types", "What goes wrong without it",
        "How to tell it is missing")));

    b.add(new Heading(2, "Which role is missing?", "missing"));
    List<List<Inline>> items = new ArrayList<>();
    for (Role r : Role.values()) {
      RoleCard card = roleCard(r);
      List<Inline> item = new ArrayList<>(statement(card.signal(), card.signalClaims(), roleClaims(r, card)));
      item.add(text(" "));
      item.add(new Strong("You need: "));
      item.add(Link.to(rolePage(r.id()), card.name()));
      item.add(text("."));
      items.add(item);
    }
    b.add(new Bullets(items));

    b.add(new Heading(2, "Who owns which decision", "decisions"));
    List<List<List<Inline>>> rows = new ArrayList<>();
    for (DecisionType t : DecisionType.values()) {
      rows.add(List.of(List.of(Link.code(decisionPage(t.id()), t.id())), List.of(text(decisionCard(t).name())),
          List.of(Link.to(rolePage(t.role().id()), roleCard(t.role()).name()))));
    }
    b.add(new Table(List.of(List.of(text("decision")), List.of(text("")), List.of(text("usually owned by"))), rows));
    b.add(Block.paragraph(text("Where a company has only one product title, one person often holds both the "
        + "product-owner and the product-manager decisions. "), cite(claimsOrEmpty("single-title-covers-both")),
        text(" whodecides reports that as "), Link.code(rulePage("both-hats"), "both-hats"),
        text(" so it is a choice made on purpose.")));
    return new Page(COMPARE, "Product owner, product manager, domain owner, data product owner",
        "The four roles side by side: what each decides, what goes wrong without it, how to tell it is missing.", b);
  }

  // --- one page per role, decision type and rule --------------------------------------------

  private Page role(Role r) {
    RoleCard card = roleCard(r);
    List<Claim> pool = roleClaims(r, card);
    Link self = Link.to(rolePage(r.id()), card.name());
    List<Block> b = new ArrayList<>();
    b.add(new Paragraph(statement(card.summary(), card.summaryClaims(), pool)));
    b.add(new Heading(2, "What it decides", "decides"));
    b.add(new Paragraph(statement(card.decides(), card.decidesClaims(), pool)));
    List<List<Inline>> types = new ArrayList<>();
    for (DecisionType t : DecisionType.of(r)) {
      types.add(List.of(Link.code(decisionPage(t.id()), t.id()), text(": " + decisionCard(t).question())));
    }
    b.add(new Bullets(types));
    b.add(new Heading(2, "What goes wrong without it", "without"));
    b.add(new Paragraph(statement(card.withoutIt(), card.withoutItClaims(), pool)));
    b.add(new Heading(2, "How to tell it is missing", "signal"));
    b.add(new Paragraph(statement(card.signal(), card.signalClaims(), pool)));
    b.add(new Heading(2, "Rules that recommend it", "rules"));
    List<List<Inline>> recommending = new ArrayList<>();
    for (RuleDescriptor d : rules) {
      if (r.id().equals(d.role())) {
        recommending.add(List.of(Link.code(rulePage(d.id()), d.id()), text(": " + d.summary())));
      }
    }
    if (recommending.isEmpty()) {
      b.add(Block.paragraph(text("No rule recommends this role on its own; see "), Link.to(INDEX, "all rules"),
          text(".")));
    } else {
      b.add(new Bullets(recommending));
    }
    b.add(new Heading(2, "Evidence", "evidence"));
    b.addAll(claimBlocks(k.claims(card.claims()), self));
    claimsUsedBy(pool, self);
    b.add(seeAlso());
    return new Page(rolePage(r.id()), card.name(), card.summary(), b);
  }

  private Page decision(DecisionType t) {
    DecisionCard card = decisionCard(t);
    RoleCard owner = roleCard(t.role());
    Link self = new Link(decisionPage(t.id()), null, card.name(), false);
    List<Claim> claims = k.claims(card.claims());
    List<Block> b = new ArrayList<>();
    b.add(new Paragraph(List.of(new Strong(card.question().strip()), text(" "), cite(Support.pick(card.question(), claims, 2)))));
    b.add(Block.paragraph(text("Decision type "), new Code(t.id()), text(", usually owned by the "),
        Link.to(rolePage(t.role().id()), owner.name().toLowerCase(Locale.ROOT)), text(".")));
    List<List<Inline>> siblings = new ArrayList<>();
    for (DecisionType other : DecisionType.of(t.role())) {
      if (other != t) {
        siblings.add(List.of(Link.code(decisionPage(other.id()), other.id()), text(": " + decisionCard(other).question())));
      }
    }
    if (!siblings.isEmpty()) {
      b.add(new Heading(2, "Other decisions of the " + owner.name().toLowerCase(Locale.ROOT), "siblings"));
      b.add(new Bullets(siblings));
    }
    List<List<Inline>> recommending = new ArrayList<>();
    for (RuleDescriptor d : rules) {
      if (t.role().id().equals(d.role())) {
        recommending.add(List.of(Link.code(rulePage(d.id()), d.id()), text(": " + d.summary())));
      }
    }
    b.add(new Heading(2, "Rules that recommend the " + owner.name().toLowerCase(Locale.ROOT), "rules"));
    if (recommending.isEmpty()) {
      b.add(Block.paragraph(text("None.")));
    } else {
      b.add(new Bullets(recommending));
    }
    b.add(Block.paragraph(text("A Decision of this type with a Group as owner is reported by "),
        Link.code(rulePage("group-owns-decision"), "group-owns-decision"), text(", two different owners on one scope by "),
        Link.code(rulePage("conflicting-owners"), "conflicting-owners"), text(".")));
    b.add(new Heading(2, "Evidence", "evidence"));
    b.addAll(claimBlocks(claims, self));
    b.add(seeAlso());
    return new Page(decisionPage(t.id()), card.name() + " (" + t.id() + ")", card.question(), b);
  }

  private Page rule(RuleDescriptor d) {
    RuleCard card = k.rule(d.id()).orElse(null);
    Link self = Link.code(rulePage(d.id()), d.id());
    List<Block> b = new ArrayList<>();
    List<Inline> meta = new ArrayList<>(List.of(new Strong("Severity: "), text(d.severity().id() + ". "),
        new Strong("Recommends: ")));
    if (d.role() != null && Role.byId(d.role()).isPresent()) {
      meta.add(Link.to(rolePage(d.role()), roleCard(Role.byId(d.role()).get()).name()));
      meta.add(text("."));
    } else {
      meta.add(text("the role that normally owns the decision involved, or none."));
    }
    b.add(new Paragraph(meta));
    b.add(new Heading(2, "What it reports", "reports"));
    b.add(Block.paragraph(text(d.summary())));
    if (card != null) {
      List<Claim> claims = k.claims(card.claims());
      b.add(new Heading(2, "Why it matters", "why"));
      b.add(new Paragraph(List.of(text(card.why().strip() + " "), cite(claims))));
      b.add(new Heading(2, "Evidence", "evidence"));
      b.addAll(claimBlocks(claims, self));
    }
    if (d.role() != null && Role.byId(d.role()).isPresent()) {
      Role r = Role.byId(d.role()).get();
      List<List<Inline>> types = new ArrayList<>();
      for (DecisionType t : DecisionType.of(r)) {
        types.add(List.of(Link.code(decisionPage(t.id()), t.id()), text(": " + decisionCard(t).question())));
      }
      b.add(new Heading(2, "Decisions of the " + roleCard(r).name().toLowerCase(Locale.ROOT), "decisions"));
      b.add(new Bullets(types));
    }
    b.add(Block.paragraph(text("In a terminal: "), new Code("whodecides explain " + d.id()), text(".")));
    b.add(seeAlso());
    return new Page(rulePage(d.id()), "Rule " + d.id(), d.summary(), b);
  }

  // --- evidence -----------------------------------------------------------------------------

  private Page evidence() {
    List<Block> b = new ArrayList<>();
    b.add(Block.paragraph(text("Every claim these pages rely on, in the project's own words, with the episode "
        + "minutes that back it and the pages that use it. The citation links open the video at the cited second.")));
    Map<String, List<Claim>> byEpisode = new LinkedHashMap<>();
    k.episodes().keySet().forEach(slug -> byEpisode.put(slug, new ArrayList<>()));
    for (Claim c : k.claims().values()) {
      String first = c.citations().isEmpty() ? null : c.citations().get(0).source();
      byEpisode.computeIfAbsent(first, s -> new ArrayList<>()).add(c);
    }
    for (Map.Entry<String, List<Claim>> e : byEpisode.entrySet()) {
      if (e.getValue().isEmpty()) {
        continue;
      }
      CitedEpisode ep = e.getKey() == null ? null : k.episodes().get(e.getKey());
      if (ep == null) {
        b.add(new Heading(2, "Other claims", "other"));
      } else {
        b.add(new Heading(2, ep.guest() + ": " + ep.title(), "episode-" + ep.slug()));
        b.add(Block.paragraph(new External(ep.youtube(), "Watch the episode"), text(" (" + ep.slug() + ")")));
      }
      for (Claim c : e.getValue()) {
        b.add(new Heading(3, c.id(), c.id()));
        b.add(new Paragraph(List.of(text(c.text().strip() + " "), cite(List.of(c)))));
        Set<Link> users = usedBy.getOrDefault(c.id(), Set.of());
        if (!users.isEmpty()) {
          List<Inline> line = new ArrayList<>(List.of(text("Used by: ")));
          int i = 0;
          for (Link l : users) {
            line.add(l);
            line.add(text(++i < users.size() ? ", " : "."));
          }
          b.add(new Paragraph(line));
        }
      }
    }
    return new Page(EVIDENCE, "Evidence", "Every claim behind whodecides, with links to the episode minute.", b);
  }

  // --- helpers ------------------------------------------------------------------------------

  private Block seeAlso() {
    return Block.paragraph(Link.to(INDEX, "All pages"), text(" · "), Link.to(COMPARE, "Compare the roles"),
        text(" · "), Link.to(EVIDENCE, "All evidence"));
  }

  /**
   * A role-card sentence with the claims the knowledge file names for it; only a card without
   * such a list falls back to picking claims by shared words.
   */
  private List<Inline> statement(String sentence, List<String> named, List<Claim> pool) {
    return List.of(text(sentence.strip() + " "), cite(chosen(named, sentence, pool, 2)));
  }

  private List<Claim> chosen(List<String> named, String sentence, List<Claim> pool, int max) {
    return named != null && !named.isEmpty() ? k.claims(named) : Support.pick(sentence, pool, max);
  }

  /** Each claim as a paragraph with its citations and a link to it on the evidence page. */
  private List<Block> claimBlocks(List<Claim> claims, Link user) {
    List<List<Inline>> items = new ArrayList<>();
    for (Claim c : claims) {
      items.add(List.of(text(c.text().strip() + " "), cite(List.of(c)), text(" "),
          new Inline.Aside(new Link(EVIDENCE, c.id(), "all uses", false))));
    }
    claimsUsedBy(claims, user);
    return List.of(new Bullets(items));
  }

  private void claimsUsedBy(List<Claim> claims, Link user) {
    for (Claim c : claims) {
      usedBy.computeIfAbsent(c.id(), id -> new LinkedHashSet<>()).add(user);
    }
  }

  /** The distinct citations of some claims, in order. */
  private Cite cite(List<Claim> claims) {
    Set<Citation> out = new LinkedHashSet<>();
    for (Claim c : claims) {
      out.addAll(k.citations(c));
    }
    return new Cite(List.copyOf(out));
  }

  private List<Claim> claimsOrEmpty(String id) {
    Claim c = k.claims().get(id);
    return c == null ? List.of() : List.of(c);
  }

  /** A role's own claims followed by those of its decision types: what its sentences may cite. */
  private List<Claim> roleClaims(Role r, RoleCard card) {
    Set<String> ids = new LinkedHashSet<>(card.claims());
    for (DecisionType t : DecisionType.of(r)) {
      ids.addAll(decisionCard(t).claims());
    }
    return k.claims(List.copyOf(ids));
  }

  private RoleCard roleCard(Role r) {
    return k.role(r.id()).orElseThrow(() -> new IllegalStateException("knowledge has no card for role " + r.id()));
  }

  private DecisionCard decisionCard(DecisionType t) {
    return k.decisionType(t.id())
        .orElseThrow(() -> new IllegalStateException("knowledge has no card for decision type " + t.id()));
  }

  private static Text text(String s) {
    return new Text(Objects.requireNonNull(s));
  }
}
