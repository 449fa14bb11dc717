package dev.whodecides.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whodecides.catalog.CatalogLoader;
import dev.whodecides.guarantees.VerifyReportReader;
import dev.whodecides.rules.LintOptions;
import dev.whodecides.rules.LintResult;
import dev.whodecides.rules.Linter;
import dev.whodecides.rules.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a lint result becomes a lint run and a verify report becomes verifications. */
class RecordsTest {

  static final Instant AT = Instant.parse("2026-11-28T10:00:00Z");

  static LintResult lint(Path dir) {
    return Linter.lint(CatalogLoader.load(List.of(dir)), LintOptions.defaults());
  }

  @Test
  void aLintRunSummarisesTheResult() {
    LintResult r = lint(Path.of("examples/retail-data-org"));
    LintRun run = LintRun.of(r, LintRun.SERVE, AT);
    assertThat(run.id()).isNull();
    assertThat(run.recordedAt()).isEqualTo(AT);
    assertThat(run.source()).isEqualTo("serve");
    assertThat(run.entities()).isEqualTo(r.entities()).isGreaterThan(40);
    assertThat(run.files()).isEqualTo(r.catalog().files());
    assertThat(run.errors()).isEqualTo(r.count(Severity.ERROR)).isPositive();
    assertThat(run.warnings()).isEqualTo(r.count(Severity.WARNING));
    assertThat(run.infos()).isEqualTo(r.count(Severity.INFO));
    assertThat(run.findings()).isEqualTo(r.findings().size()).isEqualTo(run.errors() + run.warnings() + run.infos());
    assertThat(run.byRule().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(run.findings());
    assertThat(run.byRule()).containsKey("no-ship-authority");
    assertThat(List.copyOf(run.byRule().keySet())).isSorted();
    assertThat(run.fingerprint()).matches("[0-9a-f]{64}");
    assertThatThrownBy(() -> LintRun.of(r, "cron", AT)).hasMessageContaining("'cli' or 'serve'");
  }

  @Test
  void theFingerprintChangesWithTheFindingsAndNothingElse(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("team.yaml");
    String team = """
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata: {name: team}
        spec: {type: team, children: []}
        """;
    Files.writeString(file, team);
    String before = LintRun.fingerprint(lint(dir));
    assertThat(LintRun.fingerprint(lint(dir))).as("same catalog, same fingerprint").isEqualTo(before);
    Files.writeString(file, team + """
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata: {name: model}
        spec: {type: service, lifecycle: production, owner: team}
        """);
    LintResult after = lint(dir);
    assertThat(after.findings()).isNotEmpty();
    assertThat(LintRun.fingerprint(after)).isNotEqualTo(before);
  }

  @Test
  void aVerifyReportBecomesOneRowPerContract() throws Exception {
    String report = Files.readString(Path.of("examples/retail-data-org/verified.json"));
    List<Verification> rows = rows(report, AT);
    assertThat(rows).singleElement().satisfies(v -> {
      assertThat(v.contract()).isEqualTo("8c1e4f0a-7d2b-4e9f-b3a6-1d5c9e0f2b77");
      assertThat(v.file()).isEqualTo("examples/retail-data-org/contracts/product-master.odcs.yaml");
      assertThat(v.server()).isEqualTo("warehouse-prod");
      assertThat(v.passed()).isEqualTo(18);
      assertThat(v.failed()).isEqualTo(5);
      assertThat(v.errors()).isZero();
      assertThat(v.importedAt()).isEqualTo(AT);
      ObjectMapper json = new ObjectMapper();
      assertThat(json.readTree(v.result())).isEqualTo(json.readTree(report).get("contracts").get(0));
    });
  }

  @Test
  void aBodyThatIsNotAReportIsNamedInOneSentence() {
    assertThatThrownBy(() -> rows("{not json", AT)).hasMessageStartingWith("not JSON at line 1");
    assertThatThrownBy(() -> rows("{\"findings\":[]}", AT))
        .hasMessageContaining("no \"contracts\" list");
    assertThatThrownBy(() -> rows("{\"contracts\":[]}", AT)).hasMessageContaining("no contracts");
    assertThatThrownBy(() -> rows("{\"contracts\":[{\"checks\":[]}]}", AT))
        .hasMessage("contracts[0].contract must name the contract's id");
    assertThatThrownBy(() -> rows("{\"contracts\":[{\"contract\":\"c\"}]}", AT))
        .hasMessageContaining("contracts[0].checks must be");
    assertThatThrownBy(() -> rows(
        "{\"contracts\":[{\"contract\":\"c\",\"checks\":[{\"result\":\"passed\"},{\"result\":\"ok\"}]}]}", AT))
        .hasMessage("contracts[0].checks[1].result must be passed, failed, warning or error, not \"ok\"");
    assertThatThrownBy(() -> rows("{\"contracts\":[{\"contract\":\"c\",\"checks\":[{}]}]}", AT))
        .hasMessageContaining("and is missing");
    assertThatThrownBy(() -> rows("{\"contracts\":[{\"contract\":7,\"checks\":[]}]}", AT))
        .hasMessage("contracts[0].contract must be text, not 7");
  }

  private static List<Verification> rows(String json, Instant at) {
    return Verification.rows(VerifyReportReader.read(json), at);
  }
}
