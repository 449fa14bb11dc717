package dev.whodecides.graph;

/**
 * Why two boxes are joined. Declared from least to most important: an edge that stands for
 * several relations is styled as the most important one.
 */
public enum EdgeKind {
  /** A group to a group under it ({@code parent}, {@code children}). */
  PARENT("parent", ""),
  /** A domain to its subdomains and systems, a system to its products, a component to its parts. */
  CONTAINS("contains", ""),
  /** A person or group to the Decision they hold. */
  HOLDS("holds", ""),
  /** A Decision to the scope it covers. */
  SCOPE("scope", ""),
  /** A person to a group they belong to. */
  MEMBER("member", "member of"),
  /** A group or person to what it owns ({@code spec.owner}). */
  OWNS("owns", "owns"),
  /** Whoever effectively holds decision types for a product, system or domain. */
  DECIDES("decides", "decides");

  private final String cssClass;
  private final String label;

  EdgeKind(String cssClass, String label) {
    this.cssClass = cssClass;
    this.label = label;
  }

  public String cssClass() {
    return cssClass;
  }

  /** The words on the edge, empty where the legend says enough. */
  public String label() {
    return label;
  }
}
