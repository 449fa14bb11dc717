package dev.whodecides.cli;

import static dev.whodecides.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whodecides.CliRun.Run;
import dev.whodecides.rules.BuiltInRules;
import dev.whodecides.rules.RuleDescriptor;
import dev.whodecides.rules.WaiverRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it, on the bundled example. */
class CliTest {

  static final String EXAMPLE = "examples/retail-data-org";


  static JsonNode json(String text) throws Exception {
    return new ObjectMapper().readTree(text);
  }

  @Test
  void theExampleShowsEveryRuleWithRoleAndEvidence() throws Exception {
    // The example ships a verify report, so guarantee-broken shows too.
    Run r = run("lint", EXAMPLE, "--format", "json", "--verified", EXAMPLE + "/verified.json");
    assertThat(r.status()).isEqualTo(1);
    JsonNode root = json(r.out());
    Set<String> rules = new HashSet<>();
    for (JsonNode f : root.get("findings")) {
      rules.add(f.get("rule").asText());
      assertThat(f.get("severity").asText()).isIn("error", "warning", "info");
      assertThat(f.get("file").asText()).startsWith(EXAMPLE + "/");
      assertThat(f.get("line").asInt()).isPositive();
      assertThat(f.get("message").asText()).isNotBlank();
      assertThat(f.get("recommendation").has("role")).isTrue();
      assertThat(f.get("recommendation").get("action").asText()).isNotBlank();
      // Rules about the catalog's form (a schema or reference mistake) cite no podcast.
      boolean form = List.of("invalid-entity", "unknown-reference").contains(f.get("rule").asText());
      assertThat(f.get("evidence").isEmpty()).as(f.get("rule").asText()).isEqualTo(form);
      for (JsonNode e : f.get("evidence")) {
        assertThat(e.get("source").asText()).isNotBlank();
        assertThat(e.get("guest").asText()).isNotBlank();
        assertThat(e.get("from").asText()).matches("\\d+:\\d\\d(:\\d\\d)?");
        assertThat(e.get("to").asText()).matches("\\d+:\\d\\d(:\\d\\d)?");
        assertThat(e.get("url").asText()).startsWith("https://www.youtube.com/watch?v=").matches(".*&t=\\d+s");
      }
    }
    // The example has no configuration, so the rules over waivers have nothing to report; and every
    // team of it has written Decisions, so no-decision-rights has nothing either (its 21 findings are
    // the README's contract; the rule's own fixtures and the generated organization show it).
    assertThat(rules).containsExactlyInAnyOrderElementsOf(BuiltInRules.ALL.stream()
        .filter(rule -> !(rule instanceof WaiverRule)).map(rule -> rule.descriptor().id())
        .filter(id -> !id.equals("no-decision-rights")).toList());
    JsonNode summary = root.get("summary");
    assertThat(summary.get("errors").asInt() + summary.get("warnings").asInt() + summary.get("infos").asInt())
        .isEqualTo(root.get("findings").size());
    assertThat(summary.get("entities").asInt()).isGreaterThan(40);
    assertThat(summary.get("files").asInt()).isGreaterThan(10);
  }

  @Test
  void findingsAreSortedByFileThenLineThenRule() throws Exception {
    JsonNode findings = json(run("lint", EXAMPLE, "--format", "json").out()).get("findings");
    for (int i = 1; i < findings.size(); i++) {
      JsonNode a = findings.get(i - 1);
      JsonNode b = findings.get(i);
      int byFile = a.get("file").asText().compareTo(b.get("file").asText());
      assertThat(byFile).isLessThanOrEqualTo(0);
      if (byFile == 0) {
        assertThat(a.get("line").asInt()).isLessThanOrEqualTo(b.get("line").asInt());
        if (a.get("line").asInt() == b.get("line").asInt()) {
          assertThat(a.get("rule").asText().compareTo(b.get("rule").asText())).isLessThanOrEqualTo(0);
        }
      }
    }
  }

