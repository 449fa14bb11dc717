package dev.whodecides.graph;

import dev.whodecides.graph.OwnershipGraph.Box;
import dev.whodecides.graph.OwnershipGraph.Edge;
import dev.whodecides.graph.OwnershipGraph.Node;
import dev.whodecides.graph.OwnershipGraph.Point;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Writes an {@link OwnershipGraph} as one self-contained SVG document: its own styles, a legend,
 * a viewBox so it scales, every box a link to its entity's page. All catalog text is escaped, so
 * the SVG can be served as a file or put inline in an HTML page.
 */
public final class GraphSvg {

  private static final String FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
  private static final double LEGEND_ROW = 24;

  /** Edge classes with their arrowhead colour; each gets a marker {@code wd-arrow-<class>}. */
  private static final String[][] ARROWS = {
      {"parent", "#94a3b8"}, {"contains", "#94a3b8"}, {"holds", "#64748b"}, {"scope", "#64748b"},
      {"member", "#ca8a04"}, {"owns", "#0f766e"}, {"decides", "#2563eb"}, {"gap", "#dc2626"}};

  private static final String STYLE = """
      .wd-graph{font-family:%s}
      .wd-graph .node rect{stroke-width:1.3}
      .wd-graph .node .label{font-size:12px;font-weight:600;fill:#0f172a}
      .wd-graph .node .detail{font-size:10px;fill:#475569}
      .wd-graph .node .gap-text{font-size:10px;font-weight:600;fill:#b91c1c}
      .wd-graph .domain rect{fill:#f3e8ff;stroke:#7e22ce}
      .wd-graph .group rect{fill:#e0f2fe;stroke:#0369a1}
      .wd-graph .person rect{fill:#fef9c3;stroke:#a16207}
      .wd-graph .product rect{fill:#f0fdf4;stroke:#15803d}
      .wd-graph .product.system rect{fill:#dcfce7;stroke:#166534;stroke-width:2}
      .wd-graph .decision rect{fill:#f8fafc;stroke:#64748b}
      .wd-graph .node.gap rect{fill:#fee2e2;stroke:#dc2626;stroke-width:2.4}
      .wd-graph .node.missing rect{fill:#fff;stroke-dasharray:5 3}
      .wd-graph .node.focus rect{stroke-width:3.5}
      .wd-graph a:hover rect{stroke-width:3}
      .wd-graph .edge path{fill:none;stroke:#94a3b8;stroke-width:1.2}
      .wd-graph .edge.member path{stroke:#ca8a04;stroke-dasharray:4 3}
      .wd-graph .edge.owns path{stroke:#0f766e}
      .wd-graph .edge.holds path,.wd-graph .edge.scope path{stroke:#64748b;stroke-dasharray:2 2}
      .wd-graph .edge.decides path{stroke:#2563eb;stroke-width:1.8}
      .wd-graph .edge.gap path{stroke:#dc2626;stroke-width:1.8;stroke-dasharray:5 3}
      .wd-graph .edge:hover path{stroke-width:3}
      .wd-graph .edge-label rect{fill:#fff;fill-opacity:.88}
      .wd-graph .edge-label text{font-size:9.5px;fill:#334155}
      .wd-graph .edge-label.decides text{fill:#1d4ed8}
      .wd-graph .edge-label.gap text{fill:#b91c1c;font-weight:600}
      .wd-graph .legend text{font-size:11px;fill:#334155}
      .wd-graph .legend .heading{font-weight:600}
      .wd-graph .note{font-size:11px;fill:#b45309}
      """.formatted(FONT);

  private GraphSvg() {}

