package dev.whodecides.cli;

import static dev.whodecides.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whodecides.CliRun.Run;
import dev.whodecides.catalog.CatalogLoader;
import dev.whodecides.store.Store;
import dev.whodecides.web.ServiceApp;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decisions that stay true, end to end: the example's stale Decision is reported at its reviewBy
 * line from the day after the date, the overview counts it, and a starter catalog written by
 * assess comes due six months after the day it was written.
 */
class StaleDecisionCliTest {

  static final String EXAMPLE = "examples/retail-data-org";

  @TempDir Path dir;

  static List<JsonNode> stale(Run r) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode f : new ObjectMapper().readTree(r.out()).get("findings")) {
      if (f.get("rule").asText().equals("stale-decision")) {
        out.add(f);
      }
    }
    return out;
  }

  @Test
  void theExampleHasOneStaleDecisionFromTheDayAfterItsReviewDate() throws Exception {
    assertThat(stale(run("lint", EXAMPLE, "--format", "json", "--today", "2026-03-31"))).isEmpty();
    List<JsonNode> found = stale(run("lint", EXAMPLE, "--format", "json", "--today", "2026-04-01"));
    assertThat(found).hasSize(1);
    JsonNode f = found.get(0);
    assertThat(f.get("severity").asText()).isEqualTo("warning");
    assertThat(f.get("entity").asText()).isEqualTo("decision:default/customer-transactions-compliance");
    assertThat(f.get("file").asText()).isEqualTo(EXAMPLE + "/decisions/data-platform.yaml");
    List<String> lines = Files.readAllLines(Path.of(EXAMPLE, "decisions/data-platform.yaml"));
    assertThat(lines.get(f.get("line").asInt() - 1)).startsWith("  reviewBy: 2026-03-31");
    assertThat(f.get("column").asInt()).isEqualTo(13);
    assertThat(f.get("message").asText()).isEqualTo("The compliance decision for resource:default/customer-transactions"
        + " was due for review on 2026-03-31 (1 day ago): user:default/clara.nunes should re-confirm that they still"
        + " hold it, or name who does now.");
    assertThat(f.get("recommendation").get("action").asText()).contains("set reviewBy to 2026-10-01");
    assertThat(f.get("evidence")).isNotEmpty();
  }

  @Test
  void theOverviewCountsStaleDecisions() throws Exception {
    var catalog = CatalogLoader.load(List.of(Path.of(EXAMPLE)));
    Javalin app = new ServiceApp(() -> catalog, Store.open(dir.resolve("s.db").toString(), null), Clock.systemUTC())
        .create().start("127.0.0.1", 0);
    try {
      String page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
          + app.port() + "/")).build(), HttpResponse.BodyHandlers.ofString()).body();
      // The example's review date lies in the past of any day these tests run on.
      assertThat(page).contains("<a class=\"tile\" href=\"/findings?rule=stale-decision\"><span class=\"num warn\">1"
          + "</span> stale decisions to re-confirm</a>");
    } finally {
      app.stop();
    }
  }

  @Test
  void assessWritesReviewDatesSixMonthsAheadThatComeDueThen() throws Exception {
    Path answers = Files.writeString(dir.resolve("answers.yaml"), AssessTest.ANSWERS);
    Path out = dir.resolve("starter");
    Run written = run("assess", "--answers", answers.toString(), "--write", out.toString(), "--team", "pricing",
        "--today", "2026-06-01");
    assertThat(written.status()).as(written.err()).isIn(0, 1);
    String yaml = Files.readString(out.resolve("whodecides.yaml"));
    assertThat(yaml).contains("  reviewBy: 2026-12-01");
    int decisions = yaml.split("kind: Decision", -1).length - 1;
    assertThat(decisions).isPositive();
    assertThat(yaml.split("reviewBy: 2026-12-01", -1).length - 1).isEqualTo(decisions);
    assertThat(stale(run("lint", out.toString(), "--format", "json", "--today", "2026-12-01"))).isEmpty();
    assertThat(stale(run("lint", out.toString(), "--format", "json", "--today", "2026-12-02"))).hasSize(decisions)
        .allSatisfy(f -> assertThat(f.get("message").asText()).contains("it names no owner"));
  }

  @Test
  void aReviewDateThatIsNoDateIsAnInvalidEntity() throws Exception {
    Path file = Files.writeString(dir.resolve("d.yaml"), """
        apiVersion: whodecides.dev/v1
        kind: Decision
        metadata: {name: d}
        spec: {type: release, scope: component:x, reviewBy: next spring}
        """);
    Run r = run("lint", file.toString(), "--format", "json");
    assertThat(r.out()).contains("spec.reviewBy 'next spring' is not a date; write it YYYY-MM-DD");
  }
}
