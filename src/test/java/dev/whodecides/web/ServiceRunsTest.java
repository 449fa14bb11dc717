package dev.whodecides.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whodecides.TestClock;
import dev.whodecides.catalog.Catalog;
import dev.whodecides.catalog.CatalogLoader;
import dev.whodecides.store.Store;
import dev.whodecides.vocabulary.EntityRef;
import dev.whodecides.web.ServiceClient.Reply;
import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The findings trend and the verification results, through the REST API. */
class ServiceRunsTest {

  static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
  static final String PRODUCT_MASTER = "8c1e4f0a-7d2b-4e9f-b3a6-1d5c9e0f2b77";
  static final String CUSTOMER_TRANSACTIONS = "2f6d1c7e-4b1a-4c55-9a3e-6f0b8d2e7a41";

  static Reply send(Javalin app, String method, String path, String token, String body) {
    return new ServiceClient(app).request(method, path).bearer(token).body(body).send();
  }

  static Reply get(Javalin app, String path) {
    return new ServiceClient(app).get(path);
  }

  static Javalin start(java.util.function.Supplier<Catalog> catalog, Store store) {
    return new ServiceApp(catalog, store, Clock.fixed(NOW, ZoneOffset.UTC)).create().start("127.0.0.1", 0);
  }

  static final String TEAM = """
      apiVersion: backstage.io/v1alpha1
      kind: Group
      metadata: {name: team}
      spec: {type: team, children: []}
      """;

  static final String MODEL = """
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata: {name: model}
      spec: {type: service, lifecycle: production, owner: team}
      """;

  /** Rewrites a catalog file and moves the clock past the source's next look at the files. */
  static void edit(Path file, String text, TestClock clock) throws Exception {
    Files.writeString(file, text);
    file.toFile().setLastModified(System.currentTimeMillis() + 5000);
    clock.advance(CatalogSource.RECHECK);
  }

  @Test
  void eachCatalogEditAddsAPointAndARestartDoesNot(@TempDir Path dir) throws Exception {
    Path catalog = Files.createDirectories(dir.resolve("catalog"));
    Path file = catalog.resolve("team.yaml");
    Files.writeString(file, TEAM);
    Store store = Store.open(dir.resolve("r.db").toString(), null);
    TestClock clock = new TestClock(NOW);
    Javalin app = start(new CatalogSource(List.of(catalog), clock), store);
    try {
      Reply first = get(app, "/api/lint-runs");
      assertThat(first.status()).isEqualTo(200);
      assertThat(first.json()).hasSize(1);
      JsonNode run = first.json().get(0);
      List<String> fields = new ArrayList<>();
      run.fieldNames().forEachRemaining(fields::add);
      assertThat(fields).containsExactly("id", "recordedAt", "source", "fingerprint", "entities", "files", "errors",
          "warnings", "infos", "findings", "byRule");
      assertThat(run.get("recordedAt").asText()).isEqualTo("2026-11-28T10:00:00Z");
      assertThat(run.get("source").asText()).isEqualTo("serve");
      assertThat(run.get("entities").asInt()).isEqualTo(1);
      assertThat(run.get("files").asInt()).isEqualTo(1);
      assertThat(run.get("findings").asInt()).isEqualTo(run.get("errors").asInt() + run.get("warnings").asInt()
          + run.get("infos").asInt());
      assertThat(run.get("byRule").isObject()).isTrue();
      assertThat(get(app, "/api/findings").status()).isEqualTo(200);
      assertThat(get(app, "/api/lint-runs").json()).as("reading again adds nothing").hasSize(1);

      edit(file, TEAM + MODEL, clock);
      JsonNode trend = get(app, "/api/lint-runs").json();
      assertThat(trend).hasSize(2);
      assertThat(trend.get(0).get("id").asLong()).isLessThan(trend.get(1).get("id").asLong());
      assertThat(trend.get(1).get("entities").asInt()).isEqualTo(2);
      assertThat(trend.get(1).get("findings").asInt()).isGreaterThan(trend.get(0).get("findings").asInt());
      int findingsNow = get(app, "/api/findings").json().get("findings").size();
      assertThat(trend.get(1).get("findings").asInt()).isEqualTo(findingsNow);
      long byRule = 0;
      for (JsonNode n : trend.get(1).get("byRule")) {
        byRule += n.asLong();
      }
      assertThat(byRule).isEqualTo(findingsNow);

      assertThat(get(app, "/api/lint-runs?limit=1").json()).singleElement()
          .satisfies(r -> assertThat(r.get("id").asLong()).isEqualTo(trend.get(1).get("id").asLong()));
    } finally {
      app.stop();
    }
    Javalin restarted = start(new CatalogSource(List.of(catalog)), Store.open(dir.resolve("r.db").toString(), null));
    try {
      assertThat(get(restarted, "/api/lint-runs").json()).as("a restart over the same catalog").hasSize(2);
    } finally {
      restarted.stop();
    }
  }

