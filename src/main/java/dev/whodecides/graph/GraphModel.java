package dev.whodecides.graph;

import dev.whodecides.catalog.Catalog;
import dev.whodecides.catalog.Entity;
import dev.whodecides.decisions.Effective;
import dev.whodecides.decisions.Ownership;
import dev.whodecides.vocabulary.Annotations;
import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.EntityRef;
import dev.whodecides.vocabulary.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The boxes and relations of an organization before layout, and the choice of which to draw: all,
 * or a focus with what lies under it and its direct neighbours, cut to a number of boxes.
 */
final class GraphModel {

  /** A box to draw, without coordinates. */
  record Draft(EntityRef ref, NodeKind kind, String label, String detail, List<String> gaps, boolean inCatalog,
      String tooltip, int order) {}

  /** An edge to draw, without coordinates: every relation between one ordered pair of boxes. */
  record Link(EntityRef from, EntityRef to, EdgeKind kind, List<EdgeKind> kinds, String label, String tooltip,
      boolean gap) {}

  /** What is drawn: boxes in catalog order, edges, and how many boxes the cap left out. */
  record Selection(List<Draft> drafts, List<Link> links, EntityRef focus, int omitted) {}

  /** One relation; {@code type} only for DECIDES and SCOPE. */
  private record Raw(EntityRef from, EntityRef to, EdgeKind kind, DecisionType type, String note, boolean gap) {}

  private static final List<Kind> KINDS = List.of(Kind.DOMAIN, Kind.GROUP, Kind.SYSTEM, Kind.COMPONENT, Kind.API,
      Kind.RESOURCE, Kind.USER, Kind.DECISION);
  private static final int MAX_TYPES_IN_LABEL = 3;
  /** Which boxes a cap keeps first, at the same distance from the focus. */
  private static final List<NodeKind> CAP_ORDER = List.of(NodeKind.DOMAIN, NodeKind.GROUP, NodeKind.SYSTEM,
      NodeKind.PRODUCT, NodeKind.PERSON, NodeKind.DECISION);

  private final Ownership ownership;
  private final Catalog catalog;
  private final boolean decisionNodes;
  private final Map<EntityRef, Draft> drafts = new LinkedHashMap<>();
  private final List<Raw> raws = new ArrayList<>();
  /** The box an entity is drawn inside of: a product's parent component or system, a system's domain. */
  private final Map<EntityRef, EntityRef> container = new HashMap<>();
  private final Map<EntityRef, EntityRef> ownerOf = new HashMap<>();

  private GraphModel(Ownership ownership, boolean decisionNodes) {
    this.ownership = ownership;
    this.catalog = ownership.catalog();
    this.decisionNodes = decisionNodes;
  }

  static GraphModel build(Ownership ownership, boolean decisionNodes) {
    GraphModel m = new GraphModel(ownership, decisionNodes);
    m.addEntities();
    m.addRelations();
    return m;
  }

  private void addEntities() {
    for (Kind kind : KINDS) {
      if (kind == Kind.DECISION && !decisionNodes) {
        continue;
      }
      for (Entity e : catalog.ofKind(kind)) {
        drafts.put(e.ref(), draft(e));
      }
    }
  }

