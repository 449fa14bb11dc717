package dev.whodecides.catalog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises template skeletons among a repository's YAML files: Backstage scaffolder
 * ({@code ${{ values.name }}}), Jinja ({@code {% if %}}) and cookiecutter or Jinja expressions
 * ({@code {{ cookiecutter.name }}}). Such a file becomes a catalog file only once rendered.
 */
final class Templates {

  private Templates() {}

  /**
   * The first template marker of a file. {@code strong} markers ({@code ${{ }}}, {@code {% %}})
   * make any document of the file a skeleton; a bare {@code {{ }}} could be text in a description,
   * so it counts only when the file does not read as a valid catalog file.
   */
  record Marker(String text, int line, int column, boolean strong) {}

  private static final Pattern STRONG = Pattern.compile("\\$\\{\\{.*?}}|\\{%.*?%}");
  private static final Pattern WEAK = Pattern.compile("\\{\\{.*?}}");
  private static final Pattern CATALOG_VERSION = Pattern.compile(
      "(?m)^\\s*[\"']?apiVersion[\"']?\\s*:\\s*[\"']?(backstage\\.io/|whodecides\\.dev/)|(?m)^\\s*kind\\s*:\\s*[\"']?DataContract\\b");

  static Marker find(String text) {
    Marker strong = first(STRONG, text, true);
    return strong != null ? strong : first(WEAK, text, false);
  }

  private static Marker first(Pattern p, String text, boolean strong) {
    Matcher m = p.matcher(text);
    if (!m.find()) {
      return null;
    }
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < m.start(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    String shown = m.group().length() > 40 ? m.group().substring(0, 37) + "..." : m.group();
    return new Marker("`" + shown + "`", line, m.start() - lineStart + 1, strong);
  }

  /** Whether a file names an apiVersion whodecides reads (or is an ODCS contract), so its YAML errors are errors. */
  static boolean namesCatalogVersion(String text) {
    return CATALOG_VERSION.matcher(text).find();
  }
}
