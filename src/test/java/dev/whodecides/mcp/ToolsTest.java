package dev.whodecides.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whodecides.CliRun;
import dev.whodecides.catalog.CatalogLoader;
import dev.whodecides.decisions.Authority;
import dev.whodecides.decisions.Ownership;
import dev.whodecides.evidence.PodcastIndex;
import dev.whodecides.knowledge.Knowledge;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The tool handlers called directly, on the example organization: each answer is byte for byte what the
 * matching command prints with --format json, and a question that cannot be answered is a tool error that
 * says why. McpIT drives the same tools through a real process and the SDK's client.
 */
@ExtendWith(PodcastIndex.class)
class ToolsTest {

  static final String EXAMPLE = "examples/retail-data-org";
  static final ObjectMapper JSON = new ObjectMapper();
  static final List<RuntimeException> BUGS = new ArrayList<>();
  static final Authority AUTHORITY =
      Authority.of(Ownership.of(CatalogLoader.load(List.of(Path.of(EXAMPLE)))));

  static Tools tools() {
    return new Tools(AUTHORITY, Knowledge.builtIn(), PodcastIndex.index(), BUGS::add);
  }

  static String text(CallToolResult r) {
    assertThat(r.content()).hasSize(1);
    return ((TextContent) r.content().get(0)).text();
  }

  /** An answer: not an error, its text the JSON {@code args} print on the command line, its structured content the same. */
  static JsonNode sameAsCli(CallToolResult r, String... args) throws Exception {
    assertThat(r.isError()).as(text(r)).isFalse();
    CliRun.Run cli = CliRun.run(args);
    assertThat(text(r)).isEqualTo(cli.out());
    JsonNode structured = JSON.valueToTree(r.structuredContent());
    assertThat(structured).isEqualTo(JSON.readTree(cli.out()));
    return structured;
  }

  static String refused(CallToolResult r) {
    assertThat(r.isError()).isTrue();
    assertThat(r.structuredContent()).isNull();
    assertThat(BUGS).isEmpty();
    return text(r);
  }

  @Test
  void whoDecidesIsWhoAsJson() throws Exception {
    JsonNode one = sameAsCli(tools().whoDecides(Map.of("scope", "assortment-optimizer", "decision", "release")),
        "who", EXAMPLE, "--scope", "assortment-optimizer", "--decision", "release", "--format", "json");
    assertThat(one.path("decisions").get(0).path("explicitlyUnowned").asBoolean()).isTrue();
    JsonNode all = sameAsCli(tools().whoDecides(Map.of("scope", "component:demand-forecast")),
        "who", EXAMPLE, "--scope", "component:demand-forecast", "--format", "json");
    assertThat(all.path("decisions")).hasSize(10);
    assertThat(all.path("decisions").get(0).path("owner").asText()).isEqualTo("user:default/jonas.berg");
    assertThat(all.path("decisions").get(0).path("inheritedFrom").asText()).isEqualTo("system:default/supply-planning");
  }

  @Test
  void mayDecideIsMayAsJsonAllowedOrNot() throws Exception {
    JsonNode yes = sameAsCli(tools().mayDecide(Map.of("user", "user:lena.vogel", "decision", "release", "scope",
        "component:markdown-pricing")), "may", EXAMPLE, "--user", "user:lena.vogel", "--decision", "release",
        "--scope", "component:markdown-pricing", "--format", "json");
    assertThat(yes.path("allowed").asBoolean()).isTrue();
    // A refusal is an answer, not a tool error: the agent is told who holds it instead.
    JsonNode no = sameAsCli(tools().mayDecide(Map.of("user", "user:jonas.berg", "decision", "release", "scope",
        "component:markdown-pricing")), "may", EXAMPLE, "--user", "user:jonas.berg", "--decision", "release",
        "--scope", "component:markdown-pricing", "--format", "json");
    assertThat(no.path("allowed").asBoolean()).isFalse();
    assertThat(no.path("reason").asText()).startsWith("user:default/lena.vogel holds the release decision");
  }

  @Test
  void gapsAreLintsGapsWithTheRoleThatWouldOwnEach() throws Exception {
    CallToolResult all = tools().gaps(Map.of());
    assertThat(all.isError()).isFalse();
    JsonNode root = JSON.readTree(text(all));
    assertThat(JSON.valueToTree(all.structuredContent()).equals(root)).isTrue();
    assertThat(root.path("scope").isNull()).isTrue();
    List<String> rows = new ArrayList<>();
    root.path("gaps").forEach(g -> rows.add(g.path("entity").asText() + " " + g.path("decision").asText() + " "
        + g.path("role").asText() + " " + g.path("explicitlyUnowned").asBoolean() + " " + g.path("inheritedFrom")));
    assertThat(rows).containsExactly(
        "component:default/assortment-optimizer release product-owner true \"component:default/assortment-optimizer\"",
        "component:default/demand-forecast roadmap product-manager false null",
        "component:default/demand-forecast-service roadmap product-manager false null",
        "resource:default/newsletter-clicks guarantees data-product-owner false null");
    assertThat(root.path("count").asInt()).isEqualTo(4);

    JsonNode system = JSON.readTree(text(tools().gaps(Map.of("scope", "system:supply-planning"))));
    assertThat(system.path("scope").asText()).isEqualTo("system:default/supply-planning");
    assertThat(system.path("gaps").findValuesAsText("entity"))
        .containsExactly("component:default/demand-forecast", "component:default/demand-forecast-service");
    JsonNode one = JSON.readTree(text(tools().gaps(Map.of("scope", "assortment-optimizer"))));
    assertThat(one.path("gaps").findValuesAsText("entity")).containsExactly("component:default/assortment-optimizer");
  }

