package dev.whodecides.rules;

import dev.whodecides.vocabulary.EntityRef;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

/**
 * A pattern over canonical entity references ({@code kind:namespace/name}) where {@code *} matches
 * any characters, {@code /} included. Written the way references are: case does not matter and a
 * pattern without a namespace means the default one, unless its name starts with {@code *}, which
 * already reaches into every namespace ({@code group:*} is every group).
 */
public record EntityGlob(String text, String canonical, Pattern pattern) {

  private static final Pattern ALLOWED = Pattern.compile("[a-z0-9_.*:/-]+");

  /**
   * Parses a reference or a glob.
   *
   * @throws IllegalArgumentException with what is wrong and how to write it instead
   */
  public static EntityGlob parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("an entity pattern cannot be empty; write kind:namespace/name, e.g. group:*");
    }
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (!ALLOWED.matcher(t).matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a reference or glob: use letters, digits, '-', '_', '.',"
          + " and '*' for any characters, as kind:namespace/name");
    }
    if (t.chars().filter(c -> c == ':').count() > 1 || t.chars().filter(c -> c == '/').count() > 1) {
      throw new IllegalArgumentException("'" + text + "' has more than one ':' or '/'; write kind:namespace/name");
    }
    String canonical;
    int colon = t.indexOf(':');
    if (colon < 0) {
      if (!t.startsWith("*")) {
        throw new IllegalArgumentException("'" + text + "' needs a kind, e.g. component:" + t);
      }
      canonical = t;
    } else {
      String kind = t.substring(0, colon);
      String rest = t.substring(colon + 1);
      if (kind.isEmpty() || rest.isEmpty() || rest.startsWith("/") || rest.endsWith("/")) {
        throw new IllegalArgumentException("'" + text + "' is not of the form kind:namespace/name");
      }
      canonical = kind + ":" + (rest.contains("/") || rest.startsWith("*") ? rest : EntityRef.DEFAULT_NAMESPACE + "/" + rest);
    }
    String regex = Arrays.stream(canonical.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
    return new EntityGlob(text.strip(), canonical, Pattern.compile(regex));
  }

  /** True when the reference (any case, canonical or not) falls under the pattern. */
  public boolean matches(String ref) {
    return ref != null && pattern.matcher(ref.toLowerCase(Locale.ROOT)).matches();
  }

  public boolean matches(EntityRef ref) {
    return ref != null && pattern.matcher(ref.toString()).matches();
  }

  @Override
  public String toString() {
    return text;
  }
}
