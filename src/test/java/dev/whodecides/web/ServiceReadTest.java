package dev.whodecides.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whodecides.TestClock;
import dev.whodecides.store.Store;
import dev.whodecides.vocabulary.EntityRef;
import io.javalin.Javalin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read side of the API over the example, private mode, and reloading an edited catalog. */
class ServiceReadTest {

  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ObjectMapper JSON = new ObjectMapper();

  record Reply(int status, JsonNode body) {}

  static Reply get(Javalin app, String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).GET();
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), JSON.readTree(r.body()));
  }

  @Test
  void entitiesMatrixPeopleAndOpenApi(@TempDir Path dir) throws Exception {
    Store store = Store.open(dir.resolve("r.db").toString(), null);
    Javalin app = new ServiceApp(new CatalogSource(List.of(Path.of("examples/retail-data-org"))), store,
        Clock.systemUTC()).create().start("127.0.0.1", 0);
    try {
      Reply entities = get(app, "/api/entities?kind=component", null);
      assertThat(entities.status()).isEqualTo(200);
      assertThat(entities.body().size()).isGreaterThan(3);
      entities.body().forEach(e -> assertThat(e.get("kind").asText()).isEqualTo("component"));

      String ref = URLEncoder.encode("component:default/newsletter-picks", StandardCharsets.UTF_8);
      Reply picks = get(app, "/api/entities/" + ref, null);
      assertThat(picks.status()).isEqualTo(200);
      JsonNode release = null;
      for (JsonNode d : picks.body().get("decisions")) {
        if (d.get("type").asText().equals("release")) {
          release = d;
        }
      }
      assertThat(release.get("owner").asText()).isEqualTo("user:default/tomas.reyes");
      assertThat(get(app, "/api/entities/" + URLEncoder.encode("component:nope", StandardCharsets.UTF_8), null)
          .status()).isEqualTo(404);

      Reply matrix = get(app, "/api/matrix", null);
      assertThat(matrix.body().get("decisionTypes")).hasSize(10);
      JsonNode assortment = null;
      for (JsonNode row : matrix.body().get("rows")) {
        if (row.get("ref").asText().equals("component:default/assortment-optimizer")) {
          assortment = row;
        }
      }
      JsonNode releaseCell = assortment.get("cells").get(0);
      assertThat(releaseCell.get("type").asText()).isEqualTo("release");
      assertThat(releaseCell.get("gap").asBoolean()).isTrue();
      assertThat(releaseCell.get("declaredAt").asText()).contains("decisions/commercial.yaml");
      assertThat(assortment.get("findings")).anySatisfy(f ->
          assertThat(f.get("rule").asText()).isEqualTo("no-ship-authority"));

      Reply people = get(app, "/api/people", null);
      assertThat(people.body().get("people")).anySatisfy(p -> {
        assertThat(p.get("person").asText()).isEqualTo("user:default/lena.vogel");
        assertThat(p.get("fit").asText()).contains("both hats");
      });

      Reply openapi = get(app, "/api/openapi.json", null);
      assertThat(openapi.body().get("openapi").asText()).startsWith("3.");
      assertThat(openapi.body().get("paths").has("/api/releases")).isTrue();
      assertThat(openapi.body().get("paths").has("/api/matrix")).isTrue();
    } finally {
      app.stop();
    }
  }

  @Test
  void privateModeNeedsATokenToRead(@TempDir Path dir) throws Exception {
    Store store = Store.open(dir.resolve("r.db").toString(), null);
    String token = store.createToken(EntityRef.parse("user:tomas.reyes", null));
    Javalin app = new ServiceApp(new CatalogSource(List.of(Path.of("examples/retail-data-org"))), store,
        Clock.systemUTC(), true).create().start("127.0.0.1", 0);
    try {
      assertThat(get(app, "/api/findings", null).status()).isEqualTo(401);
      assertThat(get(app, "/api/findings", token).status()).isEqualTo(200);
      assertThat(get(app, "/api/openapi.json", null).status()).isEqualTo(200);
    } finally {
      app.stop();
    }
  }

  @Test
  void anEditIsPickedUpAndABrokenEditKeepsTheLastGoodCatalog(@TempDir Path dir) throws Exception {
    Path catalog = Files.createDirectories(dir.resolve("catalog"));
    Path file = catalog.resolve("team.yaml");
    Files.writeString(file, """
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata: {name: team}
        spec: {type: team, children: []}
        """);
    Store store = Store.open(dir.resolve("r.db").toString(), null);
    TestClock clock = new TestClock(Instant.parse("2026-11-28T10:00:00Z"));
    CatalogSource source = new CatalogSource(List.of(catalog), clock);
    Javalin app = new ServiceApp(source, store, Clock.systemUTC()).create().start("127.0.0.1", 0);
    try {
      assertThat(get(app, "/api/entities", null).body()).hasSize(1);
      Files.writeString(file, Files.readString(file) + """
          ---
          apiVersion: backstage.io/v1alpha1
          kind: Component
          metadata: {name: model}
          spec: {type: service, lifecycle: production, owner: team}
          """);
      file.toFile().setLastModified(System.currentTimeMillis() + 5000);
      assertThat(get(app, "/api/entities", null).body()).as("files are looked at once a second at most").hasSize(1);
      clock.advance(CatalogSource.RECHECK);
      assertThat(get(app, "/api/entities", null).body()).hasSize(2);
      Files.writeString(file, "apiVersion: [broken\n");
      file.toFile().setLastModified(System.currentTimeMillis() + 10000);
      clock.advance(CatalogSource.RECHECK);
      assertThat(get(app, "/api/entities", null).body()).hasSize(2);
      assertThat(get(app, "/api/status", null).body().get("catalogError").asText()).contains("team.yaml")
          .contains("YAML syntax error");
    } finally {
      app.stop();
    }
  }
}
