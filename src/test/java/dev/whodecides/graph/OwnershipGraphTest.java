package dev.whodecides.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.whodecides.catalog.Catalog;
import dev.whodecides.catalog.CatalogLoader;
import dev.whodecides.catalog.Entity;
import dev.whodecides.decisions.Ownership;
import dev.whodecides.generate.OrgGenerator;
import dev.whodecides.graph.OwnershipGraph.Box;
import dev.whodecides.graph.OwnershipGraph.Edge;
import dev.whodecides.graph.OwnershipGraph.Node;
import dev.whodecides.graph.OwnershipGraph.Point;
import dev.whodecides.vocabulary.EntityRef;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The graph of the bundled example and of a generated organization: what is drawn and where. */
class OwnershipGraphTest {

  static final List<String> DRAWN_KINDS =
      List.of("domain", "group", "user", "system", "component", "api", "resource", "decision");

  static Ownership example;
  static OwnershipGraph whole;

  @BeforeAll
  static void load() {
    Catalog catalog = CatalogLoader.load(Path.of("examples/retail-data-org"));
    example = Ownership.of(catalog);
    whole = OwnershipGraph.of(example);
  }

  static EntityRef ref(String s) {
    return EntityRef.parse(s, null);
  }

  @Test
  void everyTeamPersonProductAndDecisionOfTheExampleIsDrawn() {
    Set<EntityRef> expected = example.catalog().entities().stream().filter(e -> DRAWN_KINDS.contains(e.ref().kind()))
        .map(Entity::ref).collect(Collectors.toSet());
    Set<EntityRef> drawn = whole.nodes().stream().map(Node::ref).collect(Collectors.toSet());
    assertThat(drawn).containsAll(expected);
    assertThat(expected).hasSizeGreaterThan(60);
    assertThat(whole.nodes()).allMatch(Node::inCatalog);
    assertThat(whole.omitted()).isZero();
    assertThat(whole.node(ref("usecase:default/reduce-churn"))).isEmpty();
    assertThat(whole.node(ref("user:default/clara.nunes")).orElseThrow())
        .satisfies(n -> {
          assertThat(n.kind()).isEqualTo(NodeKind.PERSON);
          assertThat(n.label()).isEqualTo("Clara Nunes");
          assertThat(n.detail()).isEqualTo("Data Product Owner");
        });
  }

  @Test
  void theExampleLaysOutWithoutOverlapsInsideTheDrawing() {
    assertLaidOutCleanly(whole);
  }

  @Test
  void otherDirectionsAndRoutingsLayOutCleanlyToo() {
    OwnershipGraph down = OwnershipGraph.of(example, GraphOptions.defaults()
        .withDirection(GraphOptions.Direction.DOWN).withRouting(GraphOptions.Routing.POLYLINE));
    assertLaidOutCleanly(down);
    assertThat(down.nodes()).hasSameSizeAs(whole.nodes());
    // Layers run downwards: a team sits above the system it owns.
    assertThat(down.node(ref("group:default/pricing")).orElseThrow().box().y())
        .isLessThan(down.node(ref("system:default/price-markdown")).orElseThrow().box().y());
    assertThat(whole.node(ref("group:default/pricing")).orElseThrow().box().x())
        .isLessThan(whole.node(ref("system:default/price-markdown")).orElseThrow().box().x());
  }

  @Test
  void edgesBetweenTheSamePairAreOne() {
    Set<List<EntityRef>> pairs = new HashSet<>();
    for (Edge e : whole.edges()) {
      assertThat(pairs.add(List.of(e.from(), e.to()))).as("second edge %s -> %s", e.from(), e.to()).isTrue();
    }
    // The replenishment team owns supply planning and also (wrongly) holds its prioritization;
    // with Decision boxes the prioritization runs through its box instead.
    OwnershipGraph plain = OwnershipGraph.of(example, GraphOptions.defaults().withDecisionNodes(false));
    assertThat(edge(whole, "group:default/replenishment", "system:default/supply-planning").kinds())
        .containsExactly(EdgeKind.OWNS);
    Edge both = edge(plain, "group:default/replenishment", "system:default/supply-planning");
    assertThat(both.kinds()).contains(EdgeKind.OWNS, EdgeKind.DECIDES);
    assertThat(both.kind()).isEqualTo(EdgeKind.DECIDES);
    assertThat(both.label()).isEqualTo("owns \u00b7 decides prioritization");
  }