  @Test
  void aBadLimitIsA400AndAFailingStoreDoesNotBreakReads(@TempDir Path dir) throws Exception {
    Path catalog = Files.createDirectories(dir.resolve("catalog"));
    Path file = catalog.resolve("team.yaml");
    Files.writeString(file, TEAM);
    Store store = Store.open(dir.resolve("r.db").toString(), null);
    TestClock clock = new TestClock(NOW);
    Javalin app = start(new CatalogSource(List.of(catalog), clock), store);
    PrintStream stderr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      for (String limit : List.of("abc", "0", "-3", "10001")) {
        Reply r = get(app, "/api/lint-runs?limit=" + limit);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).isEqualTo("limit must be a whole number from 1 to 10000, not '"
            + limit + "'");
      }
      assertThat(get(app, "/api/lint-runs").json()).hasSize(1);
      try (Connection c = DriverManager.getConnection(store.url()); Statement st = c.createStatement()) {
        st.execute("CREATE TRIGGER no_room BEFORE INSERT ON lint_runs BEGIN SELECT RAISE(ABORT, 'disk is full'); END");
      }
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      edit(file, TEAM + MODEL, clock);
      Reply entities = get(app, "/api/entities");
      assertThat(entities.status()).isEqualTo(200);
      assertThat(entities.json()).hasSize(2);
      assertThat(captured.toString(StandardCharsets.UTF_8)).contains("could not record the lint run")
          .contains("disk is full").doesNotContain("\tat ");
      assertThat(get(app, "/api/lint-runs").json()).hasSize(1);
    } finally {
      System.setErr(stderr);
      app.stop();
    }
  }

  @Test
  void verificationsArePostedWithATokenAndReadPerContract(@TempDir Path dir) throws Exception {
    Catalog catalog = CatalogLoader.load(List.of(Path.of("examples/retail-data-org")));
    Store store = Store.open(dir.resolve("r.db").toString(), null);
    String token = store.createToken(EntityRef.parse("user:tomas.reyes", null));
    String report = Files.readString(Path.of("examples/retail-data-org/verified.json"));
    Javalin app = start(() -> catalog, store);
    try {
      assertThat(get(app, "/api/verifications").json()).isEmpty();
      assertThat(get(app, "/api/verifications?contract=" + CUSTOMER_TRANSACTIONS).json())
          .as("in the catalog, not verified yet").isEmpty();

      Reply posted = send(app, "POST", "/api/verifications", token, report);
      assertThat(posted.status()).as(posted.body()).isEqualTo(201);
      JsonNode row = posted.json().get(0);
      List<String> fields = new ArrayList<>();
      row.fieldNames().forEachRemaining(fields::add);
      assertThat(fields).containsExactly("id", "importedAt", "contract", "file", "server", "passed", "failed",
          "errors", "warnings", "checks");
      assertThat(row.get("importedAt").asText()).isEqualTo("2026-11-28T10:00:00Z");
      assertThat(row.get("contract").asText()).isEqualTo(PRODUCT_MASTER);
      assertThat(row.get("server").asText()).isEqualTo("warehouse-prod");
      assertThat(row.get("passed").asInt()).isEqualTo(18);
      assertThat(row.get("failed").asInt()).isEqualTo(5);
      assertThat(row.get("errors").asInt()).isZero();
      assertThat(row.get("checks")).isEqualTo(ServiceClient.JSON.readTree(report).get("contracts").get(0).get("checks"));

      ObjectNode fixed = (ObjectNode) ServiceClient.JSON.readTree(report);
      fixed.get("contracts").get(0).get("checks").forEach(c -> ((ObjectNode) c).put("result", "passed"));
      Reply second = send(app, "POST", "/api/verifications", token, ServiceClient.JSON.writeValueAsString(fixed));
      assertThat(second.status()).isEqualTo(201);

      JsonNode latest = get(app, "/api/verifications").json();
      assertThat(latest).singleElement().satisfies(v -> {
        assertThat(v.get("id").asLong()).isEqualTo(second.json().get(0).get("id").asLong());
        assertThat(v.get("failed").asInt()).isZero();
        assertThat(v.get("passed").asInt()).isEqualTo(23);
      });
      JsonNode history = get(app, "/api/verifications?contract=" + PRODUCT_MASTER).json();
      assertThat(history).hasSize(2);
      assertThat(history.get(0).get("failed").asInt()).as("newest first").isZero();
      assertThat(history.get(1).get("failed").asInt()).isEqualTo(5);
    } finally {
      app.stop();
    }
  }

  @Test
  void verificationMistakesGetTheRightStatusAndOneLine(@TempDir Path dir) throws Exception {
    Catalog catalog = CatalogLoader.load(List.of(Path.of("examples/retail-data-org")));
    Store store = Store.open(dir.resolve("r.db").toString(), null);
    String token = store.createToken(EntityRef.parse("user:tomas.reyes", null));
    String report = Files.readString(Path.of("examples/retail-data-org/verified.json"));
    Javalin app = start(() -> catalog, store);
    try {
      Reply anonymous = send(app, "POST", "/api/verifications", null, report);
      assertThat(anonymous.status()).isEqualTo(401);
      assertThat(anonymous.json().get("error").asText()).contains("bearer token");
      assertThat(send(app, "POST", "/api/verifications", "wd_unknown", report).status()).isEqualTo(401);

      Reply notJson = send(app, "POST", "/api/verifications", token, "{not json");
      assertThat(notJson.status()).isEqualTo(400);
      assertThat(notJson.json().get("error").asText()).startsWith("not JSON at line 1").doesNotContain("\n");
      Reply lint = send(app, "POST", "/api/verifications", token, "{\"findings\":[],\"summary\":{}}");
      assertThat(lint.status()).isEqualTo(400);
      assertThat(lint.json().get("error").asText()).contains("not a whodecides verify JSON report");
      Reply badResult = send(app, "POST", "/api/verifications", token, report.replaceFirst("\"passed\"", "\"fine\""));
      assertThat(badResult.status()).isEqualTo(400);
      assertThat(badResult.json().get("error").asText())
          .isEqualTo("contracts[0].checks[0].result must be passed, failed, warning or error, not \"fine\"");
      assertThat(send(app, "POST", "/api/verifications", token, "").status()).isEqualTo(400);
      assertThat(get(app, "/api/verifications").json()).as("nothing stored by a refused post").isEmpty();

      Reply unknown = get(app, "/api/verifications?contract=no-such-contract");
      assertThat(unknown.status()).isEqualTo(404);
      assertThat(unknown.json().get("error").asText()).contains("no-such-contract");
      assertThat(unknown.json().get("status").asInt()).isEqualTo(404);
      assertThat(get(app, "/api/verifications?contract=").status()).isEqualTo(400);
    } finally {
      app.stop();
    }
  }

  @Test
  void privateModeAndTheOpenApiDocument(@TempDir Path dir) throws Exception {
    Store store = Store.open(dir.resolve("r.db").toString(), null);
    String token = store.createToken(EntityRef.parse("user:tomas.reyes", null));
    Javalin app = new ServiceApp(new CatalogSource(List.of(Path.of("examples/retail-data-org"))), store,
        Clock.systemUTC(), true).create().start("127.0.0.1", 0);
    try {
      assertThat(get(app, "/api/lint-runs").status()).isEqualTo(401);
      assertThat(get(app, "/api/verifications").status()).isEqualTo(401);
      assertThat(send(app, "GET", "/api/lint-runs", token, null).status()).isEqualTo(200);
      JsonNode paths = get(app, "/api/openapi.json").json().get("paths");
      assertThat(paths.get("/api/lint-runs").has("get")).isTrue();
      assertThat(paths.get("/api/verifications").has("get")).isTrue();
      assertThat(paths.get("/api/verifications").has("post")).isTrue();
    } finally {
      app.stop();
    }
  }
}
