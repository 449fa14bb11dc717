package dev.whodecides.graph;

import dev.whodecides.graph.OwnershipGraph.Box;
import dev.whodecides.graph.OwnershipGraph.Edge;
import dev.whodecides.graph.OwnershipGraph.Node;
import dev.whodecides.graph.OwnershipGraph.Point;
import dev.whodecides.vocabulary.EntityRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.NodePlacementStrategy;
import org.eclipse.elk.alg.layered.options.OrderingStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/** Places the chosen boxes and routes the edges with ELK's layered (Sugiyama) algorithm. */
final class ElkLayout {

  /** Boxes up to which the layout keeps catalog order (see below). */
  static final int MODEL_ORDER_LIMIT = 500;

  private ElkLayout() {}

  static {
    // The jar's service file registers the algorithm too; registering it here keeps layout working
    // where service files are lost, e.g. in a shaded jar built without the services transformer.
    LayoutMetaDataService service = LayoutMetaDataService.getInstance();
    if (service.getAlgorithmData(LayeredOptions.ALGORITHM_ID) == null) {
      service.registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }
  }

  static OwnershipGraph layout(GraphModel.Selection selection, GraphOptions options) {
    ElkNode root = ElkGraphUtil.createGraph();
    root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
    root.setProperty(CoreOptions.DIRECTION,
        options.direction() == GraphOptions.Direction.DOWN ? Direction.DOWN : Direction.RIGHT);
    root.setProperty(CoreOptions.EDGE_ROUTING,
        options.routing() == GraphOptions.Routing.POLYLINE ? EdgeRouting.POLYLINE : EdgeRouting.ORTHOGONAL);
    root.setProperty(CoreOptions.PADDING, new ElkPadding(24));
    root.setProperty(LayeredOptions.SPACING_NODE_NODE, 18.0);
    root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 56.0);
    root.setProperty(LayeredOptions.SPACING_EDGE_NODE, 14.0);
    root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 18.0);
    root.setProperty(LayeredOptions.SPACING_EDGE_EDGE, 8.0);
    root.setProperty(LayeredOptions.SPACING_EDGE_EDGE_BETWEEN_LAYERS, 8.0);
    root.setProperty(LayeredOptions.SPACING_EDGE_LABEL, 3.0);
    root.setProperty(LayeredOptions.SPACING_COMPONENT_COMPONENT, 48.0);
    root.setProperty(LayeredOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
    root.setProperty(LayeredOptions.EDGE_LABELS_INLINE, true);
    root.setProperty(LayeredOptions.SEPARATE_CONNECTED_COMPONENTS, true);
    root.setProperty(LayeredOptions.ASPECT_RATIO, 1.6);
    // Keep the catalog's order where crossings allow it, so a team's people, Decisions and products
    // stay in one band. It costs: above a few hundred boxes it multiplies layout time, and a picture
    // that large is for scrolling, not reading, so it is left out there.
    root.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY,
        selection.drafts().size() <= MODEL_ORDER_LIMIT ? OrderingStrategy.NODES_AND_EDGES : OrderingStrategy.NONE);
    // Network simplex placement lines boxes up with what they connect to; the default
    // (Brandes-Koepf) spreads a team over the whole height of a large organization.
    root.setProperty(LayeredOptions.NODE_PLACEMENT_STRATEGY, NodePlacementStrategy.NETWORK_SIMPLEX);

    Map<EntityRef, ElkNode> elkNodes = new HashMap<>();
    for (GraphModel.Draft d : selection.drafts()) {
      ElkNode n = ElkGraphUtil.createNode(root);
      n.setIdentifier(d.ref().toString());
      double width = Text.nodeWidth(d.label(), d.detail(), Text.gapLine(d.gaps()));
      // a person's pill has rounder ends, so its text sits further in
      n.setDimensions(d.kind() == NodeKind.PERSON ? width + 8 : width, Text.nodeHeight(!d.gaps().isEmpty()));
      elkNodes.put(d.ref(), n);
    }
    List<ElkEdge> elkEdges = new ArrayList<>();
    for (GraphModel.Link l : selection.links()) {
      ElkEdge e = ElkGraphUtil.createSimpleEdge(elkNodes.get(l.from()), elkNodes.get(l.to()));
      if (!l.label().isEmpty()) {
        ElkLabel label = ElkGraphUtil.createLabel(l.label(), e);
        label.setDimensions(Text.edgeLabelWidth(l.label()), Text.edgeLabelHeight());
      }
      elkEdges.add(e);
    }

    new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

    List<Node> nodes = new ArrayList<>();
    for (GraphModel.Draft d : selection.drafts()) {
      ElkNode n = elkNodes.get(d.ref());
      nodes.add(new Node(d.ref(), d.kind(), d.label(), d.detail(), d.gaps(), d.inCatalog(), d.tooltip(),
          new Box(n.getX(), n.getY(), n.getWidth(), n.getHeight())));
    }
    List<Edge> edges = new ArrayList<>();
    for (int i = 0; i < selection.links().size(); i++) {
      GraphModel.Link l = selection.links().get(i);
      ElkEdge e = elkEdges.get(i);
      List<Point> points = new ArrayList<>();
      for (ElkEdgeSection s : e.getSections()) {
        points.add(new Point(s.getStartX(), s.getStartY()));
        for (ElkBendPoint b : s.getBendPoints()) {
          points.add(new Point(b.getX(), b.getY()));
        }
        points.add(new Point(s.getEndX(), s.getEndY()));
      }
      Box labelBox = e.getLabels().isEmpty() ? null : box(e.getLabels().get(0));
      edges.add(new Edge(l.from(), l.to(), l.kind(), l.kinds(), l.label(), l.tooltip(), l.gap(), points, labelBox));
    }
    return new OwnershipGraph(nodes, edges, root.getWidth(), root.getHeight(), selection.focus(), selection.omitted());
  }

  private static Box box(ElkLabel l) {
    return new Box(l.getX(), l.getY(), l.getWidth(), l.getHeight());
  }
}
