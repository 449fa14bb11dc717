package dev.whodecides.catalog;

import java.util.Locale;

/** A Backstage entity reference in canonical form: {@code kind:namespace/name}, all lower case. */
public record EntityRef(String kind, String namespace, String name) implements Comparable<EntityRef> {

  public static final String DEFAULT_NAMESPACE = "default";

  public EntityRef {
    kind = kind.toLowerCase(Locale.ROOT);
    namespace = namespace.toLowerCase(Locale.ROOT);
    name = name.toLowerCase(Locale.ROOT);
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

  @Override
  public String toString() {
    return kind + ":" + namespace + "/" + name;
  }

  @Override
  public int compareTo(EntityRef o) {
    return toString().compareTo(o.toString());
  }
}
