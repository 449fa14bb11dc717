package dev.whodecides.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whodecides.store.Store;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Findings and matrix rows come a page at a time, with filters, and the pages add up to the whole. */
class ServicePagingTest {

  @TempDir static Path dir;
  static Javalin app;
  static ServiceClient client;

  @BeforeAll
  static void start() {
    app = new ServiceApp(new CatalogSource(List.of(Path.of("examples/retail-data-org"))),
        Store.open(dir.resolve("p.db").toString(), null), Clock.systemUTC()).create().start("127.0.0.1", 0);
    client = new ServiceClient(app);
  }

  @AfterAll
  static void stop() {
    app.stop();
  }

  @Test
  void walkingTheNextLinksVisitsEveryFindingOnce() throws Exception {
    JsonNode first = client.get("/api/findings?limit=4").json();
    int total = first.get("page").get("total").asInt();
    JsonNode s = first.get("summary");
    assertThat(total).isEqualTo(s.get("errors").asInt() + s.get("warnings").asInt() + s.get("infos").asInt())
        .isGreaterThan(8);
    assertThat(first.get("findings")).hasSize(4);
    Set<String> seen = new HashSet<>();
    String next = "/api/findings?limit=4";
    int pages = 0;
    while (next != null) {
      JsonNode page = client.get(next).json();
      page.get("findings").forEach(f -> seen.add(f.toString()));
      next = page.get("page").get("next").isNull() ? null : page.get("page").get("next").asText();
      pages++;
    }
    assertThat(seen).hasSize(total);
    assertThat(pages).isEqualTo((total + 3) / 4);
    assertThat(client.get("/api/findings?limit=4").header("Link"))
        .hasValue("</api/findings?offset=4&limit=4>; rel=\"next\"");
  }

  @Test
  void filtersNarrowTheTotalAndKeepTheSummaryWhole() throws Exception {
    JsonNode errors = client.get("/api/findings?severity=error&limit=1000").json();
    assertThat(errors.get("page").get("total").asInt()).isEqualTo(errors.get("summary").get("errors").asInt());
    errors.get("findings").forEach(f -> assertThat(f.get("severity").asText()).isEqualTo("error"));
    JsonNode rule = client.get("/api/findings?rule=no-ship-authority").json();
    assertThat(rule.get("findings")).isNotEmpty()
        .allSatisfy(f -> assertThat(f.get("rule").asText()).isEqualTo("no-ship-authority"));
    JsonNode entity = client.get("/api/findings?entity=component:default/assortment-optimizer").json();
    List<String> rules = new ArrayList<>();
    entity.get("findings").forEach(f -> rules.add(f.get("rule").asText()));
    assertThat(rules).contains("no-ship-authority");
    JsonNode shortRef = client.get("/api/findings?entity=assortment-optimizer").json();
    assertThat(shortRef.get("findings")).isEqualTo(entity.get("findings"));
    assertThat(client.get("/api/findings?entity=component:default/nope").status()).isEqualTo(404);
    JsonNode nextKeepsFilter = client.get("/api/findings?severity=warning&limit=1").json();
    assertThat(nextKeepsFilter.get("page").get("next").asText()).isEqualTo("/api/findings?severity=warning&offset=1&limit=1");
  }

  @Test
  void theMatrixIsPagedToo() throws Exception {
    JsonNode all = client.get("/api/matrix").json();
    int total = all.get("page").get("total").asInt();
    assertThat(all.get("rows")).hasSize(total);
    JsonNode second = client.get("/api/matrix?offset=1&limit=1").json();
    assertThat(second.get("rows")).hasSize(1);
    assertThat(second.get("rows").get(0).get("ref")).isEqualTo(all.get("rows").get(1).get("ref"));
  }

  @Test
  void badPagingIsA400ThatSaysWhatIsAllowed() throws Exception {
    for (String q : List.of("limit=0", "limit=1001", "limit=x", "offset=-1", "severity=fatal")) {
      ServiceClient.Reply r = client.get("/api/findings?" + q);
      assertThat(r.status()).as(q).isEqualTo(400);
      assertThat(r.json().get("error").asText()).as(q).containsAnyOf("whole number from", "error, warning or info");
    }
    assertThat(client.get("/api/matrix?limit=5000").status()).isEqualTo(400);
  }
}