  private void addRelations() {
    for (Entity g : catalog.ofKind(Kind.GROUP)) {
      catalog.ref(g, "parent").ifPresent(p -> raw(p, g.ref(), EdgeKind.PARENT));
      catalog.refs(g, "children").forEach(c -> raw(g.ref(), c, EdgeKind.PARENT));
      // Backstage's members list is not checked by lint, so only members that exist are drawn.
      for (String m : g.texts("members")) {
        catalog.resolve(m, List.of(Kind.USER.id()), g.ref().namespace()).filter(catalog::exists)
            .ifPresent(u -> raw(u, g.ref(), EdgeKind.MEMBER));
      }
    }
    for (Entity u : catalog.ofKind(Kind.USER)) {
      catalog.refs(u, "memberOf").forEach(g -> raw(u.ref(), g, EdgeKind.MEMBER));
    }
    for (Entity d : catalog.ofKind(Kind.DOMAIN)) {
      owned(d);
      catalog.ref(d, "subdomainOf").ifPresent(p -> contained(p, d.ref()));
    }
    for (Entity s : catalog.ofKind(Kind.SYSTEM)) {
      owned(s);
      catalog.ref(s, "domain").ifPresent(d -> contained(d, s.ref()));
    }
    for (Kind kind : Kind.DELIVERABLES) {
      for (Entity p : catalog.ofKind(kind)) {
        owned(p);
        Optional<EntityRef> parent = kind == Kind.COMPONENT ? catalog.ref(p, "subcomponentOf") : Optional.empty();
        Optional<EntityRef> system = catalog.ref(p, "system");
        parent.ifPresent(c -> raws.add(new Raw(c, p.ref(), EdgeKind.CONTAINS, null, null, false)));
        system.ifPresent(s -> raws.add(new Raw(s, p.ref(), EdgeKind.CONTAINS, null, null, false)));
        parent.or(() -> system).ifPresent(c -> container.put(p.ref(), c));
      }
    }
    if (decisionNodes) {
      for (Entity d : catalog.ofKind(Kind.DECISION)) {
        Optional<EntityRef> owner = catalog.ref(d, "owner");
        owner.ifPresent(o -> raw(o, d.ref(), EdgeKind.HOLDS));
        DecisionType type = DecisionType.byId(d.text("type")).orElse(null);
        catalog.ref(d, "scope").ifPresent(s -> raws.add(new Raw(d.ref(), s, EdgeKind.SCOPE, type, null, owner.isEmpty())));
      }
    }
    for (Kind kind : List.of(Kind.DOMAIN, Kind.SYSTEM, Kind.COMPONENT, Kind.API, Kind.RESOURCE)) {
      for (Entity e : catalog.ofKind(kind)) {
        for (DecisionType t : DecisionType.values()) {
          Optional<Effective> eff = ownership.effective(e.ref(), t);
          if (eff.isPresent() && eff.get().owned()) {
            EntityRef from = eff.get().inheritedFrom();
            String note = t.id() + (from.equals(e.ref()) ? " declared here" : " from " + from);
            raws.add(new Raw(eff.get().owner(), e.ref(), EdgeKind.DECIDES, t, note, false));
          }
        }
      }
    }
    // A reference to an entity that is not defined (an owner, a group, a system) still gets a box,
    // drawn dashed: the picture should show that a decision rests on someone the catalog does not
    // know. Entities that exist but are invalid stay out, as they do in the analysis.
    for (Raw r : raws) {
      for (EntityRef end : List.of(r.from(), r.to())) {
        if (!drafts.containsKey(end) && !catalog.exists(end) && NodeKind.of(end.kind()) != null
            && NodeKind.of(end.kind()) != NodeKind.DECISION) {
          drafts.put(end, new Draft(end, NodeKind.of(end.kind()), Text.shorten(end.name(), Text.MAX_CHARS),
              "not in the catalog", List.of(), false, end + "\nreferenced, but not defined in the catalog",
              drafts.size()));
        }
      }
    }
    raws.removeIf(r -> !drafts.containsKey(r.from()) || !drafts.containsKey(r.to()) || r.from().equals(r.to()));
  }

  private void raw(EntityRef from, EntityRef to, EdgeKind kind) {
    raws.add(new Raw(from, to, kind, null, null, false));
  }

  private void owned(Entity e) {
    catalog.ref(e, "owner").ifPresent(o -> {
      ownerOf.put(e.ref(), o);
      raw(o, e.ref(), EdgeKind.OWNS);
    });
  }

  private void contained(EntityRef outer, EntityRef inner) {
    container.put(inner, outer);
    raw(outer, inner, EdgeKind.CONTAINS);
  }

