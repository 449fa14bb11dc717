package dev.whodecides.backstage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whodecides.Shared;
import dev.whodecides.catalog.Catalog;
import dev.whodecides.catalog.CatalogLoader;
import dev.whodecides.catalog.Entity;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --backstage} against a real Backstage: the example organization and the shared Backstage
 * examples are registered in it, then linted once from the files and once with the organization
 * read through Backstage's catalog API (the Decision, UseCase, Improvement and ODCS files stay
 * local, as Backstage refuses those kinds), and the findings are the same.
 */
class BackstageIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Path EXAMPLE = Path.of("examples", "retail-data-org");
  /** Backstage refuses this document, so it cannot come through the API: both runs read it locally. */
  static final Path REFUSED = Shared.path("examples/backstage/invalid-component.yaml");
  /** The example's files of whodecides's own kinds and contracts, which a Backstage does not hold. */
  static final List<Path> LOCAL_ONLY = Stream.of("decisions", "usecases", "improvements", "contracts", "broken")
      .map(EXAMPLE::resolve).toList();

  @TempDir static Path dir;
  static BackstageServer backstage;
  static List<Path> registered;

  @BeforeAll
  static void start() throws Exception {
    registered = new ArrayList<>();
    for (String d : List.of("org", "domains", "systems", "components")) {
      registered.addAll(yamlIn(EXAMPLE.resolve(d)));
    }
    for (Path f : yamlIn(Shared.path("examples/backstage"))) {
      if (!f.equals(REFUSED)) {
        registered.add(f);
      }
    }
    backstage = BackstageServer.start(dir, registered);
    awaitIngested();
  }

  @AfterAll
  static void stop() throws Exception {
    if (backstage != null) {
      backstage.close();
    }
  }

  static List<Path> yamlIn(Path d) throws Exception {
    try (Stream<Path> s = Files.list(d)) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  /**
   * Waits until every entity whodecides reads from the registered files is in Backstage's catalog,
   * Locations aside: Backstage makes its own for each registered file and drops the shared
   * examples' {@code example-groups}, whose targets are missing, without a word.
   */
  static void awaitIngested() throws Exception {
    Catalog files = CatalogLoader.load(registered);
    Set<String> expected = new TreeSet<>();
    for (Entity e : files.entities()) {
      if (!e.ref().kind().equals("location")) {
        expected.add(e.ref().toString());
      }
    }
    Set<String> seen = new HashSet<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      seen.clear();
      JsonNode items = JSON.readTree(backstage.get("/api/catalog/entities/by-query?limit=1000").body()).path("items");
      for (JsonNode e : items) {
        seen.add((e.path("kind").asText() + ":" + e.path("metadata").path("namespace").asText("default") + "/"
            + e.path("metadata").path("name").asText()).toLowerCase(java.util.Locale.ROOT));
      }
      if (seen.containsAll(expected)) {
        return;
      }
      Thread.sleep(1000);
    }
    Set<String> missing = new TreeSet<>(expected);
    missing.removeAll(seen);
    throw new AssertionError("Backstage did not ingest " + missing + " within 120 s:\n" + backstage.log());
  }

  record Run(int status, String out, String err) {}

  /** The command line in a JVM of its own, as a user runs it, with the token in its environment. */
  static Run whodecides(String token, Object... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "dev.whodecides.cli.Main"));
    for (Object a : args) {
      command.add(a.toString());
    }
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().remove("WHODECIDES_BACKSTAGE_TOKEN");
    if (token != null) {
      pb.environment().put("WHODECIDES_BACKSTAGE_TOKEN", token);
    }
    File out = dir.resolve("out.txt").toFile();
    File err = dir.resolve("err.txt").toFile();
    Process p = pb.redirectOutput(out).redirectError(err).start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("whodecides did not finish in 180 s: " + command);
    }
    return new Run(p.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
        Files.readString(err.toPath(), StandardCharsets.UTF_8));
  }

  /** Each finding as rule, severity, entity and message, sorted: what a person is told. */
  static List<String> told(String json) throws Exception {
    List<String> out = new ArrayList<>();
    for (JsonNode f : JSON.readTree(json).path("findings")) {
      out.add(f.path("rule").asText() + " " + f.path("severity").asText() + " " + f.path("entity").asText() + " "
          + f.path("message").asText());
    }
    out.sort(null);
    return out;
  }

  static Object[] args(Object... parts) {
    List<Object> out = new ArrayList<>();
    for (Object p : parts) {
      if (p instanceof List<?> l) {
        out.addAll(l);
      } else {
        out.add(p);
      }
    }
    return out.toArray();
  }

  @Test
  void theOrganizationThroughBackstageGivesTheSameFindingsAsItsFiles() throws Exception {
    Run direct = whodecides(null, args("lint", "--format", "json", "--fail-on", "never", EXAMPLE,
        Shared.path("examples/backstage")));
    Run live = whodecides(backstage.token, args("lint", "--format", "json", "--fail-on", "never", "--backstage",
        backstage.url, LOCAL_ONLY, REFUSED));
    assertThat(direct.status()).as(direct.err()).isZero();
    assertThat(live.status()).as(live.err()).isZero();
    assertThat(live.err()).doesNotContain("error:").doesNotContain(backstage.token);
    List<String> fromFiles = told(direct.out());
    assertThat(fromFiles).hasSizeGreaterThan(15);
    assertThat(told(live.out())).containsExactlyElementsOf(fromFiles);

    // A finding about an entity read through Backstage points at the file Backstage read it from.
    JsonNode noRoadmapOwner = null;
    for (JsonNode f : JSON.readTree(live.out()).path("findings")) {
      if (f.path("entity").asText().equals("group:default/replenishment") && f.path("rule").asText().equals("no-roadmap-owner")) {
        noRoadmapOwner = f;
      }
    }
    assertThat(noRoadmapOwner).isNotNull();
    assertThat(noRoadmapOwner.path("file").asText()).isEqualTo("examples/retail-data-org/org/groups.yaml");
  }

  @Test
  void filesGivenBesideBackstageWinWithTheirOwnLines() throws Exception {
    Run direct = whodecides(null, args("lint", "--format", "json", "--fail-on", "never", EXAMPLE));
    Run both = whodecides(backstage.token, args("lint", "--format", "json", "--fail-on", "never", "--backstage",
        backstage.url, EXAMPLE));
    assertThat(both.status()).as(both.err()).isZero();
    // Same findings at the same file, line and column: the files define the example, Backstage adds the shared examples.
    List<String> fromFiles = new ArrayList<>();
    for (JsonNode f : JSON.readTree(direct.out()).path("findings")) {
      fromFiles.add(f.toString());
    }
    List<String> combined = new ArrayList<>();
    for (JsonNode f : JSON.readTree(both.out()).path("findings")) {
      if (f.path("file").asText().startsWith("examples/")) {
        combined.add(f.toString());
      }
    }
    assertThat(combined).containsExactlyInAnyOrderElementsOf(fromFiles);
  }

  @Test
  void rolesReadThePeopleFromBackstage() throws Exception {
    Run direct = whodecides(null, args("roles", "--format", "json", EXAMPLE));
    Run live = whodecides(backstage.token, args("roles", "--format", "json", "--backstage", backstage.url,
        EXAMPLE.resolve("decisions")));
    assertThat(live.status()).as(live.err()).isZero();
    JsonNode people = JSON.readTree(live.out()).path("people");
    Set<String> fromFiles = new TreeSet<>();
    for (JsonNode p : JSON.readTree(direct.out()).path("people")) {
      fromFiles.add(p.toString());
    }
    Set<String> fromBackstage = new TreeSet<>();
    for (JsonNode p : people) {
      fromBackstage.add(p.toString());
    }
    // Backstage also holds the shared examples' people; the example's are told the same.
    assertThat(fromFiles).hasSizeGreaterThan(5);
    assertThat(fromBackstage).containsAll(fromFiles);
  }

  @Test
  void aRefusedTokenIsOneLineExitTwoAndTheFilesAreStillLinted() throws Exception {
    String wrong = "not-the-token-" + System.nanoTime();
    Run run = whodecides(wrong, args("lint", "--format", "json", "--backstage", backstage.url, LOCAL_ONLY));
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err().lines().filter(l -> l.startsWith("error:")).toList()).containsExactly("error: " + backstage.url
        + ": Backstage refused the request (401 Unauthorized): Illegal token; check WHODECIDES_BACKSTAGE_TOKEN: it must"
        + " be a token Backstage accepts (backend.auth.externalAccess) with access to the catalog");
    assertThat(run.err() + run.out()).doesNotContain(wrong).doesNotContain("Exception");
    assertThat(told(run.out())).anyMatch(f -> f.startsWith("invalid-entity error decision:default/pricing-budget"));

    Run none = whodecides(null, args("lint", "--backstage", backstage.url, LOCAL_ONLY));
    assertThat(none.status()).isEqualTo(2);
    assertThat(none.err()).contains("(401 Unauthorized)").contains("set WHODECIDES_BACKSTAGE_TOKEN to a token it accepts");
  }

  @Test
  void anUnreachableBackstageIsOneLineExitTwoAndTheFilesAreStillLinted() throws Exception {
    int closed;
    try (var s = new java.net.ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    String url = "http://127.0.0.1:" + closed;
    Run run = whodecides(backstage.token, args("lint", "--format", "json", "--backstage", url, LOCAL_ONLY));
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err().lines().filter(l -> l.startsWith("error:")).toList()).containsExactly("error: " + url
        + ": cannot reach Backstage (connection refused); check --backstage and that Backstage runs");
    assertThat(told(run.out())).anyMatch(f -> f.startsWith("invalid-entity error decision:default/pricing-budget"));
  }

  @Test
  void whoAndMayAnswerTheSameThroughBackstage() throws Exception {
    Path decisions = EXAMPLE.resolve("decisions");
    Run direct = whodecides(null, "who", "--format", "json", "--scope", "assortment-optimizer", EXAMPLE.resolve("org"),
        EXAMPLE.resolve("domains"), EXAMPLE.resolve("systems"), EXAMPLE.resolve("components"), decisions);
    Run live = whodecides(backstage.token, "who", "--format", "json", "--scope", "assortment-optimizer",
        "--backstage", backstage.url, decisions);
    assertThat(direct.status()).as(direct.err()).isZero();
    assertThat(live.status()).as(live.err()).isZero();
    assertThat(JSON.readTree(live.out())).isEqualTo(JSON.readTree(direct.out()));
    assertThat(JSON.readTree(live.out()).path("decisions").toString()).contains("user:default/felix.braun");

    Run allowed = whodecides(backstage.token, "may", "--format", "json", "--user", "lena.vogel", "--decision", "release",
        "--scope", "markdown-pricing", "--backstage", backstage.url, decisions);
    assertThat(allowed.status()).as(allowed.err()).isZero();
    assertThat(JSON.readTree(allowed.out()).path("allowed").asBoolean()).isTrue();
    Run refused = whodecides(backstage.token, "may", "--user", "jonas.berg", "--decision", "release",
        "--scope", "markdown-pricing", "--backstage", backstage.url, decisions);
    assertThat(refused.status()).as(refused.err()).isEqualTo(1);
    assertThat(refused.out()).startsWith("not allowed: ");

    // Without Backstage's answer the question is not answered from half a catalog.
    Run wrongToken = whodecides("not-the-token", "may", "--user", "lena.vogel", "--decision", "release",
        "--scope", "markdown-pricing", "--backstage", backstage.url, decisions);
    assertThat(wrongToken.status()).isEqualTo(2);
    assertThat(wrongToken.err()).contains("(401 Unauthorized)").contains("cannot be read").doesNotContain("Exception");
    assertThat(wrongToken.out()).isEmpty();
  }

  @Test
  void theMcpServerAnswersThroughBackstageAsFromTheFiles() throws Exception {
    Path decisions = EXAMPLE.resolve("decisions");
    Run direct = whodecides(null, "who", "--format", "json", "--scope", "assortment-optimizer", EXAMPLE.resolve("org"),
        EXAMPLE.resolve("domains"), EXAMPLE.resolve("systems"), EXAMPLE.resolve("components"), decisions);
    assertThat(direct.status()).as(direct.err()).isZero();
    ServerParameters server = ServerParameters.builder(Path.of(System.getProperty("java.home"), "bin", "java").toString())
        .args("-cp", System.getProperty("java.class.path"), "dev.whodecides.cli.Main", "mcp", "--backstage",
            backstage.url, decisions.toString())
        .addEnvVar("WHODECIDES_BACKSTAGE_TOKEN", backstage.token).build();
    McpSyncClient client = McpClient.sync(new StdioClientTransport(server, McpJsonDefaults.getMapper()))
        .initializationTimeout(Duration.ofMinutes(2)).requestTimeout(Duration.ofSeconds(60)).build();
    try {
      client.initialize();
      CallToolResult who = client.callTool(new CallToolRequest("who_decides", Map.of("scope", "assortment-optimizer")));
      assertThat(who.isError()).isFalse();
      assertThat(((TextContent) who.content().get(0)).text()).isEqualTo(direct.out());
      CallToolResult gaps = client.callTool(new CallToolRequest("gaps", Map.of("scope", "group:assortment")));
      assertThat(JSON.valueToTree(gaps.structuredContent()).path("gaps").findValuesAsText("entity"))
          .containsExactly("component:default/assortment-optimizer");
    } finally {
      client.closeGracefully();
    }
  }

  @Test
  void initDraftsFromBackstageWhatItDraftsFromTheFiles() throws Exception {
    Path fromFiles = dir.resolve("init-files");
    Path fromBackstage = dir.resolve("init-backstage");
    Run direct = whodecides(null, "init", "--today", "2026-12-02", "--out", fromFiles, EXAMPLE.resolve("org"),
        EXAMPLE.resolve("domains"), EXAMPLE.resolve("systems"), EXAMPLE.resolve("components"),
        EXAMPLE.resolve("decisions"));
    Run live = whodecides(backstage.token, "init", "--today", "2026-12-02", "--out", fromBackstage, "--backstage",
        backstage.url, EXAMPLE.resolve("decisions"));
    assertThat(direct.status()).as(direct.err()).isZero();
    assertThat(live.status()).as(live.err()).isZero();
    assertThat(live.out()).contains("whodecides lint --backstage " + backstage.url);
    List<Path> drafted = yamlIn(fromFiles);
    assertThat(drafted).isNotEmpty();
    for (Path f : drafted) {
      assertThat(fromBackstage.resolve(f.getFileName().toString())).as("drafted through Backstage")
          .hasContent(Files.readString(f));
    }
    // Backstage also holds the shared examples' teams, which get files of their own.
    assertThat(yamlIn(fromBackstage)).hasSizeGreaterThan(drafted.size());
    Run lint = whodecides(backstage.token, "lint", "--format", "json", "--fail-on", "never", "--backstage",
        backstage.url, EXAMPLE.resolve("decisions"), fromBackstage);
    assertThat(lint.status()).as(lint.err()).isZero();
    assertThat(told(lint.out())).noneMatch(f -> f.startsWith("no-decision-rights"));
    for (JsonNode f : JSON.readTree(lint.out()).path("findings")) {
      if (f.path("file").asText().contains("init-backstage")) {
        assertThat(f.path("rule").asText()).as(f.toString()).isNotIn("invalid-entity", "unknown-reference");
      }
    }
  }
}
