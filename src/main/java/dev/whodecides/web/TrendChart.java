package dev.whodecides.web;

import dev.whodecides.web.view.Model.TrendPoint;
import java.util.List;
import java.util.Locale;

/**
 * The overview's trend: one stacked bar per lint run (errors, warnings, info), as inline SVG so it
 * needs no script. A chart library would be more than this one picture needs.
 */
final class TrendChart {

  private static final int HEIGHT = 140;
  private static final int BAR = 14;
  private static final int GAP = 4;
  private static final int LEFT = 36;

  private TrendChart() {}

  static String svg(List<TrendPoint> points) {
    long max = 1;
    for (TrendPoint p : points) {
      max = Math.max(max, p.errors() + p.warnings() + p.infos());
    }
    int width = LEFT + points.size() * (BAR + GAP) + GAP;
    StringBuilder b = new StringBuilder(256 + points.size() * 300);
    b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Findings per lint run\" ")
        .append("viewBox=\"0 0 ").append(width).append(' ').append(HEIGHT + 20).append("\" width=\"").append(width)
        .append("\" height=\"").append(HEIGHT + 20).append("\">");
    b.append("<line x1=\"").append(LEFT - 4).append("\" y1=\"").append(HEIGHT).append("\" x2=\"").append(width)
        .append("\" y2=\"").append(HEIGHT).append("\" stroke=\"#999\"/>");
    b.append("<text x=\"").append(LEFT - 8).append("\" y=\"12\" font-size=\"11\" text-anchor=\"end\" fill=\"#888\">")
        .append(max).append("</text>");
    b.append("<text x=\"").append(LEFT - 8).append("\" y=\"").append(HEIGHT).append("\" font-size=\"11\" text-anchor=\"end\" fill=\"#888\">0</text>");
    int x = LEFT;
    for (TrendPoint p : points) {
      double y = HEIGHT;
      y = bar(b, x, y, p.infos(), max, "#9e9ea6");
      y = bar(b, x, y, p.warnings(), max, "#d08a00");
      bar(b, x, y, p.errors(), max, "#c5221f");
      b.append("<rect x=\"").append(x).append("\" y=\"0\" width=\"").append(BAR).append("\" height=\"").append(HEIGHT)
          .append("\" fill=\"transparent\"><title>").append(escape(p.when())).append(": ").append(p.errors())
          .append(" errors, ").append(p.warnings()).append(" warnings, ").append(p.infos()).append(" info</title></rect>");
      x += BAR + GAP;
    }
    return b.append("</svg>").toString();
  }

  private static double bar(StringBuilder b, int x, double bottom, long n, long max, String colour) {
    if (n <= 0) {
      return bottom;
    }
    double h = (HEIGHT - 16) * (double) n / max;
    double top = bottom - h;
    b.append("<rect x=\"").append(x).append("\" y=\"").append(String.format(Locale.ROOT, "%.1f", top))
        .append("\" width=\"").append(BAR).append("\" height=\"").append(String.format(Locale.ROOT, "%.1f", h))
        .append("\" fill=\"").append(colour).append("\"/>");
    return top;
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
