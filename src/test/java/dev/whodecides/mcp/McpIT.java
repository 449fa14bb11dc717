package dev.whodecides.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whodecides.CliRun;
import dev.whodecides.Shared;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.InitializeResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ./whodecides mcp} as an agent meets it: the launcher starts the packaged jar on the example
 * organization and the podcast archive, and the SDK's own client initializes, lists the tools and calls each
 * one over stdio. The answers are the command line's JSON; a refusal is an answer, and a question about an
 * entity the catalog lacks is a tool error with a clear message after which the server still answers.
 * It runs the shaded jar, so an SDK service entry (its JSON mapper, its schema validator) lost in shading
 * fails here.
 */
class McpIT {

  static final String EXAMPLE = "examples/retail-data-org";
  static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> STDERR = Collections.synchronizedList(new ArrayList<>());
  static McpSyncClient client;
  static InitializeResult init;

  static String jar() {
    return Path.of(System.getProperty("whodecides.jar", "target/whodecides.jar")).toAbsolutePath().toString();
  }

  static List<String> command() {
    return List.of("./whodecides", "mcp", EXAMPLE, "--archive", Shared.path("podcast").toString());
  }

  @BeforeAll
  static void start() {
    ServerParameters server = ServerParameters.builder("bash").args(command())
        .addEnvVar("WHODECIDES_JAR", jar()).build();
    StdioClientTransport transport = new StdioClientTransport(server, McpJsonDefaults.getMapper());
    transport.setStdErrorHandler(STDERR::add);
    // The first run may build the archive's search index before the server answers.
    client = McpClient.sync(transport).initializationTimeout(Duration.ofMinutes(3))
        .requestTimeout(Duration.ofSeconds(60)).build();
    init = client.initialize();
  }

  @AfterAll
  static void stop() {
    if (client != null) {
      client.closeGracefully();
    }
  }

  static CallToolResult call(String tool, Map<String, Object> args) {
    return client.callTool(new CallToolRequest(tool, args));
  }

  static String text(CallToolResult r) {
    return ((TextContent) r.content().get(0)).text();
  }

  /** A tool's answer: no error, the text the command line prints, the same JSON as structured content. */
  static JsonNode answer(CallToolResult r, String... cli) throws Exception {
    assertThat(r.isError()).as(r.content().toString()).isFalse();
    String printed = CliRun.run(cli).out();
    assertThat(text(r)).isEqualTo(printed);
    JsonNode structured = JSON.valueToTree(r.structuredContent());
    assertThat(structured).isEqualTo(JSON.readTree(printed));
    return structured;
  }

  @Test
  void initializesAndListsTheFiveTools() {
    assertThat(init.serverInfo().name()).isEqualTo("whodecides");
    assertThat(init.capabilities().tools()).isNotNull();
    assertThat(init.instructions()).contains("who_decides");
    List<Tool> tools = client.listTools().tools();
    assertThat(tools).extracting(Tool::name)
        .containsExactly("who_decides", "may_decide", "gaps", "explain", "search_evidence");
    assertThat(tools).allSatisfy(t -> assertThat(t.outputSchema()).containsEntry("type", "object"));
    assertThat(STDERR).anyMatch(l -> l.contains("serving the Model Context Protocol"));
  }

  @Test
  void whoDecidesNamesTheOwnerAndWhereItComesFrom() throws Exception {
    JsonNode who = answer(call("who_decides", Map.of("scope", "component:demand-forecast", "decision", "release")),
        "who", EXAMPLE, "--scope", "component:demand-forecast", "--decision", "release", "--format", "json");
    assertThat(who.path("decisions").get(0).path("owner").asText()).isEqualTo("user:default/jonas.berg");
    assertThat(who.path("decisions").get(0).path("inheritedFrom").asText()).isEqualTo("system:default/supply-planning");
  }

  @Test
  void mayDecideAllowsTheOwnerAndRefusesAnyoneElse() throws Exception {
    JsonNode yes = answer(call("may_decide", Map.of("user", "user:lena.vogel", "decision", "release", "scope",
        "component:markdown-pricing")), "may", EXAMPLE, "--user", "user:lena.vogel", "--decision", "release",
        "--scope", "component:markdown-pricing", "--format", "json");
    assertThat(yes.path("allowed").asBoolean()).isTrue();
    JsonNode no = answer(call("may_decide", Map.of("user", "user:felix.braun", "decision", "release", "scope",
        "component:assortment-optimizer")), "may", EXAMPLE, "--user", "user:felix.braun", "--decision", "release",
        "--scope", "component:assortment-optimizer", "--format", "json");
    assertThat(no.path("allowed").asBoolean()).isFalse();
    assertThat(no.path("reason").asText()).startsWith("Nobody holds the release decision")
        .contains("declared explicitly unowned");
  }

