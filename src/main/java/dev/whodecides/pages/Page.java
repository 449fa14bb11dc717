package dev.whodecides.pages;

import java.util.List;

/**
 * One page of the site. {@code path} has no extension and uses {@code /} (e.g.
 * {@code roles/product-owner}); each writer adds its own.
 */
public record Page(String path, String title, String description, List<Block> blocks) {

  /** How many directories down from the site root this page lies. */
  int depth() {
    return (int) path.chars().filter(c -> c == '/').count();
  }

  /** The relative link from this page to {@code target}, with the given extension. */
  String linkTo(String target, String extension) {
    return "../".repeat(depth()) + target + extension;
  }
}
