package dev.whodecides.rules;

import dev.whodecides.catalog.Entity;
import java.util.Locale;
import java.util.Set;

/** What counts as a live product: a Component whose lifecycle is production or experimental. */
public final class Products {

  private static final Set<String> LIVE = Set.of("production", "experimental");

  private Products() {}

  public static boolean isLive(Entity component) {
    String lifecycle = component.text("lifecycle");
    return lifecycle != null && LIVE.contains(lifecycle.toLowerCase(Locale.ROOT));
  }

  /** Lists refs for a message: all of them up to {@code max}, then how many more. */
  static String list(java.util.List<String> items, int max) {
    if (items.size() <= max) {
      return String.join(", ", items);
    }
    return String.join(", ", items.subList(0, max)) + " and " + (items.size() - max) + " more";
  }

  /** "a model", "an api": the indefinite article a word takes in a message. */
  static String withArticle(String word) {
    return ("aeiou".indexOf(Character.toLowerCase(word.isEmpty() ? 'x' : word.charAt(0))) >= 0 ? "an " : "a ") + word;
  }
}