  /**
   * The SVG text.
   *
   * @param linkBase what each box links to, followed by its reference: {@code "/entities/"} makes
   *     {@code /entities/component:default/churn-model}; null for no links
   */
  public static String render(OwnershipGraph graph, String linkBase) {
    Legend legend = new Legend(graph);
    double width = Math.ceil(Math.max(graph.width(), legend.width()));
    double height = Math.ceil(graph.height() + legend.height());
    StringBuilder b = new StringBuilder(8192 + graph.nodes().size() * 900);
    b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"wd-graph\" viewBox=\"0 0 ").append(num(width))
        .append(' ').append(num(height)).append("\" width=\"").append(num(width)).append("\" height=\"")
        .append(num(height)).append("\" role=\"img\">\n");
    b.append("<title>").append(esc(title(graph))).append("</title>\n");
    b.append("<style>\n").append(STYLE).append("</style>\n");
    b.append("<defs>\n");
    for (String[] a : ARROWS) {
      b.append("<marker id=\"wd-arrow-").append(a[0]).append("\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\"")
          .append(" markerWidth=\"7\" markerHeight=\"7\" markerUnits=\"userSpaceOnUse\" orient=\"auto\">")
          .append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"").append(a[1]).append("\"/></marker>\n");
    }
    b.append("</defs>\n");
    b.append("<rect class=\"background\" x=\"0\" y=\"0\" width=\"").append(num(width)).append("\" height=\"")
        .append(num(height)).append("\" fill=\"#ffffff\"/>\n");

    b.append("<g class=\"edges\">\n");
    for (Edge e : graph.edges()) {
      String cls = edgeClass(e);
      b.append("<g class=\"edge ").append(cls).append("\"><title>").append(esc(e.tooltip())).append("</title>")
          .append("<path d=\"").append(path(e.points())).append("\" marker-end=\"url(#wd-arrow-").append(cls)
          .append(")\"/></g>\n");
    }
    b.append("</g>\n<g class=\"edge-labels\">\n");
    for (Edge e : graph.edges()) {
      Box l = e.labelBox();
      if (l == null || e.label().isEmpty()) {
        continue;
      }
      b.append("<g class=\"edge-label ").append(edgeClass(e)).append("\"><rect x=\"").append(num(l.x()))
          .append("\" y=\"").append(num(l.y())).append("\" width=\"").append(num(l.width())).append("\" height=\"")
          .append(num(l.height())).append("\" rx=\"2\"/><text x=\"").append(num(l.x() + l.width() / 2))
          .append("\" y=\"").append(num(l.y() + l.height() - 4)).append("\" text-anchor=\"middle\">")
          .append(esc(e.label())).append("</text></g>\n");
    }
    b.append("</g>\n<g class=\"nodes\">\n");
    for (Node n : graph.nodes()) {
      node(b, n, linkBase, n.ref().equals(graph.focus()));
    }
    b.append("</g>\n");
    legend.write(b, graph.height());
    b.append("</svg>\n");
    return b.toString();
  }

  private static void node(StringBuilder b, Node n, String linkBase, boolean focus) {
    Box box = n.box();
    boolean link = linkBase != null && n.inCatalog();
    if (link) {
      b.append("<a href=\"").append(esc(linkBase + urlPath(n.ref().toString()))).append("\">");
    }
    b.append("<g class=\"node ").append(n.kind().cssClass()).append(n.gap() ? " gap" : "")
        .append(n.inCatalog() ? "" : " missing").append(focus ? " focus" : "")
        .append("\" data-ref=\"").append(esc(n.ref().toString())).append("\"><title>").append(esc(n.tooltip())).append("</title>");
    double rx = switch (n.kind()) {
      case PERSON -> box.height() / 2;
      case DOMAIN -> 14;
      case DECISION -> 2;
      default -> 6;
    };
    b.append("<rect x=\"").append(num(box.x())).append("\" y=\"").append(num(box.y())).append("\" width=\"")
        .append(num(box.width())).append("\" height=\"").append(num(box.height())).append("\" rx=\"")
        .append(num(Math.min(rx, box.height() / 2))).append("\"/>");
    double x = box.x() + (n.kind() == NodeKind.PERSON ? Math.min(Text.PAD_X + 4, box.width() / 2) : Text.PAD_X);
    double y = box.y() + Text.PAD_Y + Text.TITLE_LINE - 3.5;
    b.append("<text class=\"label\" x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\">")
        .append(esc(n.label())).append("</text>");
    y += Text.DETAIL_LINE;
    b.append("<text class=\"detail\" x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\">")
        .append(esc(n.detail())).append("</text>");
    if (n.gap()) {
      y += Text.DETAIL_LINE;
      b.append("<text class=\"gap-text\" x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\">")
          .append(esc(Text.gapLine(n.gaps()))).append("</text>");
    }
    b.append("</g>");
    if (link) {
      b.append("</a>");
    }
    b.append('\n');
  }

  private static String edgeClass(Edge e) {
    return e.gap() ? "gap" : e.kind().cssClass();
  }

  private static String title(OwnershipGraph g) {
    return "Who owns and decides what: " + g.nodes().size() + " entities"
        + (g.focus() == null ? "" : " around " + g.focus())
        + (g.omitted() > 0 ? ", " + g.omitted() + " more not shown" : "");
  }

  private static String path(List<Point> points) {
    StringBuilder p = new StringBuilder();
    for (int i = 0; i < points.size(); i++) {
      p.append(i == 0 ? "M" : " L").append(num(points.get(i).x())).append(',').append(num(points.get(i).y()));
    }
    return p.toString();
  }

  /** The legend under the drawing: box kinds, arrow kinds, and what was left out. */
  private static final class Legend {

    private static final String[][] BOXES = {
        {"domain", "Domain"}, {"group", "Group"}, {"person", "Person"}, {"product system", "System"},
        {"product", "Product"}, {"decision", "Decision"}, {"product gap", "Decision gap"},
        {"person missing", "Not in catalog"}};
    private static final String[][] EDGES = {
        {"member", "member of"}, {"owns", "owns"}, {"contains", "contains / group above group"},
        {"scope", "holds a Decision / Decision covers"}, {"decides", "decides (inherited: drawn once)"},
        {"gap", "Decision naming nobody"}};
    private static final double SWATCH = 24;
    private static final double GAP = 16;
    private static final double PAD = 24;

    private final String note;

    Legend(OwnershipGraph graph) {
      String focus = graph.focus() == null ? ""
          : "Centred on " + graph.focus() + ": what lies under it and its direct neighbours. ";
      String omitted = graph.omitted() == 0 ? ""
          : graph.omitted() + (graph.omitted() == 1 ? " more entity is" : " more entities are")
              + " not shown; centre the graph on a group, domain or system to see them.";
      this.note = (focus + omitted).strip();
    }

    double width() {
      return PAD * 2 + Math.max(rowWidth(BOXES, true), Math.max(rowWidth(EDGES, false), Text.width(note, 11, false)));
    }

    double height() {
      return LEGEND_ROW * (note.isEmpty() ? 2 : 3) + 16;
    }

    private static double rowWidth(String[][] items, boolean boxes) {
      double w = Text.width(boxes ? "Boxes" : "Arrows", 11, true) + GAP;
      for (String[] item : items) {
        w += (boxes ? SWATCH : SWATCH + 8) + 6 + Text.width(item[1], 11, false) + GAP;
      }
      return w;
    }

    void write(StringBuilder b, double top) {
      double y = top + 4;
      b.append("<g class=\"legend\">\n");
      row(b, BOXES, true, y);
      row(b, EDGES, false, y + LEGEND_ROW);
      if (!note.isEmpty()) {
        b.append("<text class=\"note\" x=\"").append(num(PAD)).append("\" y=\"").append(num(y + 2 * LEGEND_ROW + 12))
            .append("\">").append(esc(note)).append("</text>\n");
      }
      b.append("</g>\n");
    }

    private static void row(StringBuilder b, String[][] items, boolean boxes, double y) {
      double x = PAD;
      String heading = boxes ? "Boxes" : "Arrows";
      b.append("<text class=\"heading\" x=\"").append(num(x)).append("\" y=\"").append(num(y + 12)).append("\">")
          .append(heading).append("</text>");
      x += Text.width(heading, 11, true) + GAP;
      for (String[] item : items) {
        if (boxes) {
          b.append("<g class=\"node ").append(item[0]).append("\"><rect x=\"").append(num(x)).append("\" y=\"")
              .append(num(y)).append("\" width=\"").append(num(SWATCH)).append("\" height=\"16\" rx=\"")
              .append(item[0].startsWith("person") ? "8" : item[0].equals("domain") ? "6" : "3").append("\"/></g>");
          x += SWATCH + 6;
        } else {
          b.append("<g class=\"edge ").append(item[0]).append("\"><path d=\"M").append(num(x)).append(',')
              .append(num(y + 8)).append(" L").append(num(x + SWATCH + 4)).append(',').append(num(y + 8))
              .append("\" marker-end=\"url(#wd-arrow-").append(item[0]).append(")\"/></g>");
          x += SWATCH + 8 + 6;
        }
        b.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y + 12)).append("\">").append(esc(item[1]))
            .append("</text>");
        x += Text.width(item[1], 11, false) + GAP;
      }
      b.append('\n');
    }
  }

  /** Text safe inside XML content and attribute values; characters XML forbids are dropped. */
  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            out.append(c).append(s.charAt(++i));
          } else if (c == '\t' || c == '\n' || c == '\r'
              || c >= 0x20 && c < 0xD800 || c >= 0xE000 && c <= 0xFFFD) {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** A reference as a URL path: letters, digits and {@code -._~:/@} stay, the rest is percent-encoded. */
  static String urlPath(String ref) {
    StringBuilder out = new StringBuilder();
    for (byte by : ref.getBytes(StandardCharsets.UTF_8)) {
      int c = by & 0xff;
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~:/@".indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(String.format(Locale.ROOT, "%02X", c));
      }
    }
    return out.toString();
  }

  private static String num(double d) {
    if (!Double.isFinite(d)) {
      throw new IllegalStateException("layout produced a coordinate that is not a number: " + d);
    }
    long r = Math.round(d * 10);
    return r % 10 == 0 ? Long.toString(r / 10) : String.format(Locale.ROOT, "%.1f", r / 10.0);
  }
}
