package dev.whodecides.graph;

import dev.whodecides.vocabulary.Kind;
import java.util.List;

/** What a box in the ownership graph stands for; {@link #cssClass()} is what the SVG styles. */
public enum NodeKind {
  DOMAIN("domain"),
  GROUP("group"),
  PERSON("person"),
  SYSTEM("product system"),
  PRODUCT("product"),
  DECISION("decision");

  /** The catalog kinds drawn, in the order a reference without a kind is tried as. */
  public static final List<Kind> DRAWN =
      List.of(Kind.GROUP, Kind.DOMAIN, Kind.SYSTEM, Kind.COMPONENT, Kind.API, Kind.RESOURCE, Kind.USER, Kind.DECISION);

  private final String cssClass;

  NodeKind(String cssClass) {
    this.cssClass = cssClass;
  }

  public String cssClass() {
    return cssClass;
  }

  /** The kind drawn for a catalog kind id, or null for kinds the graph leaves out. */
  public static NodeKind of(String kindId) {
    return Kind.byId(kindId).map(NodeKind::of).orElse(null);
  }

  /** The kind drawn for a catalog kind, or null for kinds the graph leaves out. */
  public static NodeKind of(Kind kind) {
    return switch (kind) {
      case DOMAIN -> DOMAIN;
      case GROUP -> GROUP;
      case USER -> PERSON;
      case SYSTEM -> SYSTEM;
      case COMPONENT, API, RESOURCE -> PRODUCT;
      case DECISION -> DECISION;
      case LOCATION, USECASE, IMPROVEMENT -> null;
    };
  }
}
