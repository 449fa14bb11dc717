package dev.whodecides.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whodecides.TestClock;
import dev.whodecides.store.Store;
import dev.whodecides.vocabulary.EntityRef;
import io.javalin.Javalin;
import java.net.URLEncoder;
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

  /** A GET with a bearer token (none for null), its body as JSON. */
  static ServiceClient.Reply get(Javalin app, String path, String token) {
    return new ServiceClient(app).request("GET", path).bearer(token).send();
  }

  @Test
  void entitiesMatrixPeopleAndOpenApi(@TempDir Path dir) throws Exception {
    Store store = Store.open(dir.resolve("r.db").toString(), null);
    Javalin app = new ServiceApp(new CatalogSource(List.of(Path.of("examples/retail-data-org"))), store,
        Clock.systemUTC()).create().start("127.0.0.1", 0);
    try {
      ServiceClient.Reply entities = get(app, "/api/entities?kind=component", null);
      assertThat(entities.status()).isEqualTo(200);
      assertThat(entities.json().size()).isGreaterThan(3);
      entities.json().forEach(e -> assertThat(e.get("kind").asText()).isEqualTo("component"));

      String ref = URLEncoder.encode("component:default/newsletter-picks", StandardCharsets.UTF_8);
      ServiceClient.Reply picks = get(app, "/api/entities/" + ref, null);
      assertThat(picks.status()).isEqualTo(200);
      JsonNode release = null;
      for (JsonNode d : picks.json().get("decisions")) {
        if (d.get("type").asText().equals("release")) {
          release = d;
        }
      }
      assertThat(release.get("owner").asText()).isEqualTo("user:default/tomas.reyes");
      assertThat(get(app, "/api/entities/" + URLEncoder.encode("component:nope", StandardCharsets.UTF_8), null)
          .status()).isEqualTo(404);

      ServiceClient.Reply matrix = get(app, "/api/matrix", null);
      assertThat(matrix.json().get("decisionTypes")).hasSize(10);
      JsonNode assortment = null;
      for (JsonNode row : matrix.json().get("rows")) {
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

      ServiceClient.Reply people = get(app, "/api/people", null);
      assertThat(people.json().get("people")).anySatisfy(p -> {
        assertThat(p.get("person").asText()).isEqualTo("user:default/lena.vogel");
        assertThat(p.get("fit").asText()).contains("both hats");
      });

      ServiceClient.Reply openapi = get(app, "/api/openapi.json", null);
      assertThat(openapi.json().get("openapi").asText()).startsWith("3.");
      assertThat(openapi.json().get("paths").has("/api/releases")).isTrue();
      assertThat(openapi.json().get("paths").has("/api/matrix")).isTrue();
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
      assertThat(get(app, "/api/entities", null).json()).hasSize(1);
      Files.writeString(file, Files.readString(file) + """
          ---
          apiVersion: backstage.io/v1alpha1
          kind: Component
          metadata: {name: model}
          spec: {type: service, lifecycle: production, owner: team}
          """);
      file.toFile().setLastModified(System.currentTimeMillis() + 5000);
      assertThat(get(app, "/api/entities", null).json()).as("files are looked at once a second at most").hasSize(1);
      clock.advance(CatalogSource.RECHECK);
      assertThat(get(app, "/api/entities", null).json()).hasSize(2);
      Files.writeString(file, "apiVersion: backstage.io/v1alpha1\nkind: [broken\n");
      file.toFile().setLastModified(System.currentTimeMillis() + 10000);
      clock.advance(CatalogSource.RECHECK);
      assertThat(get(app, "/api/entities", null).json()).hasSize(2);
      assertThat(get(app, "/api/status", null).json().get("catalogError").asText()).contains("team.yaml")
          .contains("YAML syntax error");
    } finally {
      app.stop();
    }
  }
}
