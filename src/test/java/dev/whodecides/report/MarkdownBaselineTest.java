package dev.whodecides.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whodecides.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Markdown report shows the baseline's new, unchanged and absent counts and marks baselined findings. */
class MarkdownBaselineTest {

  @Test
  void theReportCountsAgainstTheBaseline(@TempDir Path dir) throws IOException {
    Path baseline = dir.resolve("baseline.json");
    CliRun.Run write = CliRun.run("lint", "examples/retail-data-org", "--write-baseline", baseline.toString(),
        "--format", "json");
    assertThat(write.status()).as(write.err()).isZero();
    // Drop two entries from the baseline: those findings are new, and nothing is absent.
    List<String> lines = Files.readAllLines(baseline);
    List<String> entries = lines.stream().filter(l -> l.contains("\"fingerprint\"")).toList();
    assertThat(entries.size()).isGreaterThan(2);
    String text = Files.readString(baseline);
    for (String gone : entries.subList(0, 2)) {
      text = text.replace(gone.endsWith(",") ? gone + "\n" : "\n" + gone, gone.endsWith(",") ? "" : "");
    }
    Path edited = Files.writeString(dir.resolve("edited.json"), text);
    CliRun.Run md = CliRun.run("lint", "examples/retail-data-org", "--baseline", edited.toString(), "--format", "markdown",
        "--fail-on", "never");
    assertThat(md.status()).as(md.err()).isZero();
    assertThat(md.out()).contains("| errors | warnings | infos | entities | files | new | unchanged | absent |")
        .contains(" 2 | " + (entries.size() - 2) + " | 0 |")
        .contains("only the 2 new findings count for the exit status")
        .contains("_(in baseline)_");
    CliRun.Run plain = CliRun.run("lint", "examples/retail-data-org", "--format", "markdown", "--fail-on", "never");
    assertThat(plain.out()).doesNotContain("| new |").doesNotContain("(in baseline)");
  }
}
