package dev.whodecides.graph;

import dev.whodecides.graph.OwnershipGraph.Box;
import dev.whodecides.graph.OwnershipGraph.Edge;
import dev.whodecides.graph.OwnershipGraph.Node;
import dev.whodecides.graph.OwnershipGraph.Point;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws an {@link OwnershipGraph} as one self-contained SVG document: its own styles, a legend, a
 * viewBox so it scales, every box a link to its entity's page. Only the geometry and the words are
 * worked out here, as a {@link Picture}; the template {@code ownership-graph.jte} writes the markup
 * and escapes every text like every page of the service, so the SVG can be served as a file or put
 * inline in an HTML page.
 */
public final class GraphSvg {

  static final String TEMPLATE = "ownership-graph.jte";

  private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);

  private static final double LEGEND_ROW = 24;

  /** Edge classes with their arrowhead colour; each gets a marker {@code wd-arrow-<class>}. */
  private static final List<Arrow> ARROWS = List.of(
      new Arrow("parent", "#94a3b8"), new Arrow("contains", "#94a3b8"), new Arrow("holds", "#64748b"),
      new Arrow("scope", "#64748b"), new Arrow("member", "#ca8a04"), new Arrow("owns", "#0f766e"),
      new Arrow("decides", "#2563eb"), new Arrow("gap", "#dc2626"));

  private GraphSvg() {}

  /** What the template draws: sizes and coordinates already written as SVG numbers, texts as plain text. */
  public record Picture(String width, String height, String title, List<Arrow> arrows, List<Line> edges,
      List<Label> labels, List<Shape> nodes, Legend legend) {}

  /** An arrowhead marker {@code wd-arrow-<name>} in one colour. */
  public record Arrow(String name, String colour) {}

  /** One arrow: its style class, its hover text and its path. */
  public record Line(String cls, String tooltip, String d) {}

  /** The words on an arrow, on a white patch. */
  public record Label(String cls, String x, String y, String width, String height, String textX, String textY,
      String text) {}

  /**
   * One box.
   *
   * @param href where the box links to, or null for none
   * @param gapY the baseline of the red third line, or null when nothing is missing
   */
  public record Shape(String href, String cls, String ref, String tooltip, String x, String y, String width,
      String height, String rx, String textX, String labelY, String label, String detailY, String detail,
      String gapY, String gap) {}

  /** The legend under the drawing: a row of box kinds, a row of arrow kinds, and an optional note. */
  public record Legend(List<LegendRow> rows, String noteX, String noteY, String note) {}

  /** One legend row: its heading and its samples. */
  public record LegendRow(String x, String y, String heading, List<Sample> samples) {}

  /**
   * A sample box or arrow with its caption.
   *
   * @param box true for a box ({@code x}, {@code y}, {@code width}, {@code rx}), false for an arrow ({@code d})
   */
  public record Sample(String cls, boolean box, String x, String y, String width, String rx, String d, String textX,
      String text) {}

  /**
   * The SVG text.
   *
   * @param linkBase what each box links to, followed by its reference: {@code "/entities/"} makes
   *     {@code /entities/component:default/churn-model}; null for no links
   */
  public static String render(OwnershipGraph graph, String linkBase) {
    StringOutput out = new StringOutput(8192 + graph.nodes().size() * 900);
    TEMPLATES.render(TEMPLATE, picture(graph, linkBase), out);
    return out.toString();
  }

  /** The picture the template draws; see {@link #render}. */
  public static Picture picture(OwnershipGraph graph, String linkBase) {
    LegendLayout legend = new LegendLayout(graph);
    double width = Math.ceil(Math.max(graph.width(), legend.width()));
    double height = Math.ceil(graph.height() + legend.height());
    List<Line> edges = new ArrayList<>();
    List<Label> labels = new ArrayList<>();
    for (Edge e : graph.edges()) {
      String cls = edgeClass(e);
      edges.add(new Line(cls, Text.xml(e.tooltip()), path(e.points())));
      Box l = e.labelBox();
      if (l != null && !e.label().isEmpty()) {
        labels.add(new Label(cls, num(l.x()), num(l.y()), num(l.width()), num(l.height()),
            num(l.x() + l.width() / 2), num(l.y() + l.height() - 4), Text.xml(e.label())));
      }
    }
    List<Shape> nodes = new ArrayList<>();
    for (Node n : graph.nodes()) {
      nodes.add(shape(n, linkBase, n.ref().equals(graph.focus())));
    }
    return new Picture(num(width), num(height), Text.xml(title(graph)), ARROWS, edges, labels, nodes,
        legend.legend(graph.height()));
  }

  private static Shape shape(Node n, String linkBase, boolean focus) {
    Box box = n.box();
    String href = linkBase != null && n.inCatalog() ? Text.xml(linkBase + urlPath(n.ref().toString())) : null;
    String cls = "node " + n.kind().cssClass() + (n.gap() ? " gap" : "") + (n.inCatalog() ? "" : " missing")
        + (focus ? " focus" : "");
    double rx = switch (n.kind()) {
      case PERSON -> box.height() / 2;
      case DOMAIN -> 14;
      case DECISION -> 2;
      default -> 6;
    };
    double x = box.x() + (n.kind() == NodeKind.PERSON ? Math.min(Text.PAD_X + 4, box.width() / 2) : Text.PAD_X);
    double labelY = box.y() + Text.PAD_Y + Text.TITLE_LINE - 3.5;
    double detailY = labelY + Text.DETAIL_LINE;
    return new Shape(href, cls, Text.xml(n.ref().toString()), Text.xml(n.tooltip()), num(box.x()), num(box.y()),
        num(box.width()), num(box.height()), num(Math.min(rx, box.height() / 2)), num(x), num(labelY),
        Text.xml(n.label()), num(detailY), Text.xml(n.detail()), n.gap() ? num(detailY + Text.DETAIL_LINE) : null,
        n.gap() ? Text.xml(Text.gapLine(n.gaps())) : null);
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

  /** Where the legend's rows, samples and note go, under the drawing. */
  private static final class LegendLayout {

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

    LegendLayout(OwnershipGraph graph) {
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

    Legend legend(double top) {
      double y = top + 4;
      List<LegendRow> rows = List.of(row(BOXES, true, y), row(EDGES, false, y + LEGEND_ROW));
      return new Legend(rows, num(PAD), num(y + 2 * LEGEND_ROW + 12), note.isEmpty() ? null : Text.xml(note));
    }

    private static LegendRow row(String[][] items, boolean boxes, double y) {
      double x = PAD;
      String heading = boxes ? "Boxes" : "Arrows";
      String headingX = num(x);
      x += Text.width(heading, 11, true) + GAP;
      List<Sample> samples = new ArrayList<>();
      for (String[] item : items) {
        double start = x;
        if (boxes) {
          x += SWATCH + 6;
          samples.add(new Sample(item[0], true, num(start), num(y), num(SWATCH),
              item[0].startsWith("person") ? "8" : item[0].equals("domain") ? "6" : "3", null, num(x), item[1]));
        } else {
          x += SWATCH + 8 + 6;
          samples.add(new Sample(item[0], false, null, null, null, null,
              "M" + num(start) + "," + num(y + 8) + " L" + num(start + SWATCH + 4) + "," + num(y + 8), num(x),
              item[1]));
        }
        x += Text.width(item[1], 11, false) + GAP;
      }
      return new LegendRow(headingX, num(y + 12), heading, samples);
    }
  }

  /** A reference as a URL path: letters, digits and {@code -._~:/@} stay, the rest is percent-encoded. */
  static String urlPath(String ref) {
    StringBuilder out = new StringBuilder();
    for (byte by : ref.getBytes(StandardCharsets.UTF_8)) {
      int c = by & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~:/@".indexOf(c) >= 0) {
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