  @Test
  void gapsNameTheUnownedDecisionsUnderAScopeWithTheRoleThatWouldOwnThem() {
    CallToolResult r = call("gaps", Map.of("scope", "system:supply-planning"));
    assertThat(r.isError()).isFalse();
    JsonNode gaps = JSON.valueToTree(r.structuredContent());
    assertThat(gaps.path("scope").asText()).isEqualTo("system:default/supply-planning");
    assertThat(gaps.path("count").asInt()).isEqualTo(2);
    assertThat(gaps.path("gaps").findValuesAsText("entity"))
        .containsExactly("component:default/demand-forecast", "component:default/demand-forecast-service");
    assertThat(gaps.path("gaps").findValuesAsText("decision")).containsOnly("roadmap");
    assertThat(gaps.path("gaps").findValuesAsText("role")).containsOnly("product-manager");
    JsonNode all = JSON.valueToTree(call("gaps", Map.of()).structuredContent());
    assertThat(all.path("count").asInt()).isEqualTo(4);
  }

  @Test
  void explainGivesTheCardWithItsEvidence() throws Exception {
    JsonNode card = answer(call("explain", Map.of("id", "no-ship-authority")),
        "explain", "no-ship-authority", "--format", "json");
    assertThat(card.path("kind").asText()).isEqualTo("rule");
    assertThat(card.path("recommends").asText()).isEqualTo("product-owner");
    assertThat(card.path("evidence").get(0).path("citations").get(0).path("url").asText()).contains("youtube.com");
  }

  @Test
  void searchEvidenceFindsPassagesInTheArchive() throws Exception {
    String q = "who decides whether a model is good enough to ship";
    JsonNode hits = answer(call("search_evidence", Map.of("query", q, "limit", 2)),
        "evidence", q, "--archive", Shared.path("podcast").toString(), "--limit", "2", "--format", "json");
    assertThat(hits.path("hits")).hasSize(2);
    assertThat(hits.path("hits").get(0).path("url").asText()).startsWith("https://");
  }

  @Test
  void anUnknownEntityIsAToolErrorAndTheServerKeepsAnswering() {
    CallToolResult r = call("who_decides", Map.of("scope", "component:no-such-product"));
    assertThat(r.isError()).isTrue();
    assertThat(text(r)).isEqualTo("scope component:default/no-such-product is not in the catalog; check the spelling"
        + " or the catalog paths");
    CallToolResult typo = call("may_decide", Map.of("user", "user:lena.vogel", "decision", "ship", "scope",
        "component:markdown-pricing"));
    assertThat(typo.isError()).isTrue();
    assertThat(text(typo)).contains("/decision").contains("\"release\"").doesNotContain("Exception");
    assertThat(call("who_decides", Map.of("scope", "component:markdown-pricing")).isError()).isFalse();
  }

  @Test
  void standardOutputCarriesNothingButProtocolMessages() throws Exception {
    // Without a client library: a line that is no JSON is skipped, one that is no JSON-RPC but has an id is
    // answered with an error, and the next line on stdout must already be the answer to initialize.
    ProcessBuilder pb = new ProcessBuilder(List.of("bash", "./whodecides", "mcp", EXAMPLE));
    pb.environment().put("WHODECIDES_JAR", jar());
    Process p = pb.redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      OutputStream in = p.getOutputStream();
      in.write("not json at all\n{\"id\": 9}\n".getBytes(StandardCharsets.UTF_8));
      in.write(("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
          + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}\n")
          .getBytes(StandardCharsets.UTF_8));
      in.flush();
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      CompletableFuture<String> lines = CompletableFuture.supplyAsync(() -> {
        try {
          return out.readLine() + "\n" + out.readLine();
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      String[] first = lines.get(120, TimeUnit.SECONDS).split("\n");
      assertThat(JSON.readTree(first[0]).path("id").asInt()).isEqualTo(9);
      assertThat(JSON.readTree(first[0]).path("error").path("code").asInt()).isEqualTo(-32600);
      JsonNode answer = JSON.readTree(first[1]);
      assertThat(answer.path("id").asInt()).isEqualTo(1);
      assertThat(answer.path("result").path("serverInfo").path("name").asText()).isEqualTo("whodecides");
      in.close();
      // The client closing stdin ends the server, with nothing more on stdout.
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isZero();
      assertThat(out.readLine()).isNull();
    } finally {
      p.destroyForcibly();
    }
  }
}