  @Test
  void decisionsAreDrawnFromOwnerToScopeAndEffectiveOwnersToWhatTheyDecide() {
    // Declared on the system: the Decision box shows it, products inherit it unchanged.
    assertThat(edge(whole, "user:default/jonas.berg", "decision:default/supply-planning-release").kind())
        .isEqualTo(EdgeKind.HOLDS);
    assertThat(edge(whole, "decision:default/supply-planning-release", "system:default/supply-planning").kind())
        .isEqualTo(EdgeKind.SCOPE);
    assertThat(find(whole, "user:default/jonas.berg", "component:default/demand-forecast")).isNull();
    // Inherited from the owning group: drawn as an effective edge to the system.
    assertThat(edge(whole, "user:default/jonas.berg", "system:default/supply-planning").label())
        .isEqualTo("decides staffing");
    // Without Decision boxes every effective owner gets an edge.
    OwnershipGraph plain = OwnershipGraph.of(example, GraphOptions.defaults().withDecisionNodes(false));
    assertThat(plain.nodes()).noneMatch(n -> n.kind() == NodeKind.DECISION);
    assertThat(edge(plain, "user:default/jonas.berg", "system:default/supply-planning").label())
        .isEqualTo("decides release, staffing");
    assertLaidOutCleanly(plain);
  }

  @Test
  void productsWithADecisionGapAndDecisionsNamingNobodyAreGaps() {
    Node optimizer = whole.node(ref("component:default/assortment-optimizer")).orElseThrow();
    assertThat(optimizer.gaps()).containsExactly("release");
    assertThat(whole.node(ref("component:default/demand-forecast")).orElseThrow().gaps()).containsExactly("roadmap");
    assertThat(whole.node(ref("resource:default/newsletter-clicks")).orElseThrow().gaps()).containsExactly("guarantees");
    assertThat(whole.node(ref("component:default/markdown-pricing")).orElseThrow().gap()).isFalse();
    assertThat(whole.node(ref("decision:default/assortment-optimizer-release")).orElseThrow().gaps())
        .containsExactly("release");
    Edge nobody = edge(whole, "decision:default/assortment-optimizer-release", "component:default/assortment-optimizer");
    assertThat(nobody.gap()).isTrue();
    assertThat(nobody.label()).isEqualTo("nobody");
  }

  @Test
  void aFocusDrawsTheEntityWhatLiesUnderItAndItsNeighbours() {
    OwnershipGraph pricing = OwnershipGraph.of(example, ref("group:default/pricing"), 0);
    Set<EntityRef> drawn = pricing.nodes().stream().map(Node::ref).collect(Collectors.toSet());
    assertThat(pricing.focus()).isEqualTo(ref("group:default/pricing"));
    assertThat(drawn).contains(ref("group:default/pricing"), ref("system:default/price-markdown"),
        ref("component:default/markdown-pricing"), ref("user:default/lena.vogel"), ref("user:default/david.okafor"),
        ref("decision:default/markdown-pricing-release"), ref("group:default/commercial-data-science"));
    assertThat(drawn).doesNotContain(ref("component:default/seller-ranking"), ref("group:default/personalization"),
        ref("user:default/clara.nunes"));
    assertThat(pricing.nodes().size()).isLessThan(whole.nodes().size() / 3);
    assertThat(pricing.omitted()).isZero();
    assertLaidOutCleanly(pricing);

    OwnershipGraph department = OwnershipGraph.of(example, ref("group:default/commercial-data-science"), 0);
    assertThat(department.nodes().size()).isGreaterThan(pricing.nodes().size()).isLessThan(whole.nodes().size());
    assertThat(department.node(ref("component:default/demand-forecast"))).isPresent();

    OwnershipGraph person = OwnershipGraph.of(example, ref("user:default/jonas.berg"), 0);
    assertThat(person.node(ref("system:default/supply-planning"))).isPresent();
    assertThat(person.node(ref("group:default/replenishment"))).isPresent();
    assertThat(person.nodes().size()).isLessThan(pricing.nodes().size() + 5);
  }

