package dev.whodecides.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whodecides.CliRun;
import dev.whodecides.catalog.Catalog;
import dev.whodecides.catalog.CatalogLoader;
import dev.whodecides.store.Store;
import dev.whodecides.web.ServiceClient.Reply;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/authority} and {@code /api/who} answer what {@code may} and {@code who} print, on the example; the
 * release gate's bad input.
 */
class AuthorityApiTest {

  static final String EXAMPLE = "examples/retail-data-org";
  @TempDir static Path dir;
  static Javalin app;
  static ServiceClient client;

  @BeforeAll
  static void start() {
    Catalog catalog = CatalogLoader.load(List.of(Path.of(EXAMPLE)));
    Store store = Store.open(dir.resolve("records.db").toString(), null);
    app = new ServiceApp(() -> catalog, store, Clock.systemUTC()).create().start("127.0.0.1", 0);
    client = new ServiceClient(app);
  }

  @AfterAll
  static void stop() {
    app.stop();
  }

  static JsonNode cli(String... args) throws Exception {
    return ServiceClient.JSON.readTree(CliRun.run(args).out());
  }

  @Test
  void allowedAndRefusedAreBoth200WithTheCliJson() throws Exception {
    Reply yes = client.get("/api/authority?user=lena.vogel&decision=release&scope=markdown-pricing");
    assertThat(yes.status()).isEqualTo(200);
    assertThat(yes.json().get("allowed").asBoolean()).isTrue();
    assertThat(yes.json()).isEqualTo(cli("may", EXAMPLE, "--user", "lena.vogel", "--decision", "release", "--scope",
        "markdown-pricing", "--format", "json"));
    Reply no = client.get("/api/authority?user=user:jonas.berg&decision=release&scope=component:markdown-pricing");
    assertThat(no.status()).isEqualTo(200);
    assertThat(no.json().get("allowed").asBoolean()).isFalse();
    assertThat(no.json()).isEqualTo(cli("may", EXAMPLE, "--user", "jonas.berg", "--decision", "release", "--scope",
        "markdown-pricing", "--format", "json"));
  }

  @Test
  void badInputIs400AndAnUnknownEntity404() {
    assertThat(client.get("/api/authority?decision=release&scope=markdown-pricing").status()).isEqualTo(400);
    Reply type = client.get("/api/authority?user=lena.vogel&decision=budget&scope=markdown-pricing");
    assertThat(type.status()).isEqualTo(400);
    assertThat(type.json().get("error").asText()).contains("'budget' is not a decision type");
    assertThat(client.get("/api/authority?user=nobody.here&decision=release&scope=markdown-pricing").status())
        .isEqualTo(404);
    assertThat(client.get("/api/authority?user=lena.vogel&decision=release&scope=component:gone").status())
        .isEqualTo(404);
    assertThat(client.get("/api/who").status()).isEqualTo(400);
    assertThat(client.get("/api/who?scope=component:gone").status()).isEqualTo(404);
  }

  @Test
  void whoAnswersTheCliJson() throws Exception {
    Reply all = client.get("/api/who?scope=demand-forecast");
    assertThat(all.status()).isEqualTo(200);
    assertThat(all.json()).isEqualTo(cli("who", EXAMPLE, "--scope", "demand-forecast", "--format", "json"));
    Reply one = client.get("/api/who?scope=system:recommendations&decision=launch");
    assertThat(one.json().get("decisions")).hasSize(1);
    assertThat(one.json().get("decisions").get(0).get("conflicting").get(0).asText()).isEqualTo("user:default/olu.adeyemi");
  }

  @Test
  void theReleaseGateNeedsAKnownProductAndAVersion() {
    Reply none = client.get("/api/releases/check?product=newsletter-picks&version=9.9.9");
    assertThat(none.status()).isEqualTo(200);
    assertThat(none.json().get("allowed").asBoolean()).isFalse();
    assertThat(none.json().get("record").isNull()).isTrue();
    assertThat(none.json().get("reason").asText()).startsWith("No call on record");
    assertThat(client.get("/api/releases/check?product=newsletter-picks").status()).isEqualTo(400);
    assertThat(client.get("/api/releases/check?version=1.0").status()).isEqualTo(400);
    assertThat(client.get("/api/releases/check?product=gone&version=1.0").status()).isEqualTo(404);
  }
}