  /**
   * The boxes to draw and the edges between them. With a focus: the focus, everything under it
   * (subgroups, members, what it owns or contains, Decisions scoped there) and everything one edge
   * away from those; a Decision drawn always brings its scope and owner. Without a focus:
   * everything. A cap keeps the boxes nearest the focus first, then domains, groups, systems,
   * products, people and Decisions in that order.
   */
  Selection select(EntityRef focus, int maxNodes) {
    Map<EntityRef, Integer> rank = new LinkedHashMap<>();
    if (focus == null) {
      drafts.keySet().forEach(r -> rank.put(r, 1));
    } else {
      if (!drafts.containsKey(focus) || !drafts.get(focus).inCatalog()) {
        throw new IllegalArgumentException(focus + " is not an entity the ownership graph draws");
      }
      rank.put(focus, 0);
      Map<EntityRef, List<EntityRef>> down = new HashMap<>();
      Map<EntityRef, List<EntityRef>> near = new HashMap<>();
      for (Raw r : raws) {
        switch (r.kind()) {
          case PARENT, CONTAINS, OWNS -> down.computeIfAbsent(r.from(), k -> new ArrayList<>()).add(r.to());
          case MEMBER, SCOPE -> down.computeIfAbsent(r.to(), k -> new ArrayList<>()).add(r.from());
          default -> { }
        }
        near.computeIfAbsent(r.from(), k -> new ArrayList<>()).add(r.to());
        near.computeIfAbsent(r.to(), k -> new ArrayList<>()).add(r.from());
      }
      Deque<EntityRef> queue = new ArrayDeque<>(List.of(focus));
      while (!queue.isEmpty()) {
        for (EntityRef next : down.getOrDefault(queue.poll(), List.of())) {
          if (rank.putIfAbsent(next, 1) == null) {
            queue.add(next);
          }
        }
      }
      for (EntityRef inside : List.copyOf(rank.keySet())) {
        near.getOrDefault(inside, List.of()).forEach(n -> rank.putIfAbsent(n, 2));
      }
      for (Raw r : raws) {
        // A Decision drawn brings its scope and its owner, so no Decision box hangs loose.
        if (r.kind() == EdgeKind.SCOPE && rank.containsKey(r.from())) {
          rank.putIfAbsent(r.to(), 3);
        }
        if (r.kind() == EdgeKind.HOLDS && rank.containsKey(r.to())) {
          rank.putIfAbsent(r.from(), 3);
        }
      }
    }
    List<Draft> chosen = rank.keySet().stream().map(drafts::get)
        .sorted(Comparator.<Draft>comparingInt(d -> rank.get(d.ref())).thenComparingInt(d -> CAP_ORDER.indexOf(d.kind()))
            .thenComparingInt(Draft::order))
        .toList();
    int omitted = 0;
    if (maxNodes > 0 && chosen.size() > maxNodes) {
      omitted = chosen.size() - maxNodes;
      chosen = chosen.subList(0, maxNodes);
    }
    List<Draft> kept = chosen.stream().sorted(Comparator.comparingInt(Draft::order)).toList();
    Set<EntityRef> shown = new LinkedHashSet<>();
    kept.forEach(d -> shown.add(d.ref()));
    return new Selection(kept, links(shown), focus, omitted);
  }

  /**
   * The edges among the drawn boxes, one per ordered pair. Two relations are left to what the
   * picture already shows: an owner is drawn once, at the outermost box it owns (a system, not each
   * of its products), and a decision a box inherits unchanged from the box it sits in, or that a
   * drawn Decision box already declares on it, gets no edge of its own.
   */
  private List<Link> links(Set<EntityRef> shown) {
    Map<List<EntityRef>, List<Raw>> pairs = new LinkedHashMap<>();
    for (Raw r : raws) {
      if (!shown.contains(r.from()) || !shown.contains(r.to()) || implied(r, shown)) {
        continue;
      }
      pairs.computeIfAbsent(List.of(r.from(), r.to()), k -> new ArrayList<>()).add(r);
    }
    List<Link> out = new ArrayList<>();
    pairs.forEach((pair, rs) -> out.add(link(pair.get(0), pair.get(1), rs)));
    return out;
  }

  private boolean implied(Raw r, Set<EntityRef> shown) {
    EntityRef outer = container.get(r.to());
    boolean outerShown = outer != null && shown.contains(outer);
    if (r.kind() == EdgeKind.OWNS) {
      return outerShown && r.from().equals(ownerOf.get(outer));
    }
    if (r.kind() == EdgeKind.DECIDES) {
      Effective eff = ownership.effective(r.to(), r.type()).orElseThrow();
      if (decisionNodes && eff.inheritedFrom().equals(r.to()) && shown.contains(eff.declaration().source().ref())) {
        return true;
      }
      return outerShown && r.from().equals(ownership.owner(outer, r.type()));
    }
    return false;
  }

