package dev.whodecides.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whodecides.catalog.CatalogLoader;
import dev.whodecides.guarantees.VerifyReportReader;
import dev.whodecides.rules.BuiltInRules;
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
      assertThat(rule.get("help").get("text").asText()).contains("youtube.com");
      assertThat(rule.get("help").get("markdown").asText()).contains("](https://www.youtube.com/");
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
    // The example has no configuration, so the rules over waivers have nothing to report.
    for (var d : BuiltInRules.ALL.stream().filter(r -> !(r instanceof WaiverRule)).map(r -> r.descriptor()).toList()) {
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
