package dev.whodecides.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whodecides.catalog.CatalogLoader;
import dev.whodecides.config.Config;
import dev.whodecides.config.ConfigReader;
import dev.whodecides.rules.Baseline;
import dev.whodecides.rules.LintOptions;
import dev.whodecides.rules.LintResult;
import dev.whodecides.rules.Linter;
import dev.whodecides.store.Store;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service shows waived and baselined findings apart, and /api/findings filters by state. */
class ServiceStatesTest {

  static final Path EXAMPLE = Path.of("examples/retail-data-org");

  @Test
  void findingsByStateAndThePageShowsThemApart(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve(".whodecides.yaml"), """
        waivers:
          - rule: no-ship-authority
            entity: component:default/assortment-*
            reason: Sunset in March; nobody ships it any more
            by: user:default/priya.natarajan
            until: 2027-03-31
        """);
    Config config = ConfigReader.read(file);
    LocalDate day = LocalDate.of(2026, 12, 1);
    Function<dev.whodecides.catalog.Catalog, LintResult> plain =
        c -> Linter.lint(c, LintOptions.defaults().with(config.policy(day)));
    // The baseline knows today's findings except the title-mismatch ones, which stand in for new ones.
    LintResult today = plain.apply(CatalogLoader.load(EXAMPLE));
    Baseline baseline = Baseline.of(today.findings().stream().filter(f -> !f.rule().equals("title-mismatch")).toList());
    long fresh = today.findings().stream().filter(f -> f.rule().equals("title-mismatch")).count();
    assertThat(fresh).isPositive();

    Store store = Store.open(dir.resolve("r.db").toString(), null);
    Javalin app = new ServiceApp(new CatalogSource(List.of(EXAMPLE)), c -> plain.apply(c).against(baseline), store,
        Clock.systemUTC(), false).create().start("127.0.0.1", 0);
    try {
      JsonNode neu = get(app, "/api/findings?state=new&limit=500").json();
      assertThat(rules(neu.get("findings"))).containsOnly("title-mismatch").hasSize((int) fresh);
      assertThat(neu.get("findings")).allMatch(f -> f.get("baselineState").asText().equals("new"));
      assertThat(neu.get("summary").get("new").asLong()).isEqualTo(fresh);

      JsonNode unchanged = get(app, "/api/findings?state=unchanged&limit=500").json();
      assertThat(unchanged.get("findings")).hasSize(today.findings().size() - (int) fresh)
          .allMatch(f -> f.get("baselineState").asText().equals("unchanged"));

      JsonNode waived = get(app, "/api/findings?state=waived").json();
      assertThat(waived.get("findings")).hasSize(1);
      JsonNode w = waived.get("findings").get(0);
      assertThat(w.get("entity").asText()).isEqualTo("component:default/assortment-optimizer");
      assertThat(w.get("waiver").get("reason").asText()).isEqualTo("Sunset in March; nobody ships it any more");
      assertThat(w.get("waiver").get("until").asText()).isEqualTo("2027-03-31");

      assertThat(get(app, "/api/findings?state=gone").status()).isEqualTo(400);

      String page = get(app, "/findings").body();
      int baselined = page.indexOf("Unchanged since the baseline (" + (today.findings().size() - fresh) + ")");
      int waivedAt = page.indexOf("Waived (1)");
      assertThat(baselined).isPositive();
      assertThat(waivedAt).isGreaterThan(baselined);
      // The table that counts holds only the new findings; the waiver's reason shows in the waived table.
      String counting = page.substring(0, baselined);
      assertThat(counting).contains("title-mismatch").doesNotContain("<code>no-guarantees</code>");
      assertThat(page.substring(waivedAt)).contains("Sunset in March; nobody ships it any more")
          .contains("user:default/priya.natarajan").contains("2027-03-31");
    } finally {
      app.stop();
    }
  }

  @Test
  void newAndUnchangedNeedABaseline(@TempDir Path dir) throws Exception {
    Store store = Store.open(dir.resolve("r.db").toString(), null);
    Javalin app = new ServiceApp(new CatalogSource(List.of(EXAMPLE)), store, Clock.systemUTC()).create()
        .start("127.0.0.1", 0);
    try {
      ServiceClient.Reply r = get(app, "/api/findings?state=new");
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.body()).contains("serve --baseline FILE");
      assertThat(get(app, "/api/findings?state=waived").json().get("findings")).isEmpty();
      assertThat(get(app, "/findings").body()).doesNotContain("Unchanged since the baseline").doesNotContain("Waived (");
    } finally {
      app.stop();
    }
  }

  private static ServiceClient.Reply get(Javalin app, String path) {
    return new ServiceClient(app).request("GET", path).send();
  }

  private static List<String> rules(JsonNode findings) {
    List<String> out = new ArrayList<>();
    findings.forEach(f -> out.add(f.get("rule").asText()));
    return out;
  }
}