  @Test
  void aFocusOutsideTheGraphIsRefused() {
    assertThatThrownBy(() -> OwnershipGraph.of(example, ref("group:default/no-such-team"), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("group:default/no-such-team");
    assertThatThrownBy(() -> OwnershipGraph.of(example, ref("usecase:default/reduce-churn"), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCapKeepsTheNearestBoxesAndCountsTheRest() {
    OwnershipGraph capped = OwnershipGraph.of(example, null, 20);
    assertThat(capped.nodes()).hasSize(20);
    assertThat(capped.omitted()).isEqualTo(whole.nodes().size() - 20);
    // Structure first: every domain and group is kept before any person or Decision.
    assertThat(capped.nodes()).extracting(Node::kind).contains(NodeKind.DOMAIN, NodeKind.GROUP)
        .doesNotContain(NodeKind.PERSON, NodeKind.DECISION);
    Set<EntityRef> kept = capped.nodes().stream().map(Node::ref).collect(Collectors.toSet());
    assertThat(capped.edges()).allMatch(e -> kept.contains(e.from()) && kept.contains(e.to()));
    assertLaidOutCleanly(capped);

    OwnershipGraph focused = OwnershipGraph.of(example, ref("group:default/commercial-data-science"), 5);
    assertThat(focused.nodes()).hasSize(5);
    assertThat(focused.node(ref("group:default/commercial-data-science"))).isPresent();
    assertThat(focused.omitted()).isPositive();
  }

  @Test
  void aGeneratedOrganizationOfThreeHundredEntitiesLaysOut(@TempDir Path dir) throws Exception {
    OrgGenerator.generate(330, dir, 7); // about 300 catalog entities beside their data contracts
    Catalog catalog = CatalogLoader.load(dir);
    assertThat(catalog.size()).isGreaterThanOrEqualTo(280);
    OwnershipGraph g = OwnershipGraph.of(Ownership.of(catalog));
    assertThat(g.nodes().size()).isGreaterThan(250);
    assertThat(g.edges().size()).isGreaterThan(g.nodes().size());
    assertLaidOutCleanly(g);
    assertThat(g.nodes()).anyMatch(n -> n.kind() == NodeKind.PRODUCT && n.gap());
    GraphSvgTest.parse(GraphSvg.render(g, "/entities/"));
  }

  static Edge edge(OwnershipGraph g, String from, String to) {
    Edge e = find(g, from, to);
    assertThat(e).as("edge %s -> %s", from, to).isNotNull();
    return e;
  }

  static Edge find(OwnershipGraph g, String from, String to) {
    return g.edges().stream().filter(e -> e.from().equals(ref(from)) && e.to().equals(ref(to))).findFirst().orElse(null);
  }

  /** Boxes apart, every coordinate a finite number inside the drawing, every edge with a route. */
  static void assertLaidOutCleanly(OwnershipGraph g) {
    assertThat(g.width()).isFinite().isPositive();
    assertThat(g.height()).isFinite().isPositive();
    List<Node> nodes = g.nodes();
    for (Node n : nodes) {
      assertInside(g, n.box(), n.ref().toString());
      assertThat(n.box().width()).isGreaterThan(50);
    }
    for (int i = 0; i < nodes.size(); i++) {
      for (int j = i + 1; j < nodes.size(); j++) {
        assertThat(nodes.get(i).box().overlaps(nodes.get(j).box()))
            .as("%s overlaps %s", nodes.get(i).ref(), nodes.get(j).ref()).isFalse();
      }
    }
    for (Edge e : g.edges()) {
      assertThat(e.points()).as("route of %s -> %s", e.from(), e.to()).hasSizeGreaterThanOrEqualTo(2);
      for (Point p : e.points()) {
        assertThat(p.x()).isFinite().isBetween(0.0, g.width());
        assertThat(p.y()).isFinite().isBetween(0.0, g.height());
      }
      if (!e.label().isEmpty()) {
        assertInside(g, e.labelBox(), "label of " + e.from() + " -> " + e.to());
      }
    }
  }

  private static void assertInside(OwnershipGraph g, Box b, String what) {
    assertThat(b).as(what).isNotNull();
    assertThat(List.of(b.x(), b.y(), b.width(), b.height())).as(what).allMatch(Double::isFinite);
    assertThat(b.x()).as(what).isGreaterThanOrEqualTo(0);
    assertThat(b.y()).as(what).isGreaterThanOrEqualTo(0);
    assertThat(b.x() + b.width()).as(what).isLessThanOrEqualTo(g.width() + 0.01);
    assertThat(b.y() + b.height()).as(what).isLessThanOrEqualTo(g.height() + 0.01);
  }
}
