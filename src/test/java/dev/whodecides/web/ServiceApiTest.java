package dev.whodecides.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whodecides.catalog.Catalog;
import dev.whodecides.catalog.CatalogLoader;
import dev.whodecides.store.Store;
import dev.whodecides.vocabulary.EntityRef;
import dev.whodecides.web.ServiceClient.Reply;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REST API, started whole in-process on a free port, over the example and a SQLite store. */
class ServiceApiTest {

  @TempDir static Path dir;
  static Javalin app;
  static ServiceClient client;
  static Store store;
  static String tomas;
  static String lena;

  @BeforeAll
  static void start() {
    Catalog catalog = CatalogLoader.load(List.of(Path.of("examples/retail-data-org")));
    store = Store.open(dir.resolve("records.db").toString(), null);
    tomas = store.createToken(EntityRef.parse("user:tomas.reyes", null));
    lena = store.createToken(EntityRef.parse("user:lena.vogel", null));
    app = new ServiceApp(() -> catalog, store, Clock.systemUTC()).create().start("127.0.0.1", 0);
    client = new ServiceClient(app);
  }

  @AfterAll
  static void stop() {
    app.stop();
  }

  /** A release call posted to the API with a bearer token (none for null). */
  static Reply post(String token, String body) {
    return client.request("POST", "/api/releases").bearer(token).json(body).send();
  }

  static Reply get(String path) {
    return client.get(path);
  }

  static final String BELOW_BAR = """
      {"product":"newsletter-picks","version":"2.4.0","decision":"ship","by":"user:tomas.reyes",
       "metrics":{"precision":0.78},"bar":{"precision":">= 0.80"}}""";

  @Test
  void theReleaseOwnerRecordsACallAndTheLogListsItNewestFirst() throws Exception {
    Reply wait = post(tomas, """
        {"product":"newsletter-picks","version":"2.3.0","decision":"wait","by":"user:tomas.reyes",
         "metrics":{"precision":0.74},"bar":{"precision":">= 0.80"},"rationale":"Needs the new features",
         "waitUntil":"2026-12-10"}""");
    assertThat(wait.status()).isEqualTo(201);
    assertThat(wait.json().get("id").asLong()).isPositive();
    assertThat(wait.json().get("statement").asText()).contains("does not go live yet").contains("2026-12-10");
    Reply ship = post(tomas, BELOW_BAR.replace("}}", "},\"acceptedRisk\":\"Holiday campaign\",\"supersedes\":"
        + wait.json().get("id").asLong() + "}"));
    assertThat(ship.status()).as(ship.body()).isEqualTo(201);
    assertThat(ship.json().get("statement").asText()).contains("Risk accepted: Holiday campaign");
    Reply log = get("/api/releases?product=newsletter-picks");
    assertThat(log.status()).isEqualTo(200);
    assertThat(log.json().isArray()).isTrue();
    assertThat(log.json().get(0).get("id").asLong()).isEqualTo(ship.json().get("id").asLong());
    assertThat(log.json().get(0).get("supersedes").asLong()).isEqualTo(wait.json().get("id").asLong());
    assertThat(log.json().get(1).get("id").asLong()).isEqualTo(wait.json().get("id").asLong());
    assertThat(get("/api/releases/" + ship.json().get("id").asLong()).json().get("product").asText())
        .isEqualTo("component:default/newsletter-picks");
  }

  @Test
  void refusalsCarryTheRightStatusAndAMessage() throws Exception {
    assertThat(post(tomas, BELOW_BAR).status()).isEqualTo(422);
    assertThat(post(null, BELOW_BAR).status()).isEqualTo(401);
    assertThat(post("wd_not-a-token", BELOW_BAR).status()).isEqualTo(401);
    Reply notOwner = post(lena, BELOW_BAR.replace("user:tomas.reyes", "user:lena.vogel"));
    assertThat(notOwner.status()).isEqualTo(403);
    assertThat(notOwner.json().get("error").asText()).contains("is not the release owner");
    assertThat(post(lena, BELOW_BAR).status()).as("a token cannot speak for someone else").isEqualTo(403);
    assertThat(post(tomas, "{not json").status()).isEqualTo(400);
    assertThat(post(tomas, "[1,2]").status()).isEqualTo(400);
    assertThat(post(tomas, BELOW_BAR.replace("\"ship\"", "\"maybe\"")).status()).isEqualTo(400);
    assertThat(post(tomas, BELOW_BAR.replace("newsletter-picks", "no-such-product")).status()).isEqualTo(404);
    Reply missing = get("/api/releases?product=no-such-product");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().get("error").asText()).contains("no-such-product");
    assertThat(get("/api/releases").status()).isEqualTo(400);
    assertThat(get("/api/releases/abc").status()).isEqualTo(400);
    assertThat(get("/api/releases/987654").status()).isEqualTo(404);
  }

  @Test
  void findingsAreTheLintJson() throws Exception {
    Reply r = get("/api/findings");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("findings")).isNotEmpty();
    assertThat(r.json().get("summary").get("entities").asInt()).isGreaterThan(40);
  }

  @Test
  void aHundredConcurrentPostsAreAllStoredExactlyOnce() throws Exception {
    int before = get("/api/releases?product=demand-forecast-service").json().size();
    // demand-forecast-service's release owner, as the catalog says.
    var catalog = CatalogLoader.load(List.of(Path.of("examples/retail-data-org")));
    EntityRef product = EntityRef.parse("component:demand-forecast-service", null);
    EntityRef releaseOwner = dev.whodecides.decisions.Ownership.of(catalog)
        .owner(product, dev.whodecides.vocabulary.DecisionType.RELEASE);
    assertThat(releaseOwner).isNotNull();
    String token = store.createToken(releaseOwner);
    List<java.util.concurrent.CompletableFuture<ServiceClient.Reply>> replies = new java.util.ArrayList<>();
    for (int i = 0; i < 100; i++) {
      String body = "{\"product\":\"demand-forecast-service\",\"version\":\"1." + i + "\",\"decision\":\"wait\","
          + "\"by\":\"" + releaseOwner + "\"}";
      replies.add(client.request("POST", "/api/releases").bearer(token).body(body).sendAsync());
    }
    java.util.Set<Long> ids = new java.util.HashSet<>();
    for (var reply : replies) {
      ServiceClient.Reply r = reply.get();
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      ids.add(r.json().get("id").asLong());
    }
    assertThat(ids).hasSize(100);
    JsonNode log = get("/api/releases?product=demand-forecast-service").json();
    assertThat(log.size()).isEqualTo(before + 100);
    java.util.Set<String> versions = new java.util.HashSet<>();
    log.forEach(r -> versions.add(r.get("version").asText()));
    assertThat(versions).hasSize(before + 100);
  }
}
