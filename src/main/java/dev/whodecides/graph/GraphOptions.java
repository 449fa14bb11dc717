package dev.whodecides.graph;

import dev.whodecides.vocabulary.EntityRef;

/**
 * What to draw and how: an optional entity to focus on (it, what lies under it and their direct
 * neighbours), an optional cap on boxes, the layout direction and edge routing, and whether
 * Decision documents get boxes of their own.
 *
 * @param focus the entity at the centre, or null for the whole organization
 * @param maxNodes at most this many boxes, nearest to the focus first; 0 or less for no cap
 */
public record GraphOptions(EntityRef focus, int maxNodes, Direction direction, Routing routing, boolean decisionNodes) {

  /** Which way the layers run: owners on the left or on top. */
  public enum Direction { RIGHT, DOWN }

  /** Edges drawn with right angles or as straight segments. */
  public enum Routing { ORTHOGONAL, POLYLINE }

  public GraphOptions {
    if (direction == null || routing == null) {
      throw new IllegalArgumentException("direction and routing are required");
    }
  }

  /** The whole organization, left to right, orthogonal edges, Decisions drawn. */
  public static GraphOptions defaults() {
    return new GraphOptions(null, 0, Direction.RIGHT, Routing.ORTHOGONAL, true);
  }

  public GraphOptions withFocus(EntityRef focus) {
    return new GraphOptions(focus, maxNodes, direction, routing, decisionNodes);
  }

  public GraphOptions withMaxNodes(int maxNodes) {
    return new GraphOptions(focus, maxNodes, direction, routing, decisionNodes);
  }

  public GraphOptions withDirection(Direction direction) {
    return new GraphOptions(focus, maxNodes, direction, routing, decisionNodes);
  }

  public GraphOptions withRouting(Routing routing) {
    return new GraphOptions(focus, maxNodes, direction, routing, decisionNodes);
  }

  public GraphOptions withDecisionNodes(boolean decisionNodes) {
    return new GraphOptions(focus, maxNodes, direction, routing, decisionNodes);
  }
}
