package dev.whodecides.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whodecides.catalog.CatalogLoader;
import dev.whodecides.guarantees.VerifyReportReader;
import dev.whodecides.rules.BuiltInRules;
import dev.whodecides.rules.Finding;
import dev.whodecides.rules.LintOptions;
import dev.whodecides.rules.LintResult;
import dev.whodecides.rules.WaiverRule;
import dev.whodecides.rules.Linter;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The machine formats carry what their consumers (GitHub code scanning, people in a PR) need. */
class FormatsTest {

  static LintResult result;

  @BeforeAll
  static void lintExample() throws IOException {
    // With the example's verify report, as the example README runs it, so guarantee-broken shows too.
    result = Linter.lint(CatalogLoader.load(List.of(Path.of("examples/retail-data-org"))),
        new LintOptions(LintOptions.DEFAULT_DUPLICATE_THRESHOLD,
            VerifyReportReader.verified(VerifyReportReader.read(Files.readString(Path.of("examples/retail-data-org/verified.json"))))));
  }

  @Test
  void sarifHasWhatGitHubCodeScanningReads() throws Exception {
    String base = "https://example.org/whodecides/docs/rules/";
    JsonNode root = new ObjectMapper().readTree(new SarifFormatter(base, "0.1.0").format(result));
    assertThat(root.get("version").asText()).isEqualTo("2.1.0");
    assertThat(root.get("$schema").asText()).contains("sarif");
    JsonNode run = root.get("runs").get(0);
    JsonNode driver = run.get("tool").get("driver");
    assertThat(driver.get("name").asText()).isEqualTo("whodecides");
    JsonNode rules = driver.get("rules");
    assertThat(rules).hasSize(BuiltInRules.ALL.size());
    Set<String> ids = new HashSet<>();
    for (JsonNode rule : rules) {
      ids.add(rule.get("id").asText());
      assertThat(rule.get("shortDescription").get("text").asText()).isNotBlank();
      assertThat(rule.get("fullDescription").get("text").asText()).isNotBlank();
      if (BuiltInRules.byId(rule.get("id").asText()).orElseThrow().descriptor().cites()) {
        assertThat(rule.get("help").get("text").asText()).contains("youtube.com");
        assertThat(rule.get("help").get("markdown").asText()).contains("](https://www.youtube.com/");
      } else {
        assertThat(rule.get("help").get("markdown").asText()).doesNotContain("Evidence");
      }
      URI help = URI.create(rule.get("helpUri").asText());
      assertThat(help.isAbsolute()).isTrue();
      assertThat(help.toString()).isEqualTo(base + rule.get("id").asText() + ".md");
      assertThat(rule.get("defaultConfiguration").get("level").asText()).isIn("error", "warning", "note");
    }
    JsonNode results = run.get("results");
    assertThat(results).hasSize(result.findings().size());
    for (JsonNode r : results) {
      assertThat(ids).contains(r.get("ruleId").asText());
      assertThat(rules.get(r.get("ruleIndex").asInt()).get("id").asText()).isEqualTo(r.get("ruleId").asText());
      assertThat(r.get("level").asText()).isIn("error", "warning", "note");
      assertThat(r.get("message").get("text").asText()).isNotBlank();
      JsonNode loc = r.get("locations").get(0).get("physicalLocation");
      String uri = loc.get("artifactLocation").get("uri").asText();
      assertThat(uri).doesNotStartWith("/").startsWith("examples/retail-data-org/");
      assertThat(Path.of(uri)).isRegularFile();
      assertThat(loc.get("region").get("startLine").asInt()).isPositive();
      assertThat(loc.get("region").get("startColumn").asInt()).isPositive();
      assertThat(r.get("partialFingerprints").size()).isPositive();
    }
  }

  @Test
  void markdownGroupsByRuleWithLinksToPagesAndEvidence() {
    String md = new MarkdownFormatter("https://example.org/rules/").format(result);
    assertThat(md).startsWith("## whodecides");
    // The example has no configuration, so the rules over waivers have nothing to report, and all
    // of its teams have Decisions, so no-decision-rights has nothing either.
    for (var d : BuiltInRules.ALL.stream().filter(r -> !(r instanceof WaiverRule)).map(r -> r.descriptor())
        .filter(d -> !d.id().equals("no-decision-rights")).toList()) {
      assertThat(md).contains("[`" + d.id() + "`](https://example.org/rules/" + d.id() + ".md)");
    }
    assertThat(md).contains("**product-owner**:").contains("](https://www.youtube.com/watch?v=");
    assertThat(md.lines().filter(l -> l.startsWith("- **`")).count()).isEqualTo(result.findings().size());
  }

  @Test
  void textCanBeColouredForTerminals() {
    assertThat(new TextFormatter(true).format(result)).contains("\u001b[31m");
    assertThat(new TextFormatter(false).format(result)).doesNotContain("\u001b[");
  }

