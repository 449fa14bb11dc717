package dev.whodecides.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whodecides.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A configuration mistake is exit 2 with one line naming {@code file:line:col} and what to do, no
 * stack trace and no report: nothing of a broken configuration is applied.
 */
class ConfigErrorsTest {

  /** A catalog with one finding, so a report would show if linting went ahead. */
  static final String CATALOG = """
      apiVersion: backstage.io/v1alpha1
      kind: Group
      metadata: {name: team}
      spec: {type: team, children: []}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata: {name: legacy-one}
      spec: {type: service, lifecycle: production, owner: team}
      """;

  static final String WAIVER = """
      waivers:
        - rule: no-ship-authority
          entity: component:legacy-one
          reason: Sunset in March
          by: user:default/priya.natarajan
          until: 2027-03-31
      """;

  static final String NOTIFY = """
      notify:
        - url: https://hooks.example.com/whodecides
          secret: s3cret-value
        - url: https://hooks.slack.com/services/T0/B0/XYZ
          format: slack
      """;

  /** name, configuration text, the expected line:col, a fragment of the message. */
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("unknown top-level key", "extern: [group:*]\n", "1:1", "unknown key 'extern'"),
        Arguments.of("unknown rule id", "rules:\n  no-roadmap-ownr: warning\n", "2:3", "did you mean no-roadmap-owner?"),
        Arguments.of("bad severity", "rules:\n  both-hats: loud\n", "2:14", "must be error, warning, info or off, not 'loud'"),
        Arguments.of("severity as a list", "rules:\n  both-hats: [warning]\n", "2:14", "takes a severity"),
        Arguments.of("threshold out of range", "rules:\n  duplicated-work: {threshold: 1.5}\n", "2:32",
            "above 0 and at most 1"),
        Arguments.of("volume not a whole number", "rules:\n  manual-fix-suffices: {volume: lots}\n", "2:33",
            "whole number of items"),
        Arguments.of("option the rule lacks", "rules:\n  no-ship-authority: {volume: 5}\n", "2:23",
            "has no option 'volume'; it takes severity only"),
        Arguments.of("glob with two colons", "external: ['group:a:b']\n", "1:12", "more than one ':'"),
        Arguments.of("glob without a kind", "external:\n  - legacy\n", "2:5", "needs a kind, e.g. component:legacy"),
        Arguments.of("glob with a space", "external:\n  - group:data team\n", "2:5", "is not a reference or glob"),
        Arguments.of("external not a list", "external: group:*\n", "1:11", "must be a list of patterns"),
        Arguments.of("absolute exclude", "exclude: ['/srv/**']\n", "1:11", "is absolute"),
        Arguments.of("exclude with brackets", "exclude: ['[ab]/*.yaml']\n", "1:11", "do not support"),
        Arguments.of("waiver without reason", WAIVER.replace("    reason: Sunset in March\n", ""), "2:5",
            "has no reason"),
        Arguments.of("waiver without by and until", WAIVER.replace("    by: user:default/priya.natarajan\n", "")
            .replace("    until: 2027-03-31\n", ""), "2:5", "has no by, until"),
        Arguments.of("waiver with an impossible date", WAIVER.replace("2027-03-31", "2027-02-30"), "6:12",
            "until must be a date written YYYY-MM-DD"),
        Arguments.of("waiver with a date and time", WAIVER.replace("2027-03-31", "'2027-03-31T10:00'"), "6:12",
            "YYYY-MM-DD"),
        Arguments.of("waiver of an unknown rule", WAIVER.replace("rule: no-ship-authority", "rule: no-ship"), "2:11",
            "unknown rule 'no-ship'"),
        Arguments.of("waiver of a waiver rule", WAIVER.replace("rule: no-ship-authority", "rule: expired-waiver"),
            "2:11", "cannot be waived"),
        Arguments.of("waiver with an unknown key", WAIVER + "    owner: user:x\n", "7:5", "unknown key 'owner' in a waiver"),
        Arguments.of("waiver with a bad entity", WAIVER.replace("component:legacy-one", "legacy one"), "3:13",
            "entity: 'legacy one'"),
        Arguments.of("notify not a list", "notify: https://hooks.example.com/x\n", "1:9", "notify must be a list of webhooks"),
        Arguments.of("webhook with an unknown key", NOTIFY + "    token: abc\n", "6:5", "unknown key 'token' in a webhook"),
        Arguments.of("webhook without url", "notify:\n  - format: slack\n", "2:5", "this webhook has no url"),
        Arguments.of("webhook url not http", NOTIFY.replace("https://hooks.example.com/whodecides", "ftp://x/y"), "2:10",
            "url must be an http or https address"),
        Arguments.of("webhook url with a password", NOTIFY.replace("https://hooks.example.com/whodecides",
            "https://me:pw@hooks.example.com/"), "2:10", "no user name or password"),
        Arguments.of("webhook format unknown", NOTIFY.replace("format: slack", "format: teams"), "5:13",
            "format must be json (the whole event) or slack"),
        Arguments.of("webhook secret not text", NOTIFY.replace("secret: s3cret-value", "secret: [a]"), "3:13",
            "secret must be text"),
        Arguments.of("webhook secret from an unset variable", NOTIFY.replace("s3cret-value",
            "${WHODECIDES_TEST_UNSET_SECRET}"), "3:13", "environment variable WHODECIDES_TEST_UNSET_SECRET, which is not set"),
        Arguments.of("YAML syntax error", "rules: [\n", "2:1", "YAML syntax error"),
        Arguments.of("two documents", "rules: {}\n---\nrules: {}\n", "3:1", "one YAML document"),
        Arguments.of("a list instead of a map", "- rules\n", "1:1", "must be a map"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void mistakeIsOneLineAtItsPositionAndNothingIsApplied(String name, String config, String lineCol, String fragment,
      @TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("catalog.yaml"), CATALOG);
    // Discovered next to the catalog, as a team keeps it.
    Path file = dir.resolve(".whodecides.yaml");
    Files.writeString(file, config);
    CliRun.Run run = CliRun.run("lint", dir.toString(), "--format", "json");
    assertThat(run.status()).as(run.err()).isEqualTo(2);
    assertThat(run.out()).as("no report from a broken configuration").isEmpty();
    assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(run.err().strip().lines().toList()).as(run.err()).hasSize(1);
    assertThat(run.err()).startsWith("whodecides: " + file + ":" + lineCol + ": ").contains(fragment)
        .contains("nothing of the configuration was applied");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theReaderRefusesItToo(String name, String config, String lineCol, String fragment, @TempDir Path dir)
      throws Exception {
    Path file = dir.resolve(".whodecides.yaml");
    Files.writeString(file, config);
    try {
      ConfigReader.read(file);
      throw new AssertionError("read a broken configuration: " + name);
    } catch (ConfigError e) {
      assertThat(e.problems()).hasSize(1);
      assertThat(e.problems().get(0)).contains(":" + lineCol + ": ").contains(fragment);
    }
  }

  @org.junit.jupiter.api.Test
  void everyMistakeOfAFileIsListedEachOnItsLine(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("catalog.yaml"), CATALOG);
    Path file = dir.resolve("whodecides.yaml");
    Files.writeString(file, "rules:\n  no-roadmap-ownr: warning\n  both-hats: loud\n" + WAIVER.replace("2027-03-31", "soon"));
    CliRun.Run run = CliRun.run("lint", dir.toString(), "--config", file.toString());
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err().lines().toList()).containsExactly(
        "whodecides: " + file + ":2:3: unknown rule 'no-roadmap-ownr' (did you mean no-roadmap-owner?);"
            + " 'whodecides rules' lists every rule id",
        "whodecides: " + file + ":3:14: severity of both-hats must be error, warning, info or off, not 'loud'",
        "whodecides: " + file + ":9:12: until must be a date written YYYY-MM-DD, e.g. 2027-03-31, not 'soon'",
        "whodecides: nothing of the configuration was applied");
  }

  @org.junit.jupiter.api.Test
  void aMissingConfigFileIsExit2(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("catalog.yaml"), CATALOG);
    CliRun.Run run = CliRun.run("lint", dir.toString(), "--config", dir.resolve("nope.yaml").toString());
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("whodecides: --config " + dir.resolve("nope.yaml")
        + " does not exist; pass the path of a .whodecides.yaml\n");
  }
}
