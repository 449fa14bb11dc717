package dev.whodecides.web;

import dev.whodecides.catalog.Entity;
import dev.whodecides.graph.NodeKind;
import dev.whodecides.vocabulary.EntityRef;
import dev.whodecides.vocabulary.Kind;
import dev.whodecides.web.view.Model.Chrome;
import dev.whodecides.web.view.Model.Graph;
import dev.whodecides.web.view.Model.Link;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The ownership graph of the whole organization or around one entity, with the choice of focus. */
final class GraphPage {

  /** Focus choices offered as a list; a bigger organization gets a text field for a reference instead. */
  static final int FOCUS_CHOICES = 300;

  private GraphPage() {}

  /** Empty when {@code focusText} names nothing the graph can centre on. */
  static Optional<Graph> build(Analysis a, Chrome chrome, String focusText) {
    EntityRef focus = null;
    if (!Display.blank(focusText)) {
      Optional<EntityRef> found = Display.resolve(a.catalog(), focusText, NodeKind.DRAWN).map(Entity::ref)
          .filter(r -> NodeKind.of(r.kind()) != null);
      if (found.isEmpty()) {
        return Optional.empty();
      }
      focus = found.get();
    }
    List<Link> focuses = new ArrayList<>();
    for (Kind kind : List.of(Kind.DOMAIN, Kind.GROUP, Kind.SYSTEM)) {
      for (Entity e : a.catalog().ofKind(kind)) {
        focuses.add(new Link(kind.id() + ": " + Display.title(e), e.ref().toString()));
      }
    }
    if (focuses.size() > FOCUS_CHOICES) {
      focuses = List.of();
    }
    Analysis.Drawn g = a.graph(focus);
    String message = g.omitted() == 0 ? null : focus == null
        ? "This organization is bigger than one readable picture: " + g.omitted() + " boxes are left out. Focus on a"
            + " domain, team or system to see its part whole."
        : g.omitted() + " boxes around " + focus + " are left out; focus on something smaller to see them.";
    return Optional.of(new Graph(chrome, g.picture(), focus == null ? "" : focus.toString(), focuses, g.nodes(),
        g.omitted(), message));
  }
}
