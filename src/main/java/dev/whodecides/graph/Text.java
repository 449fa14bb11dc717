package dev.whodecides.graph;

import java.util.List;

/**
 * Text sizes estimated from the characters alone, so layout needs no fonts and runs headless. The
 * estimates lean wide for common sans-serif fonts, so text stays inside its box.
 */
final class Text {

  static final double TITLE_SIZE = 12;
  static final double DETAIL_SIZE = 10;
  static final double EDGE_SIZE = 9.5;
  static final double PAD_X = 10;
  static final double PAD_Y = 7;
  static final double TITLE_LINE = 16;
  static final double DETAIL_LINE = 13;
  static final int MAX_CHARS = 34;

  private Text() {}

  /** Width in pixels of {@code s} at {@code size}, bold text about 10 % wider. */
  static double width(String s, double size, boolean bold) {
    double em = 0;
    for (int i = 0; i < s.length(); i++) {
      em += advance(s.charAt(i));
    }
    return em * size * (bold ? 1.1 : 1.0);
  }

  private static double advance(char c) {
    if ("iljI.,:;'|!()[]{}".indexOf(c) >= 0) {
      return 0.32;
    }
    if ("ftr -/".indexOf(c) >= 0) {
      return 0.42;
    }
    if (c == 'm' || c == 'w' || c == 'M' || c == 'W' || c == '@' || c == '%') {
      return 0.9;
    }
    if (Character.isUpperCase(c)) {
      return 0.74;
    }
    if (c > 0x2e80) {
      return 1.0; // CJK and other wide scripts
    }
    return 0.63;
  }

  /** At most {@code max} characters, ending in an ellipsis when cut. */
  static String shorten(String s, int max) {
    if (s == null) {
      return "";
    }
    String t = s.strip().replaceAll("\\s+", " ");
    return t.length() <= max ? t : t.substring(0, max - 1).stripTrailing() + "\u2026";
  }

  static double nodeWidth(String label, String detail, String gapLine) {
    double w = Math.max(width(label, TITLE_SIZE, true), width(detail, DETAIL_SIZE, false));
    if (gapLine != null) {
      w = Math.max(w, width(gapLine, DETAIL_SIZE, true));
    }
    return Math.ceil(Math.max(w + 2 * PAD_X, 96));
  }

  static double nodeHeight(boolean gapLine) {
    return 2 * PAD_Y + TITLE_LINE + DETAIL_LINE + (gapLine ? DETAIL_LINE : 0);
  }

  static double edgeLabelWidth(String label) {
    return Math.ceil(width(label, EDGE_SIZE, false) + 6);
  }

  static double edgeLabelHeight() {
    return EDGE_SIZE + 5;
  }

  /**
   * Text as XML 1.0 may hold it: characters XML forbids (most control characters, lone surrogates)
   * are dropped, so the SVG stays well-formed whatever the catalog says. Escaping is the template's.
   */
  static String xml(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
      boolean allowed = pair || c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0xD800)
          || (c >= 0xE000 && c <= 0xFFFD);
      if (!allowed && out == null) {
        out = new StringBuilder(s.length()).append(s, 0, i);
      }
      if (out != null && allowed) {
        out.append(c);
        if (pair) {
          out.append(s.charAt(i + 1));
        }
      }
      if (pair) {
        i++;
      }
    }
    return out == null ? s : out.toString();
  }

  /** The red third line of a box with gaps, or null. */
  static String gapLine(List<String> gaps) {
    return gaps.isEmpty() ? null : "no owner: " + String.join(", ", gaps);
  }
}
