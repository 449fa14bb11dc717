package dev.whodecides.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whodecides.catalog.Catalog;
import dev.whodecides.catalog.CatalogLoader;
import dev.whodecides.decisions.Ownership;
import dev.whodecides.vocabulary.EntityRef;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The SVG text: well-formed, scalable, styled, linked, escaped, gaps in red. */
class GraphSvgTest {

  static final String SVG_NS = "http://www.w3.org/2000/svg";

  static OwnershipGraph example;
  static String svg;
  static Document doc;

  @BeforeAll
  static void render() throws Exception {
    Catalog catalog = CatalogLoader.load(Path.of("examples/retail-data-org"));
    example = OwnershipGraph.of(Ownership.of(catalog));
    svg = GraphSvg.render(example, "/entities/");
    // Kept for looking at: open target/graph-example.svg in a browser.
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/graph-example.svg"), svg);
    doc = parse(svg);
  }

  @Test
  void isAScalableSvgDocumentWithItsOwnStylesAndALegend() {
    Element root = doc.getDocumentElement();
    assertThat(root.getNamespaceURI()).isEqualTo(SVG_NS);
    assertThat(root.getLocalName()).isEqualTo("svg");
    String[] viewBox = root.getAttribute("viewBox").split(" ");
    assertThat(viewBox).hasSize(4);
    assertThat(Double.parseDouble(viewBox[2])).isGreaterThanOrEqualTo(example.width())
        .isEqualTo(Double.parseDouble(root.getAttribute("width")));
    assertThat(Double.parseDouble(viewBox[3])).isGreaterThan(example.height())
        .isEqualTo(Double.parseDouble(root.getAttribute("height")));
    assertThat(elements("style")).hasSize(1);
    assertThat(elements("style").get(0).getTextContent()).contains(".wd-graph .group rect", ".wd-graph .person rect",
        ".wd-graph .product rect", ".wd-graph .decision rect", ".wd-graph .domain rect");
    assertThat(withClass("g", "legend")).hasSize(1);
    assertThat(withClass("g", "legend").get(0).getTextContent()).contains("Person", "Decision gap", "member of", "decides");
    for (Element path : elements("path")) {
      for (String n : path.getAttribute("d").replaceAll("[MLz]", " ").trim().split("[ ,]+")) {
        if (!n.isEmpty()) {
          assertThat(Double.parseDouble(n)).isFinite().isBetween(0.0, Double.parseDouble(viewBox[2]) + 0.01);
        }
      }
    }
  }

  @Test
  void everyBoxLinksToItsEntityAndHasHoverText() {
    List<Element> nodes = withClass("g", "node").stream()
        .filter(g -> !g.getAttribute("data-ref").isEmpty()).toList();
    assertThat(nodes).hasSize(example.nodes().size());
    for (Element g : nodes) {
      Element a = (Element) g.getParentNode();
      assertThat(a.getLocalName()).isEqualTo("a");
      assertThat(a.getAttribute("href")).isEqualTo("/entities/" + g.getAttribute("data-ref"));
      assertThat(g.getElementsByTagNameNS(SVG_NS, "title").item(0).getTextContent())
          .startsWith(g.getAttribute("data-ref"));
      assertThat(g.getElementsByTagNameNS(SVG_NS, "rect").getLength()).isEqualTo(1);
    }
    assertThat(svg).contains("<a href=\"/entities/component:default/markdown-pricing\">");
    assertThat(withClass("g", "person")).isNotEmpty();
    assertThat(withClass("g", "decision")).isNotEmpty();
    assertThat(withClass("g", "edge")).isNotEmpty();
    assertThat(withClass("g", "edge-label").stream().map(Element::getTextContent)).contains("decides staffing");

    String unlinked = GraphSvg.render(example, null);
    assertThat(unlinked).doesNotContain("<a ");
    assertThat(GraphSvg.render(example, "https://example.com/c?e=")).contains(
        "href=\"https://example.com/c?e=component:default/markdown-pricing\"");
  }

