package dev.whodecides.graph;

/** What a box in the ownership graph stands for; {@link #cssClass()} is what the SVG styles. */
public enum NodeKind {
  DOMAIN("domain"),
  GROUP("group"),
  PERSON("person"),
  SYSTEM("product system"),
  PRODUCT("product"),
  DECISION("decision");

  private final String cssClass;

  NodeKind(String cssClass) {
    this.cssClass = cssClass;
  }

  public String cssClass() {
    return cssClass;
  }

  /** The kind drawn for a catalog kind id, or null for kinds the graph leaves out. */
  public static NodeKind of(String kindId) {
    return switch (kindId) {
      case "domain" -> DOMAIN;
      case "group" -> GROUP;
      case "user" -> PERSON;
      case "system" -> SYSTEM;
      case "component", "api", "resource" -> PRODUCT;
      case "decision" -> DECISION;
      default -> null;
    };
  }
}