  @Test
  void explainIsExplainAsJsonForEachKindOfCard() throws Exception {
    JsonNode rule = sameAsCli(tools().explain(Map.of("id", "no-ship-authority")),
        "explain", "no-ship-authority", "--format", "json");
    assertThat(rule.path("kind").asText()).isEqualTo("rule");
    assertThat(rule.path("evidence").get(0).path("citations").get(0).path("url").asText()).startsWith("https://");
    assertThat(sameAsCli(tools().explain(Map.of("id", "product-owner")), "explain", "product-owner", "--format", "json")
        .path("decides").toString()).isEqualTo("[\"release\",\"staffing\"]");
    assertThat(sameAsCli(tools().explain(Map.of("id", "release")), "explain", "release", "--format", "json")
        .path("usuallyOwnedBy").asText()).isEqualTo("product-owner");
  }

  @Test
  void searchEvidenceIsEvidenceAsJson() throws Exception {
    String q = "who decides whether a model is good enough to ship";
    JsonNode hits = sameAsCli(tools().searchEvidence(Map.of("query", q, "limit", 3)), "evidence", q, "--archive",
        PodcastIndex.archive().toString(), "--cache", PodcastIndex.cache().toString(), "--limit", "3", "--format",
        "json");
    assertThat(hits.path("hits")).hasSize(3);
    assertThat(hits.path("hits").get(0).path("url").asText()).contains("youtube");
  }

  @Test
  void questionsThatCannotBeAnsweredAreToolErrorsThatSayWhy() {
    assertThat(refused(tools().whoDecides(Map.of("scope", "component:no-such-thing"))))
        .isEqualTo("scope component:default/no-such-thing is not in the catalog; check the spelling or the catalog paths");
    assertThat(refused(tools().whoDecides(Map.of("scope", "assortment-optimizer", "decision", "ship"))))
        .startsWith("'ship' is not a decision type; use one of release, roadmap");
    assertThat(refused(tools().mayDecide(Map.of("user", "group:assortment", "decision", "release", "scope",
        "assortment-optimizer")))).contains("not a person");
    assertThat(refused(tools().whoDecides(Map.of()))).startsWith("name the scope");
    assertThat(refused(tools().gaps(Map.of("scope", "user:lena.vogel")))).contains("a decision is held on");
    assertThat(refused(tools().explain(Map.of("id", "nonsense")))).contains("not a rule, role or decision type");
    assertThat(refused(tools().searchEvidence(Map.of("query", "x", "limit", 0)))).contains("between 1 and 1000");
    assertThat(refused(new Tools(AUTHORITY, Knowledge.builtIn(), null, BUGS::add)
        .searchEvidence(Map.of("query", "release")))).contains("--archive DIR");
  }

  @Test
  void everyToolDeclaresItsInputsAndTheShapeOfItsAnswer() {
    List<SyncToolSpecification> specs = tools().specifications();
    assertThat(specs).extracting(s -> s.tool().name())
        .containsExactly("who_decides", "may_decide", "gaps", "explain", "search_evidence");
    for (SyncToolSpecification s : specs) {
      assertThat(s.tool().description()).isNotBlank();
      assertThat(s.tool().annotations().readOnlyHint()).isTrue();
      assertThat(s.tool().outputSchema()).as(s.tool().name()).containsEntry("type", "object");
      assertThat(s.tool().inputSchema()).as(s.tool().name()).containsEntry("type", "object");
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void theDocsPageDescribesEveryToolItsInputsAndQuotesRealAnswers() throws Exception {
    String page = Files.readString(Path.of("docs/mcp.md"));
    for (SyncToolSpecification s : tools().specifications()) {
      String heading = "## `" + s.tool().name() + "`";
      assertThat(page).contains(heading);
      String section = page.substring(page.indexOf(heading) + heading.length());
      section = section.substring(0, section.contains("\n## ") ? section.indexOf("\n## ") : section.length());
      for (String input : ((Map<String, Object>) s.tool().inputSchema().get("properties")).keySet()) {
        assertThat(section).as(s.tool().name()).contains("| `" + input + "` |");
      }
    }
    assertThat(page).contains(text(tools().whoDecides(Map.of("scope", "component:demand-forecast", "decision",
        "release"))).strip());
    assertThat(page).contains(text(tools().mayDecide(Map.of("user", "user:felix.braun", "decision", "release",
        "scope", "component:assortment-optimizer"))).strip());
    assertThat(page).contains(text(tools().gaps(Map.of("scope", "system:supply-planning"))).strip());
  }
}