  @Test
  void textGroupsByFileAndEndsWithASummaryWithoutColoursOffTerminal() {
    Run r = run("lint", EXAMPLE);
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.out()).doesNotContain("\u001b[");
    assertThat(r.out()).containsPattern("(?m)^examples/retail-data-org/components/assortment.yaml$");
    assertThat(r.out()).containsPattern("(?m)^  \\d+:\\d+\\s+error\\s+no-ship-authority\\s+Nobody can decide");
    assertThat(r.out()).contains("→ product-owner:").doesNotContain("evidence: Anna Hannemann")
        .contains("evidence, once per rule (--evidence full puts it under every finding):\n")
        .contains("  no-ship-authority (1 finding)\n    Anna Hannemann, \"Product Owners in Data Science\" 15:50-18:25  https://");
    Run full = run("lint", EXAMPLE, "--evidence", "full");
    assertThat(full.out()).contains("→ product-owner:").contains("\n           evidence: Anna Hannemann")
        .doesNotContain("evidence, once per rule");
    Run wrong = run("lint", EXAMPLE, "--evidence", "all");
    assertThat(wrong.status()).isEqualTo(2);
    assertThat(wrong.err()).contains("--evidence").contains("summary, full");
    assertThat(r.out().strip()).containsPattern("findings \\(\\d+ errors, \\d+ warnings, \\d+ info\\) in \\d+ entities from \\d+ files$");
  }

  @Test
  void failOnControlsTheExitStatus() {
    assertThat(run("lint", EXAMPLE, "--fail-on", "never").status()).isZero();
    assertThat(run("lint", "src/test/resources/rules/both-hats/positive.yaml", "--fail-on", "warning").status()).isZero();
    assertThat(run("lint", "src/test/resources/rules/both-hats/positive.yaml", "--fail-on", "error").status()).isZero();
    assertThat(run("lint", "src/test/resources/rules/group-owns-decision/positive.yaml", "--fail-on", "warning")
        .status()).isEqualTo(1);
  }

  @Test
  void badUsageExitsWithTwoAndOneLine() {
    Run missing = run("lint", "no/such/dir");
    assertThat(missing.status()).isEqualTo(2);
    assertThat(missing.err()).contains("no/such/dir").contains("does not exist").doesNotContain("Exception");
    Run format = run("lint", EXAMPLE, "--format", "xml");
    assertThat(format.status()).isEqualTo(2);
    assertThat(format.err()).contains("--format");
    assertThat(run("lint").status()).isEqualTo(2);
    assertThat(run("frobnicate").status()).isEqualTo(2);
    assertThat(run("explain", "nonsense").err()).contains("not a rule, role or decision type");
  }

  @Test
  void outputWritesTheReportToAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("reports/lint.sarif");
    Run r = run("lint", EXAMPLE, "--format", "sarif", "--output", file.toString());
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(json(Files.readString(file)).get("version").asText()).isEqualTo("2.1.0");
  }

  @Test
  void rulesListsEveryRuleWithSeverity() {
    Run r = run("rules");
    assertThat(r.status()).isZero();
    for (RuleDescriptor d : BuiltInRules.descriptors()) {
      assertThat(r.out()).containsPattern("(?m)^" + d.id() + "\\s+" + d.severity().id() + "\\s+\\S");
    }
  }

  @Test
  void explainPrintsCardsWithCitations() {
    Run rule = run("explain", "no-ship-authority");
    assertThat(rule.status()).isZero();
    assertThat(rule.out()).contains("rule no-ship-authority (error)").contains("Anna Hannemann")
        .contains("https://www.youtube.com/watch?v=rTRTjB6cGng&t=950s").contains("docs/rules/no-ship-authority.md");
    Run role = run("explain", "data-product-owner");
    assertThat(role.out()).contains("guarantees").contains("Zhamak Dehghani");
    Run type = run("explain", "release");
    assertThat(type.out()).contains("decision type release").contains("product-owner");
  }

  @Test
  void rolesShowsTitlesDecisionsAndFit() throws Exception {
    JsonNode people = json(run("roles", EXAMPLE, "--format", "json").out()).get("people");
    assertThat(people).isNotEmpty();
    JsonNode lena = null;
    JsonNode jonas = null;
    for (JsonNode p : people) {
      if (p.get("person").asText().equals("user:default/lena.vogel")) {
        lena = p;
      }
      if (p.get("person").asText().equals("user:default/jonas.berg")) {
        jonas = p;
      }
    }
    assertThat(lena).isNotNull();
    assertThat(lena.get("fit").asText()).contains("(both hats)");
    assertThat(jonas.get("title").asText()).isEqualTo("Product Manager");
    assertThat(jonas.get("fit").asText()).isEqualTo("product-owner");
    Run table = run("roles", EXAMPLE);
    assertThat(table.out()).startsWith("PERSON").contains("lena.vogel").contains("both hats");
  }

  @Test
  void rolesExplainWhichDecisionsPointedWhereWithEvidence() throws Exception {
    Map<String, JsonNode> byPerson = new HashMap<>();
    json(run("roles", EXAMPLE, "--format", "json").out()).get("people")
        .forEach(p -> byPerson.put(p.get("person").asText(), p));
    JsonNode ines = byPerson.get("user:default/ines.hartmann");
    assertThat(ines.get("fitRoles").get(0).asText()).isEqualTo("domain-owner");
    JsonNode portfolio = null;
    for (JsonNode d : ines.get("decisions")) {
      if (d.get("type").asText().equals("portfolio")) {
        portfolio = d;
      }
    }
    assertThat(portfolio.get("role").asText()).isEqualTo("domain-owner");
    assertThat(portfolio.get("reason").asText()).contains("spans 2 teams").contains("group:default/personalization");
    JsonNode clara = byPerson.get("user:default/clara.nunes");
    assertThat(clara.get("fit").asText()).startsWith("data-product-owner");
    boolean crossDomain = false;
    for (JsonNode d : clara.get("decisions")) {
      crossDomain |= d.get("type").asText().equals("guarantees")
          && d.get("reason").asText().startsWith("another domain consumes the data");
    }
    assertThat(crossDomain).isTrue();
    JsonNode explanation = byPerson.get("user:default/lena.vogel").get("explanation");
    assertThat(explanation).hasSize(2);
    for (JsonNode e : explanation) {
      assertThat(e.get("decisions")).isNotEmpty();
      assertThat(e.get("evidence")).isNotEmpty();
      assertThat(e.get("evidence").get(0).get("url").asText()).startsWith("https://www.youtube.com/watch?v=");
    }
    String text = run("roles", EXAMPLE).out();
    assertThat(text).contains("WHY").contains("release @ ").contains("-> product-owner: release is a product-owner decision")
        .contains("evidence for domain-owner: ");
  }

  @Test
  void portfolioOverOneTeamIsStaffingAndLocalGuaranteesCountByType() throws Exception {
    Map<String, JsonNode> byPerson = new HashMap<>();
    json(run("roles", "src/test/resources/roles/portfolio-and-guarantees.yaml", "--format", "json").out())
        .get("people").forEach(p -> byPerson.put(p.get("person").asText(), p));
    assertThat(byPerson.get("user:default/kim").get("fit").asText()).isEqualTo("product-owner");
    assertThat(byPerson.get("user:default/kim").get("decisions").get(0).get("reason").asText())
        .contains("one team only");
    assertThat(byPerson.get("user:default/ana").get("fit").asText()).isEqualTo("domain-owner");
    JsonNode dev = byPerson.get("user:default/dev");
    assertThat(dev.get("fit").asText()).isEqualTo("data-product-owner");
    assertThat(dev.get("decisions").get(0).get("reason").asText()).startsWith("no other domain reads");
  }

  @Test
  void manualFixVolumeIsConfigurable() throws Exception {
    Set<String> low = new HashSet<>();
    json(run("lint", EXAMPLE, "--format", "json", "--manual-fix-volume", "100").out()).get("findings")
        .forEach(f -> low.add(f.get("rule").asText()));
    assertThat(low).doesNotContain("manual-fix-suffices");
    Set<String> high = new HashSet<>();
    json(run("lint", EXAMPLE, "--format", "json", "--manual-fix-volume", "200000").out()).get("findings")
        .forEach(f -> {
          if (f.get("rule").asText().equals("manual-fix-suffices")) {
            high.add(f.get("entity").asText());
          }
        });
    assertThat(high).contains("usecase:default/supplier-name-matching", "usecase:default/fresh-markdown-forecast");
    Run bad = run("lint", EXAMPLE, "--manual-fix-volume", "-5");
    assertThat(bad.status()).isEqualTo(2);
    assertThat(bad.err()).contains("--manual-fix-volume").doesNotContain("Exception");
  }

  @Test
  void generateWritesALintableOrganization(@TempDir Path dir) throws Exception {
    Run g = run("generate", "--entities", "2000", "--out", dir.toString());
    assertThat(g.status()).isZero();
    JsonNode root = json(run("lint", dir.toString(), "--format", "json").out());
    assertThat(root.get("summary").get("entities").asInt()).isBetween(1800, 2200);
    Set<String> rules = new HashSet<>();
    root.get("findings").forEach(f -> rules.add(f.get("rule").asText()));
    assertThat(rules).contains("no-ship-authority", "no-roadmap-owner", "no-guarantees", "duplicated-work",
        "both-hats", "title-mismatch").doesNotContain("invalid-entity", "unknown-reference");
  }

  @Test
  void theExampleReadmeListsExactlyTheFindingsTheExampleGives() throws Exception {
    Set<String> documented = new HashSet<>();
    Matcher m = Pattern
        .compile("(?m)^\\| `([a-z-]+)` \\| (error|warning|info) \\| `([^`]+)`")
        .matcher(Files.readString(Path.of(EXAMPLE, "README.md")));
    while (m.find()) {
      documented.add(m.group(1) + " " + m.group(2) + " " + m.group(3));
    }
    Set<String> actual = new HashSet<>();
    for (JsonNode f : json(run("lint", EXAMPLE, "--format", "json", "--verified", EXAMPLE + "/verified.json").out())
        .get("findings")) {
      actual.add(f.get("rule").asText() + " " + f.get("severity").asText() + " " + f.get("entity").asText());
    }
    assertThat(documented).isEqualTo(actual);
  }

  @Test
  void theReadmeShowsWhatItsFirstCommandPrints() throws Exception {
    Run r = run("lint", EXAMPLE, "--verified", EXAMPLE + "/verified.json");
    String summary = r.out().strip().lines().reduce((a, b) -> b).orElseThrow();
    String readme = Files.readString(Path.of("README.md"));
    assertThat(readme).contains("./whodecides lint " + EXAMPLE + " --verified " + EXAMPLE + "/verified.json")
        .contains(summary);
    // Every line of the shortened sample is a line the command prints, in the same order.
    int from = readme.indexOf("```text\n", readme.indexOf("What the first command prints (shortened):"));
    List<String> sample = readme.substring(from + 8, readme.indexOf("```", from + 8)).lines()
        .filter(l -> !l.equals("...")).toList();
    assertThat(sample).hasSizeGreaterThan(5);
    assertThat(r.out().lines().toList()).containsSubsequence(sample);
  }

  @Test
  void explainAsJsonIsTheCardTheTextShows() throws Exception {
    Run text = run("explain", "data-product-owner");
    JsonNode card = json(run("explain", "data-product-owner", "--format", "json").out());
    assertThat(card.path("kind").asText()).isEqualTo("role");
    assertThat(text.out()).startsWith("role data-product-owner: " + card.path("name").asText());
    assertThat(card.path("decides").toString()).isEqualTo("[\"guarantees\",\"access-path\"]");
    JsonNode claim = card.path("evidence").get(0);
    assertThat(text.out()).contains(claim.path("citations").get(0).path("url").asText());
    Run unknown = run("explain", "nonsense", "--format", "json");
    assertThat(unknown.status()).isEqualTo(2);
    assertThat(unknown.out()).isEmpty();
  }

  @Test
  void mcpRefusesWhatItCannotServeBeforeReadingStdin() {
    Run none = run("mcp");
    assertThat(none.status()).isEqualTo(2);
    assertThat(none.err()).contains("give catalog files or directories, or --backstage URL");
    Run missing = run("mcp", "no/such/dir");
    assertThat(missing.status()).isEqualTo(2);
    assertThat(missing.err()).contains("none of the paths exist");
    Run archive = run("mcp", EXAMPLE, "--archive", "no/such/podcast");
    assertThat(archive.status()).isEqualTo(2);
    assertThat(archive.err()).contains("--archive no/such/podcast is not a folder");
    assertThat(run("mcp", EXAMPLE, "--backstage", "not a url").status()).isEqualTo(2);
    assertThat(none.out() + missing.out() + archive.out()).isEmpty();
  }
}
