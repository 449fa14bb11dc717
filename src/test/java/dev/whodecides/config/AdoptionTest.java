package dev.whodecides.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whodecides.CliRun;
import dev.whodecides.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adopting whodecides the way a team would, on a copy of examples/retail-data-org: write the
 * configuration, waive a finding, let a waiver expire, write a baseline, then change a file and see
 * only the new finding fail.
 */
class AdoptionTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static final String CONFIG = """
      rules:
        no-roadmap-owner: warning
        manual-fix-suffices: {volume: 300}
      external:
        - user:default/max.*
      exclude: ["broken/**"]
      waivers:
        - rule: no-ship-authority
          entity: component:default/assortment-*
          reason: Sunset in March; nobody ships it any more
          by: user:default/priya.natarajan
          until: 2027-03-31
        - rule: no-guarantees
          entity: resource:newsletter-clicks
          reason: The newsletter stops at the end of January
          by: user:default/priya.natarajan
          until: 2027-01-31
        - rule: missing-skill
          entity: usecase:default/shelf-*
          reason: Nobody works on it yet
          by: user:default/priya.natarajan
          until: 2027-03-31
      """;

  @TempDir Path org;

  @BeforeEach
  void copyTheExample() throws IOException {
    TestFiles.copyTree(Path.of("examples/retail-data-org"), org);
    Files.createDirectories(org.resolve(".git"));
    Files.writeString(org.resolve(".whodecides.yaml"), CONFIG);
  }

  private JsonNode lint(int expectedStatus, String... extra) throws IOException {
    List<String> args = new ArrayList<>(List.of("lint", org.toString(), "--format", "json"));
    args.addAll(List.of(extra));
    CliRun.Run run = CliRun.run(args.toArray(String[]::new));
    assertThat(run.status()).as(run.err()).isEqualTo(expectedStatus);
    return JSON.readTree(run.out());
  }

  private static List<JsonNode> of(JsonNode list, String rule) {
    List<JsonNode> out = new ArrayList<>();
    list.forEach(f -> {
      if (f.get("rule").asText().equals(rule)) {
        out.add(f);
      }
    });
    return out;
  }

  private static boolean has(JsonNode list, String rule, String entity) {
    return of(list, rule).stream().anyMatch(f -> entity.equals(f.get("entity").asText(null)));
  }

  @Test
  void theConfigurationShapesTheRun() throws IOException {
    JsonNode before = JSON.readTree(CliRun.run("lint", org.toString(), "--format", "json", "--config",
        Files.writeString(org.resolve("empty.yml"), "{}\n").toString()).out());
    JsonNode r = lint(1, "--today", "2026-12-01");
    // no-roadmap-owner is an error by default, a warning here.
    assertThat(of(before.get("findings"), "no-roadmap-owner")).allMatch(f -> f.get("severity").asText().equals("error"));
    assertThat(of(r.get("findings"), "no-roadmap-owner")).isNotEmpty()
        .allMatch(f -> f.get("severity").asText().equals("warning"));
    // 350 items is above the configured 300: no manual-fix-suffices; by default (1000) there is one.
    assertThat(has(before.get("findings"), "manual-fix-suffices", "usecase:default/supplier-name-matching")).isTrue();
    assertThat(of(r.get("findings"), "manual-fix-suffices")).isEmpty();
    // The flag overrides the file.
    assertThat(of(lint(1, "--today", "2026-12-01", "--manual-fix-volume", "400").get("findings"),
        "manual-fix-suffices")).hasSize(1);
    // max.mueller lives in another system: no unknown-reference.
    assertThat(has(before.get("findings"), "unknown-reference", "user:default/max.mueller")).isTrue();
    assertThat(of(r.get("findings"), "unknown-reference")).isEmpty();
    // broken/ is excluded: its invalid Decision is not read.
    assertThat(of(before.get("findings"), "invalid-entity")).isNotEmpty();
    assertThat(of(r.get("findings"), "invalid-entity")).isEmpty();
    assertThat(r.get("summary").get("files").asInt()).isEqualTo(before.get("summary").get("files").asInt() - 1);
  }

  @Test
  void waiversMoveFindingsApartUntilTheyExpire() throws IOException {
    JsonNode r = lint(1, "--today", "2026-12-01");
    String config = org.resolve(".whodecides.yaml").toString();
    assertThat(has(r.get("findings"), "no-ship-authority", "component:default/assortment-optimizer")).isFalse();
    JsonNode waived = r.get("waived");
    assertThat(waived).hasSize(2);
    JsonNode w = of(waived, "no-ship-authority").get(0);
    assertThat(w.get("entity").asText()).isEqualTo("component:default/assortment-optimizer");
    assertThat(w.get("fingerprint").asText()).matches("[0-9a-f]{16}");
    assertThat(w.get("waiver").get("reason").asText()).isEqualTo("Sunset in March; nobody ships it any more");
    assertThat(w.get("waiver").get("by").asText()).isEqualTo("user:default/priya.natarajan");
    assertThat(w.get("waiver").get("until").asText()).isEqualTo("2027-03-31");
    assertThat(w.get("waiver").get("file").asText()).isEqualTo(config);
    assertThat(w.get("waiver").get("line").asInt()).isEqualTo(8);
    assertThat(r.get("summary").get("waived").asInt()).isEqualTo(2);
    // The use case matching shelf-* has no missing-skill finding: that waiver is unused.
    List<JsonNode> unused = of(r.get("findings"), "unused-waiver");
    assertThat(unused).hasSize(1);
    assertThat(unused.get(0).get("file").asText()).isEqualTo(config);
    assertThat(unused.get(0).get("line").asInt()).isEqualTo(18);
    assertThat(unused.get(0).get("severity").asText()).isEqualTo("info");
    assertThat(of(r.get("findings"), "expired-waiver")).isEmpty();

    // Two months on, the newsletter waiver has run out: its finding is back, and the waiver is reported.
    JsonNode later = lint(1, "--today", "2027-02-01");
    assertThat(has(later.get("findings"), "no-guarantees", "resource:default/newsletter-clicks")).isTrue();
    List<JsonNode> expired = of(later.get("findings"), "expired-waiver");
    assertThat(expired).hasSize(1);
    assertThat(expired.get(0).get("line").asInt()).isEqualTo(13);
    assertThat(expired.get(0).get("severity").asText()).isEqualTo("warning");
    assertThat(expired.get(0).get("message").asText()).contains("ran out on 2027-01-31");
    assertThat(later.get("waived")).hasSize(1);

    // SARIF keeps waived results, marked as accepted suppressions.
    CliRun.Run sarif = CliRun.run("lint", org.toString(), "--format", "sarif", "--today", "2026-12-01");
    List<JsonNode> suppressed = new ArrayList<>();
    JSON.readTree(sarif.out()).get("runs").get(0).get("results").forEach(res -> {
      if (res.has("suppressions")) {
        suppressed.add(res);
      }
    });
    assertThat(suppressed).hasSize(2);
    JsonNode s = suppressed.stream().filter(res -> res.get("ruleId").asText().equals("no-ship-authority"))
        .findFirst().orElseThrow().get("suppressions").get(0);
    assertThat(s.get("kind").asText()).isEqualTo("external");
    assertThat(s.get("status").asText()).isEqualTo("accepted");
    assertThat(s.get("justification").asText()).isEqualTo("Sunset in March; nobody ships it any more");

    // The text report ends with one line per waiver in force.
    List<String> text = CliRun.run("lint", org.toString(), "--today", "2026-12-01").out().strip().lines().toList();
    assertThat(text.subList(text.size() - 2, text.size())).containsExactly(
        "waived: " + config + ":8:5  no-ship-authority  component:default/assortment-*  1 finding until 2027-03-31"
            + " by user:default/priya.natarajan: Sunset in March; nobody ships it any more",
        "waived: " + config + ":13:5  no-guarantees  resource:newsletter-clicks  1 finding until 2027-01-31"
            + " by user:default/priya.natarajan: The newsletter stops at the end of January");
  }

  @Test
  void withABaselineOnlyNewFindingsFail() throws IOException {
    Path baseline = org.resolve("whodecides-baseline.json");
    JsonNode first = lint(0, "--today", "2026-12-01", "--write-baseline", baseline.toString());
    int count = first.get("findings").size();
    assertThat(first.get("summary").get("unchanged").asInt()).isEqualTo(count);
    // The file: sorted fingerprints, rule and entity beside each, one finding per line.
    List<String> lines = Files.readAllLines(baseline);
    List<String> entries = lines.stream().filter(l -> l.contains("\"fingerprint\"")).toList();
    assertThat(entries).hasSize(count).isSorted();
    assertThat(entries).allMatch(l -> l.matches("\\s*\\{\"fingerprint\":\"[0-9a-f]{16}\",\"rule\":\"[a-z-]+\",\"entity\":.*\\},?"));

    JsonNode same = lint(0, "--today", "2026-12-01", "--baseline", baseline.toString());
    assertThat(same.get("findings")).allMatch(f -> f.get("baselineState").asText().equals("unchanged"));
    assertThat(same.get("summary").get("new").asInt()).isZero();
    assertThat(same.get("summary").get("absent").asInt()).isZero();

    // A pull request moves lines in one file and removes Lena Vogel as the markdown model's release owner.
    Path users = org.resolve("org/users.yaml");
    Files.writeString(users, "# Reordered by HR\n\n\n" + Files.readString(users));
    Path decisions = org.resolve("decisions/commercial.yaml");
    String text = Files.readString(decisions);
    assertThat(text).contains("  scope: component:markdown-pricing\n  owner: user:lena.vogel\n  consulted: [user:david.okafor]");
    Files.writeString(decisions, text.replace(
        "  scope: component:markdown-pricing\n  owner: user:lena.vogel\n  consulted: [user:david.okafor]",
        "  scope: component:markdown-pricing\n  consulted: [user:david.okafor]"));

    JsonNode after = lint(1, "--today", "2026-12-01", "--baseline", baseline.toString());
    List<JsonNode> fresh = new ArrayList<>();
    after.get("findings").forEach(f -> {
      if (f.get("baselineState").asText().equals("new")) {
        fresh.add(f);
      }
    });
    // New: nobody can ship the markdown model, and Lena's Product Owner title now fits only her roadmap decision.
    assertThat(fresh.stream().map(f -> f.get("rule").asText() + " " + f.get("entity").asText()).toList())
        .containsExactlyInAnyOrder("no-ship-authority component:default/markdown-pricing",
            "title-mismatch user:default/lena.vogel");
    // Lena no longer holds both hats: that finding is the one gone from the baseline's list.
    assertThat(has(after.get("findings"), "both-hats", "user:default/lena.vogel")).isFalse();
    assertThat(after.get("summary").get("new").asInt()).isEqualTo(2);
    assertThat(after.get("summary").get("absent").asInt()).isEqualTo(1);
    assertThat(after.get("summary").get("unchanged").asInt()).isEqualTo(count - 1);
    // The findings in org/users.yaml moved three lines down and keep their identity.
    JsonNode jonas = of(after.get("findings"), "title-mismatch").stream()
        .filter(f -> f.get("entity").asText().equals("user:default/jonas.berg")).findFirst().orElseThrow();
    assertThat(jonas.get("baselineState").asText()).isEqualTo("unchanged");
    assertThat(jonas.get("line").asInt()).isEqualTo(of(first.get("findings"), "title-mismatch").get(0).get("line").asInt() + 3);

    // --fail-on counts new findings only: the new one is an error, so warning and error fail, never passes.
    lint(1, "--today", "2026-12-01", "--baseline", baseline.toString(), "--fail-on", "warning");
    lint(0, "--today", "2026-12-01", "--baseline", baseline.toString(), "--fail-on", "never");
    // SARIF speaks the same words.
    CliRun.Run sarif = CliRun.run("lint", org.toString(), "--format", "sarif", "--today", "2026-12-01", "--baseline",
        baseline.toString());
    List<String> states = new ArrayList<>();
    JSON.readTree(sarif.out()).get("runs").get(0).get("results").forEach(res -> {
      // Waived results are suppressed and kept out of baselines, so they carry no baselineState.
      assertThat(res.has("baselineState")).isNotEqualTo(res.has("suppressions"));
      if (res.has("baselineState")) {
        states.add(res.get("baselineState").asText());
      }
    });
    assertThat(states).hasSize(count + 1).containsOnly("new", "unchanged").filteredOn("new"::equals).hasSize(2);
  }

  @Test
  void aBrokenBaselineIsExit2(@TempDir Path dir) throws IOException {
    Path bad = Files.writeString(dir.resolve("b.json"), "{\"findings\": 3}");
    CliRun.Run run = CliRun.run("lint", org.toString(), "--baseline", bad.toString());
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).startsWith("whodecides: " + bad + " is not a whodecides baseline").doesNotContain("\tat ");
  }
}