  @Test
  void textCitesEachRulesEvidenceOnceAtTheEndAndFullUnderEveryFinding() {
    String summary = new TextFormatter(false).format(result);
    String full = new TextFormatter(false, TextFormatter.Evidence.FULL).format(result);
    assertThat(summary).doesNotContain("evidence: ");
    assertThat(summary.lines().filter(l -> l.startsWith("evidence, once per rule"))).hasSize(1);
    // One citation line per rule and citation, however many findings a rule has.
    long citations = result.findings().stream().filter(f -> !f.evidence().isEmpty())
        .collect(Collectors.groupingBy(Finding::rule, Collectors.flatMapping(f -> f.evidence().stream(), Collectors.toSet())))
        .values().stream().mapToLong(Set::size).sum();
    assertThat(summary.lines().filter(l -> l.contains("https://www.youtube.com/"))).hasSize((int) citations);
    long noShip = result.findings().stream().filter(f -> f.rule().equals("no-ship-authority")).count();
    assertThat(summary).contains("  no-ship-authority (" + noShip + (noShip == 1 ? " finding" : " findings") + ")\n");
    long underFindings = result.findings().stream().mapToLong(f -> f.evidence().size()).sum();
    assertThat(full.lines().filter(l -> l.startsWith("           evidence: "))).hasSize((int) underFindings);
    assertThat(full).doesNotContain("evidence, once per rule");
    assertThat(citations).isLessThan(underFindings);
    // Both end with the same summary line.
    assertThat(summary.lines().filter(l -> l.startsWith("✖"))).isEqualTo(full.lines().filter(l -> l.startsWith("✖")).toList());
  }

  @Test
  void schemaAndReferenceErrorsCarryNoCitationsAnywhereWhileJsonAndSarifKeepTheRestOnEveryFinding() throws Exception {
    assertThat(result.findings()).extracting(Finding::rule).contains("invalid-entity", "unknown-reference");
    JsonNode json = new ObjectMapper().readTree(new JsonFormatter().format(result));
    JsonNode sarif = new ObjectMapper().readTree(new SarifFormatter("x/", "0.1.0").format(result)).get("runs").get(0)
        .get("results");
    for (int i = 0; i < result.findings().size(); i++) {
      Finding f = result.findings().get(i);
      boolean cites = BuiltInRules.byId(f.rule()).orElseThrow().descriptor().cites();
      assertThat(f.evidence().isEmpty()).as(f.rule()).isEqualTo(!cites);
      assertThat(json.get("findings").get(i).get("evidence")).as(f.rule()).hasSize(f.evidence().size());
      assertThat(sarif.get(i).get("properties").get("evidence")).as(f.rule()).hasSize(f.evidence().size());
    }
  }

  @Test
  void aMissingTeamNamedTwelveTimesShowsFivePlacesInTextAndAllInJsonAndSarif(@TempDir Path dir) throws Exception {
    for (int i = 1; i <= 12; i++) {
      Files.writeString(dir.resolve(String.format("c%02d.yaml", i)), "apiVersion: backstage.io/v1alpha1\n"
          + "kind: Component\nmetadata: {name: svc-" + i + "}\nspec: {type: service, lifecycle: production, owner: ldap-team}\n");
    }
    LintResult r = Linter.lint(CatalogLoader.load(List.of(dir)), LintOptions.defaults());
    String text = new TextFormatter(false).format(r);
    assertThat(text).contains("spec.owner of component:default/svc-1 and 11 other references name group:default/ldap-team")
        .contains("           12 places name it:\n")
        .contains("             and 7 more (--format json lists every one)\n");
    assertThat(text.lines().filter(l -> l.matches(" {13}\\S+c\\d\\d\\.yaml:4:53  spec\\.owner of component:default/svc-\\d+"))).hasSize(5);
    assertThat(text.lines().filter(l -> l.contains("unknown-reference"))).hasSize(1);
    JsonNode finding = null;
    for (JsonNode f : new ObjectMapper().readTree(new JsonFormatter().format(r)).get("findings")) {
      if (f.get("rule").asText().equals("unknown-reference")) {
        finding = f;
      }
    }
    assertThat(finding).isNotNull();
    assertThat(finding.get("entity").asText()).isEqualTo("group:default/ldap-team");
    assertThat(finding.get("places")).hasSize(12);
    assertThat(finding.get("places").get(0).get("entity").asText()).isEqualTo("component:default/svc-1");
    assertThat(finding.get("places").get(0).get("field").asText()).isEqualTo("spec.owner");
    assertThat(finding.get("places").get(11).get("file").asText()).endsWith("c12.yaml");
    assertThat(finding.get("evidence")).isEmpty();
    JsonNode sarif = new ObjectMapper().readTree(new SarifFormatter("x/", "0.1.0").format(r));
    for (JsonNode res : sarif.get("runs").get(0).get("results")) {
      if (res.get("ruleId").asText().equals("unknown-reference")) {
        assertThat(res.get("relatedLocations")).hasSize(12);
        assertThat(res.get("relatedLocations").get(3).get("physicalLocation").get("artifactLocation").get("uri").asText())
            .endsWith("c04.yaml");
      } else {
        assertThat(res.has("relatedLocations")).isFalse();
      }
    }
    String md = new MarkdownFormatter("x/").format(r);
    assertThat(md).contains("  - 12 places name it: `").contains(" and 7 more\n");
  }

  @Test
  void cleanCatalogSaysSo(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("g.yaml"), """
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata: {name: solo}
        spec: {type: team, children: []}
        """);
    LintResult clean = Linter.lint(CatalogLoader.load(List.of(dir)), LintOptions.defaults());
    assertThat(new TextFormatter(false).format(clean)).startsWith("✔ no findings in 1 entity from 1 file");
    assertThat(new MarkdownFormatter("x/").format(clean)).contains("Every decision checked has an owner");
    JsonNode json = new ObjectMapper().readTree(new JsonFormatter().format(clean));
    assertThat(json.get("findings")).isEmpty();
    assertThat(json.get("summary").get("entities").asInt()).isEqualTo(1);
  }
}
