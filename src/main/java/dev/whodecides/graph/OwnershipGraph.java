package dev.whodecides.graph;

import dev.whodecides.decisions.Ownership;
import dev.whodecides.vocabulary.EntityRef;
import java.util.List;
import java.util.Optional;

/**
 * A laid-out picture of who owns and decides what: boxes for domains, groups, people, systems,
 * products and Decisions, joined by edges, with coordinates from ELK's layered layout. Render it
 * with {@link GraphSvg}.
 *
 * @param nodes the boxes, in catalog order
 * @param edges at most one edge per ordered pair of boxes; several relations share one label
 * @param width width of the drawing, every box and edge lies within it
 * @param height height of the drawing
 * @param focus the entity the drawing centres on, or null for the whole organization
 * @param omitted entities that belonged in the drawing but were left out by the cap on boxes
 */
public record OwnershipGraph(List<Node> nodes, List<Edge> edges, double width, double height, EntityRef focus,
    int omitted) {

  /** A rectangle in drawing coordinates, y growing downwards. */
  public record Box(double x, double y, double width, double height) {

    public boolean overlaps(Box o) {
      return x < o.x + o.width && o.x < x + width && y < o.y + o.height && o.y < y + height;
    }
  }

  public record Point(double x, double y) {}

  /**
   * One entity's box.
   *
   * @param label the name to show: display name, title or name
   * @param detail the smaller second line: kind, type, lifecycle or job title
   * @param gaps decision types nobody holds for it (for a Decision: its own type when it names nobody)
   * @param inCatalog false for an owner or group that is referenced but not defined
   * @param tooltip longer text for hovering: reference, description, who decides what
   */
  public record Node(EntityRef ref, NodeKind kind, String label, String detail, List<String> gaps, boolean inCatalog,
      String tooltip, Box box) {

    public boolean gap() {
      return !gaps.isEmpty();
    }
  }

  /**
   * One arrow from {@code from} to {@code to}, standing for every relation in {@code kinds}.
   *
   * @param kind the most important of {@code kinds}, which sets the style
   * @param label the words on the arrow, empty for none
   * @param gap true for an unowned Decision's arrow to its scope
   * @param points start, bend points and end
   * @param labelBox where the label sits, or null when there is none
   */
  public record Edge(EntityRef from, EntityRef to, EdgeKind kind, List<EdgeKind> kinds, String label, String tooltip,
      boolean gap, List<Point> points, Box labelBox) {}

  public OwnershipGraph {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
  }

  /** The whole organization with the default options. */
  public static OwnershipGraph of(Ownership ownership) {
    return of(ownership, GraphOptions.defaults());
  }

  /**
   * One entity and its neighbourhood, or the whole organization when {@code focus} is null, with at
   * most {@code maxNodes} boxes (0 for no cap).
   *
   * @throws IllegalArgumentException when the focus is not an entity the graph draws
   */
  public static OwnershipGraph of(Ownership ownership, EntityRef focus, int maxNodes) {
    return of(ownership, GraphOptions.defaults().withFocus(focus).withMaxNodes(maxNodes));
  }

  /**
   * Lays out the graph of an organization's ownership as the options ask.
   *
   * @throws IllegalArgumentException when the focus is not an entity the graph draws
   */
  public static OwnershipGraph of(Ownership ownership, GraphOptions options) {
    GraphModel model = GraphModel.build(ownership, options.decisionNodes());
    GraphModel.Selection selection = model.select(options.focus(), options.maxNodes());
    return ElkLayout.layout(selection, options);
  }

  public Optional<Node> node(EntityRef ref) {
    return nodes.stream().filter(n -> n.ref().equals(ref)).findFirst();
  }
}
