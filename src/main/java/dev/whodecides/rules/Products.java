package dev.whodecides.rules;

import java.util.List;

/** How rule messages list products and name things. */
final class Products {

  private Products() {}

  /** Lists refs for a message: all of them up to {@code max}, then how many more. */
  static String list(List<String> items, int max) {
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