  private Link link(EntityRef from, EntityRef to, List<Raw> rs) {
    Set<EdgeKind> kinds = EnumSet.noneOf(EdgeKind.class);
    Set<DecisionType> types = new TreeSet<>();
    List<String> notes = new ArrayList<>();
    boolean gap = false;
    for (Raw r : rs) {
      kinds.add(r.kind());
      if (r.kind() == EdgeKind.DECIDES) {
        types.add(r.type());
        notes.add(r.note());
      }
      gap |= r.gap();
    }
    // Only decisions and gaps are spelled out on the edge: the legend tells member and owner edges
    // apart, and a label on each of them would bury the ones that matter.
    List<String> parts = new ArrayList<>();
    for (EdgeKind k : List.of(EdgeKind.OWNS, EdgeKind.MEMBER)) {
      if (kinds.contains(k) && !types.isEmpty()) {
        parts.add(k.label());
      }
    }
    if (!types.isEmpty()) {
      List<String> ids = types.stream().map(DecisionType::id).toList();
      parts.add("decides " + String.join(", ", ids.subList(0, Math.min(ids.size(), MAX_TYPES_IN_LABEL)))
          + (ids.size() > MAX_TYPES_IN_LABEL ? " +" + (ids.size() - MAX_TYPES_IN_LABEL) : ""));
    }
    if (gap) {
      parts.add("nobody");
    }
    EdgeKind primary = kinds.stream().max(Comparator.naturalOrder()).orElseThrow();
    StringBuilder tip = new StringBuilder(from + " \u2192 " + to);
    for (EdgeKind k : kinds) {
      if (k != EdgeKind.DECIDES) {
        tip.append('\n').append(switch (k) {
          case PARENT -> "group above group";
          case CONTAINS -> "contains";
          case HOLDS -> "holds this decision";
          case SCOPE -> gap ? "the decision covers this scope and names nobody" : "the decision covers this scope";
          case MEMBER -> "member of";
          case OWNS -> "owns";
          case DECIDES -> "";
        });
      }
    }
    notes.forEach(n -> tip.append("\ndecides ").append(n));
    return new Link(from, to, primary, List.copyOf(kinds), String.join(" \u00b7 ", parts), tip.toString(), gap);
  }

  private Draft draft(Entity e) {
    Kind kind = Kind.byId(e.ref().kind()).orElseThrow();
    NodeKind nodeKind = NodeKind.of(kind);
    String label = e.displayName();
    String detail;
    List<String> gaps = List.of();
    StringBuilder tip = new StringBuilder(e.ref().toString());
    if (e.title() != null && kind != Kind.USER) {
      tip.append('\n').append(e.title());
    }
    switch (kind) {
      case GROUP -> detail = "group" + suffix(e.text("type"));
      case USER -> detail = Objects.requireNonNullElse(e.annotation(Annotations.TITLE), "person");
      case COMPONENT -> detail = "component" + suffix(e.text("lifecycle"));
      case API -> detail = "API" + suffix(e.text("lifecycle"));
      case RESOURCE -> detail = "resource" + suffix(e.text("type"));
      case DECISION -> {
        String type = Objects.requireNonNullElse(e.text("type"), "?");
        detail = type + " decision";
        tip.append("\n").append(type).append(" for ").append(catalog.ref(e, "scope").map(Object::toString).orElse("?"))
            .append(", owner ").append(catalog.ref(e, "owner").map(Object::toString).orElse("nobody"));
        if (catalog.ref(e, "owner").isEmpty()) {
          gaps = List.of(type);
        }
      }
      default -> detail = kind.id();
    }
    Object description = e.metadata().get("description");
    if (description != null) {
      tip.append('\n').append(Text.shorten(description.toString(), 300));
    }
    if (nodeKind == NodeKind.PRODUCT || nodeKind == NodeKind.SYSTEM || nodeKind == NodeKind.DOMAIN) {
      catalog.ref(e, "owner").ifPresent(o -> tip.append("\nowner: ").append(o));
    }
    if (nodeKind == NodeKind.PRODUCT) {
      gaps = ownership.gaps(e.ref()).stream().map(g -> g.type().id()).toList();
    }
    if (nodeKind == NodeKind.PRODUCT || nodeKind == NodeKind.SYSTEM || nodeKind == NodeKind.DOMAIN) {
      for (DecisionType t : DecisionType.values()) {
        Optional<Effective> eff = ownership.effective(e.ref(), t);
        if (eff.isPresent()) {
          tip.append('\n').append(t.id()).append(": ")
              .append(eff.get().owned() ? eff.get().owner().toString() : "nobody (declared unowned)")
              .append(eff.get().inheritedFrom().equals(e.ref()) ? "" : " from " + eff.get().inheritedFrom());
        } else if (gaps.contains(t.id())) {
          tip.append('\n').append(t.id()).append(": nobody (no decision covers it)");
        }
      }
    }
    return new Draft(e.ref(), nodeKind, Text.shorten(label, Text.MAX_CHARS), Text.shorten(detail, Text.MAX_CHARS + 6),
        gaps, true, tip.toString(), drafts.size());
  }

  private static String suffix(String s) {
    return s == null || s.isBlank() ? "" : " \u00b7 " + s;
  }
}