  @Test
  void gapsAreRed() {
    Element optimizer = node("component:default/assortment-optimizer");
    assertThat(optimizer.getAttribute("class")).isEqualTo("node product gap");
    assertThat(optimizer.getTextContent()).contains("no owner: release");
    assertThat(node("decision:default/assortment-optimizer-release").getAttribute("class")).isEqualTo("node decision gap");
    assertThat(node("component:default/markdown-pricing").getAttribute("class")).isEqualTo("node product");
    assertThat(svg).contains(".wd-graph .node.gap rect{fill:#fee2e2;stroke:#dc2626");
    assertThat(withClass("g", "edge").stream().filter(e -> e.getAttribute("class").equals("edge gap"))
        .filter(e -> ((Element) e.getParentNode()).getAttribute("class").equals("edges")).toList())
        .hasSize((int) example.edges().stream().filter(OwnershipGraph.Edge::gap).count()).isNotEmpty();
    assertThat(svg).contains("<marker id=\"wd-arrow-gap\"").contains("fill=\"#dc2626\"");
  }

  @Test
  void catalogTextIsEscaped(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("evil.yaml"), """
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata:
          name: evil
          title: "<script>alert(1)</script>"
          description: Tom & Jerry's "team" <b>bold</b>
        spec:
          type: team
          children: ["<script>alert(1)</script>"]
        ---
        apiVersion: backstage.io/v1alpha1
        kind: User
        metadata:
          name: mallory
          annotations:
            whodecides.dev/title: "PO <img src=x onerror=alert(2)>"
        spec:
          profile: {displayName: "<script>alert(1)</script>"}
          memberOf: [evil]
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: thing
          title: "A & B ]]> \\u0007 <script>alert(1)</script>"
        spec: {type: service, lifecycle: production, owner: evil}
        ---
        apiVersion: whodecides.dev/v1
        kind: Decision
        metadata: {name: thing-release}
        spec: {type: release, scope: component:thing, owner: "user:<script>alert(1)</script>"}
        """);
    Catalog catalog = CatalogLoader.load(dir);
    assertThat(catalog.size()).isEqualTo(4);
    OwnershipGraph g = OwnershipGraph.of(Ownership.of(catalog));
    assertThat(g.nodes()).anyMatch(n -> !n.inCatalog() && n.ref().toString().contains("<script>"));
    String out = GraphSvg.render(g, "/entities/");
    assertThat(out).doesNotContain("<script").doesNotContain("<img").doesNotContain("<b>").doesNotContain("\u0007");
    assertThat(out).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "Tom &amp; Jerry's \"team\"",
        "&lt;img src=x onerror=alert(2)&gt;", "]]&gt;");
    Document parsed = parse(out);
    List<String> texts = new ArrayList<>();
    NodeList all = parsed.getElementsByTagNameNS(SVG_NS, "text");
    for (int i = 0; i < all.getLength(); i++) {
      texts.add(all.item(i).getTextContent());
    }
    assertThat(texts).contains("<script>alert(1)</script>");
    // The reference to an undefined owner is shown, unlinked, and its odd characters stay text.
    assertThat(out).doesNotContain("href=\"/entities/user:&lt;script");
    assertThat(GraphSvg.urlPath("group:<x>/a b")).isEqualTo("group:%3Cx%3E/a%20b");
  }

  @Test
  void aCapOrFocusIsSaidUnderTheLegend() throws Exception {
    OwnershipGraph capped = OwnershipGraph.of(Ownership.of(CatalogLoader.load(Path.of("examples/retail-data-org"))),
        EntityRef.parse("group:default/retail-data", null), 10);
    String out = GraphSvg.render(capped, "/entities/");
    parse(out);
    assertThat(out).contains("Centred on group:default/retail-data", capped.omitted() + " more entities are not shown");
    assertThat(out).contains("class=\"node group focus\"");
  }

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }

  private static List<Element> elements(String tag) {
    NodeList list = doc.getElementsByTagNameNS(SVG_NS, tag);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < list.getLength(); i++) {
      out.add((Element) list.item(i));
    }
    return out;
  }

  private static List<Element> withClass(String tag, String cls) {
    return elements(tag).stream().filter(e -> List.of(e.getAttribute("class").split(" ")).contains(cls)).toList();
  }

  private static Element node(String ref) {
    return elements("g").stream().filter(e -> e.getAttribute("data-ref").equals(ref)).findFirst().orElseThrow();
  }
}
