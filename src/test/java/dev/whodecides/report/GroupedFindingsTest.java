package dev.whodecides.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whodecides.CliRun;
import dev.whodecides.generate.OrgGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repeated findings grouped: in text and Markdown a rule with more than ten findings shows the
 * first ten and a count, {@code --all} shows every one, JSON and SARIF always list every one.
 */
class GroupedFindingsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static long shipFindings;

  @BeforeAll
  static void generate() throws IOException {
    OrgGenerator.generate(2_000, dir.resolve("org"), 3);
    JsonNode doc = JSON.readTree(lint("--format", "json").out());
    shipFindings = count(doc.get("findings"), "no-ship-authority");
    assertThat(shipFindings).isGreaterThan(10);
  }

  static CliRun.Run lint(String... extra) {
    String[] args = new String[extra.length + 4];
    args[0] = "lint";
    args[1] = dir.resolve("org").toString();
    args[2] = "--fail-on";
    args[3] = "never";
    System.arraycopy(extra, 0, args, 4, extra.length);
    return CliRun.run(args);
  }

  static long count(JsonNode list, String rule) {
    long n = 0;
    for (JsonNode f : list) {
      n += f.get("rule") != null && f.get("rule").asText().equals(rule) ? 1 : 0;
      n += f.get("ruleId") != null && f.get("ruleId").asText().equals(rule) ? 1 : 0;
    }
    return n;
  }

  static long occurrences(String text, String regex) {
    Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
    long n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  @Test
  void textShowsTheFirstTenOfARuleAndCountsTheRest() {
    String text = lint().out();
    assertThat(occurrences(text, "^  \\S+\\s+error\\s+no-ship-authority  ")).isEqualTo(10);
    assertThat(text).contains("no-ship-authority: 10 of " + shipFindings
        + " findings shown; --all prints every one (JSON and SARIF always list them all)");
    String all = lint("--all").out();
    assertThat(occurrences(all, "^  \\S+\\s+error\\s+no-ship-authority  ")).isEqualTo(shipFindings);
    assertThat(all).doesNotContain("findings shown; --all");
    // The summary still counts every finding.
    assertThat(text.lines().filter(l -> l.startsWith("✖")).findFirst().orElseThrow())
        .isEqualTo(all.lines().filter(l -> l.startsWith("✖")).findFirst().orElseThrow());
  }

  @Test
  void markdownShowsTheFirstTenOfARuleAndCountsTheRest() {
    String md = lint("--format", "markdown").out();
    String section = md.substring(md.indexOf("[`no-ship-authority`]"));
    section = section.substring(0, section.indexOf("\nEvidence: "));
    assertThat(occurrences(section, "^- \\*\\*`")).isEqualTo(10);
    assertThat(section).contains("- … and " + (shipFindings - 10) + " more `no-ship-authority` findings (`--all` lists every one");
    String all = lint("--format", "markdown", "--all").out();
    String allSection = all.substring(all.indexOf("[`no-ship-authority`]"));
    allSection = allSection.substring(0, allSection.indexOf("\nEvidence: "));
    assertThat(occurrences(allSection, "^- \\*\\*`")).isEqualTo(shipFindings);
  }

  @Test
  void sarifAlwaysListsEveryFinding() throws IOException {
    JsonNode sarif = JSON.readTree(lint("--format", "sarif").out());
    assertThat(count(sarif.get("runs").get(0).get("results"), "no-ship-authority")).isEqualTo(shipFindings);
  }
}
