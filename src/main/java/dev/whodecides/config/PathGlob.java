package dev.whodecides.config;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * A file pattern of {@code exclude:}, relative to the configuration's directory: {@code *} and
 * {@code ?} stay within one directory, {@code **} crosses any number of them ({@code **}{@code /}
 * none too).
 */
public record PathGlob(String text, Path base, Pattern pattern) {

  /**
   * Reads a glob written relative to {@code base}.
   *
   * @throws IllegalArgumentException with what is wrong and how to write it instead
   */
  public static PathGlob parse(String text, Path base) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("an exclude pattern cannot be empty; write a path such as templates/**");
    }
    String t = text.strip();
    if (t.startsWith("/") || t.matches("[A-Za-z]:.*")) {
      throw new IllegalArgumentException("'" + text + "' is absolute; exclude patterns are relative to the"
          + " configuration's directory, e.g. templates/**");
    }
    if (("/" + t + "/").contains("/../")) {
      throw new IllegalArgumentException("'" + text + "' climbs out with '..'; exclude patterns only reach files under"
          + " the configuration's directory, so move the configuration up or drop the pattern");
    }
    for (char c : new char[] {'[', ']', '{', '}', '\\', '!'}) {
      if (t.indexOf(c) >= 0) {
        throw new IllegalArgumentException("'" + text + "' uses '" + c + "', which exclude patterns do not support;"
            + " use * (within a directory), ** (any directories) and ?");
      }
    }
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (t.startsWith("**/", i)) {
        regex.append("(?:.*/)?");
        i += 2;
      } else if (t.startsWith("**", i)) {
        regex.append(".*");
        i += 1;
      } else if (c == '*') {
        regex.append("[^/]*");
      } else if (c == '?') {
        regex.append("[^/]");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return new PathGlob(t, base.toAbsolutePath().normalize(), Pattern.compile(regex.toString()));
  }

  /** True when the file lies under the configuration's directory and its relative path matches. */
  public boolean matches(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    if (!abs.startsWith(base)) {
      return false;
    }
    String rel = base.relativize(abs).toString().replace('\\', '/');
    return pattern.matcher(rel).matches();
  }
}
