package dev.whodecides.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whodecides.catalog.CatalogLoader;
import dev.whodecides.rules.LintOptions;
import dev.whodecides.rules.LintResult;
import dev.whodecides.rules.Linter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON and SARIF reports carry each finding's own fingerprint, in report order. */
class FingerprintOutputTest {

  @Test
  void jsonAndSarifCarryTheFindingsFingerprints() throws Exception {
    LintResult r = Linter.lint(CatalogLoader.load(Path.of("examples/retail-data-org")), LintOptions.defaults());
    List<String> expected = r.findings().stream().map(f -> f.fingerprint()).toList();
    ObjectMapper mapper = new ObjectMapper();
    JsonNode json = mapper.readTree(new JsonFormatter().format(r));
    assertThat(json.get("findings").findValuesAsText("fingerprint")).containsExactlyElementsOf(expected);
    // The other fields of a finding are as before, the fingerprint is only added.
    assertThat(json.get("findings").get(0).fieldNames()).toIterable().containsExactly("rule", "severity", "entity",
        "file", "line", "column", "message", "recommendation", "evidence", "fingerprint");
    JsonNode sarif = mapper.readTree(new SarifFormatter("https://example.org/docs/rules/", "0.1.0").format(r));
    assertThat(sarif.at("/runs/0/results").findValuesAsText("whodecidesFinding/v2")).containsExactlyElementsOf(expected);
  }
}
