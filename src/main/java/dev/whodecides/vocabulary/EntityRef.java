package dev.whodecides.vocabulary;

import java.util.Locale;

/**
 * A Backstage entity reference in canonical form: {@code kind:namespace/name}, all lower case.
 * Compared by that canonical text, which is built once: references are map keys and message
 * text all through an analysis.
 */
public final class EntityRef implements Comparable<EntityRef> {

  public static final String DEFAULT_NAMESPACE = "default";

  private final String kind;
  private final String namespace;
  private final String name;
  private final String canonical;

  public EntityRef(String kind, String namespace, String name) {
    this.kind = kind.toLowerCase(Locale.ROOT);
    this.namespace = namespace.toLowerCase(Locale.ROOT);
    this.name = name.toLowerCase(Locale.ROOT);
    this.canonical = this.kind + ":" + this.namespace + "/" + this.name;
  }

  public static EntityRef of(String kind, String namespace, String name) {
    return new EntityRef(kind, namespace == null || namespace.isBlank() ? DEFAULT_NAMESPACE : namespace, name);
  }

  /**
   * Parses {@code [kind:][namespace/]name}; a missing kind becomes {@code defaultKind}.
   *
   * @throws IllegalArgumentException when the text is empty or the kind is missing with no default
   */
  public static EntityRef parse(String text, String defaultKind) {
    return parse(text, defaultKind, DEFAULT_NAMESPACE);
  }

  public static EntityRef parse(String text, String defaultKind, String defaultNamespace) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("an entity reference cannot be empty");
    }
    String rest = text.trim();
    String kind = defaultKind;
    int colon = rest.indexOf(':');
    if (colon >= 0) {
      kind = rest.substring(0, colon);
      rest = rest.substring(colon + 1);
    }
    String namespace = defaultNamespace;
    int slash = rest.indexOf('/');
    if (slash >= 0) {
      namespace = rest.substring(0, slash);
      rest = rest.substring(slash + 1);
    }
    if (kind == null || kind.isBlank()) {
      throw new IllegalArgumentException("'" + text + "' needs a kind, e.g. component:" + rest);
    }
    if (rest.isBlank() || namespace.isBlank()) {
      throw new IllegalArgumentException("'" + text + "' is not a reference of the form [kind:][namespace/]name");
    }
    return new EntityRef(kind, namespace, rest);
  }

  /** True when the text names its kind explicitly. */
  public static boolean hasKind(String text) {
    return text != null && text.indexOf(':') >= 0;
  }

  public String kind() {
    return kind;
  }

  /** True when this reference names an entity of {@code k}. */
  public boolean is(Kind k) {
    return kind.equals(k.id());
  }

  public String namespace() {
    return namespace;
  }

  public String name() {
    return name;
  }

  @Override
  public boolean equals(Object o) {
    return o == this || (o instanceof EntityRef r && r.canonical.equals(canonical));
  }

  @Override
  public int hashCode() {
    return canonical.hashCode();
  }

  @Override
  public String toString() {
    return canonical;
  }

  @Override
  public int compareTo(EntityRef o) {
    return canonical.compareTo(o.canonical);
  }
}
