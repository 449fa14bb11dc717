package dev.whodecides.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whodecides.catalog.Catalog;
import dev.whodecides.catalog.CatalogLoader;
import dev.whodecides.config.Config;
import dev.whodecides.config.ConfigError;
import dev.whodecides.config.ConfigReader;
import dev.whodecides.guarantees.VerifiedResults;
import dev.whodecides.guarantees.VerifyReportReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Lints a fixture and compares one rule's findings with the {@code # FINDING: <rule-id>: <fragment>}
 * markers written on the lines where findings are expected, as Error Prone's "BUG: Diagnostic
 * contains": each marker needs a finding of that rule on its line whose message contains the
 * fragment, and a line gets exactly as many findings of the rule as it has markers.
 */
final class RuleFixtures {

  /** A marker; the fragment runs to the end of the line or to the next marker on it. */
  private static final Pattern MARKER =
      Pattern.compile("#\\s*FINDING:\\s*([a-z-]+)(?::\\s*(.*?))?\\s*(?=#\\s*FINDING:|$)");

  /** One expected finding: where, and a piece of its message. */
  record Marker(String rule, String where, String fragment) {}

  private RuleFixtures() {}

  /** The fixture root in test resources: {@code rules/<rule-id>/positive(.yaml|/)} and {@code negative}. */
  static Path root() {
    try {
      return Path.of(RuleFixtures.class.getResource("/rules").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A fixture file or directory of a rule, or null when it does not exist. */
  static Path fixture(String ruleId, String which) {
    Path dir = root().resolve(ruleId);
    Path file = dir.resolve(which + ".yaml");
    if (Files.isRegularFile(file)) {
      return file;
    }
    Path folder = dir.resolve(which);
    return Files.isDirectory(folder) ? folder : null;
  }

  /** The day fixtures are linted on, so that their waivers expire (or not) on every run alike. */
  static final LocalDate DAY = LocalDate.of(2026, 6, 1);

  static LintResult lint(Path path) {
    // A fixture directory may carry a configuration (rules over waivers need one), read as lint reads it.
    Path configFile = Files.isDirectory(path) ? path.resolve(".whodecides.yaml") : null;
    Config config = Config.none();
    if (configFile != null && Files.isRegularFile(configFile)) {
      try {
        config = ConfigReader.read(configFile);
      } catch (ConfigError e) {
        throw new IllegalStateException("fixture configuration " + configFile + ": " + e.getMessage(), e);
      }
    }
    Catalog catalog = CatalogLoader.load(List.of(path), config.excluded());
    // A fixture directory may carry the verify report lint reads with --verified.
    Path verified = Files.isDirectory(path) ? path.resolve("verified.json") : null;
    VerifiedResults results = VerifiedResults.none();
    if (verified != null && Files.isRegularFile(verified)) {
      try {
        results = VerifyReportReader.verified(VerifyReportReader.read(Files.readString(verified)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return Linter.lint(catalog, new LintOptions(LintOptions.DEFAULT_DUPLICATE_THRESHOLD, results,
        LintOptions.DEFAULT_MANUAL_FIX_VOLUME, LintOptions.DEFAULT_BUSY_USE_CASES, config.policy(DAY)));
  }

  /** Every marker of a fixture, in file and line order. */
  static List<Marker> markers(Path fixture) {
    List<Marker> out = new ArrayList<>();
    for (Path file : yamlFiles(fixture)) {
      List<String> lines = read(file);
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = MARKER.matcher(lines.get(i));
        while (m.find()) {
          String fragment = m.group(2) == null ? "" : m.group(2).strip();
          out.add(new Marker(m.group(1), CatalogLoader.display(file) + ":" + (i + 1), fragment));
        }
      }
    }
    return out;
  }

  /**
   * Asserts that {@code ruleId} reports exactly on the marked lines of the fixture, as many times
   * as each line is marked, with messages that contain the markers' fragments.
   */
  static void assertMatchesMarkers(String ruleId, Path fixture) {
    LintResult result = lint(fixture);
    Map<String, List<String>> expected = new TreeMap<>();
    for (Marker m : markers(fixture)) {
      if (m.rule().equals(ruleId)) {
        assertThat(m.fragment()).as("marker at %s names no message fragment: write"
            + " '# FINDING: %s: <words of the message>'", m.where(), ruleId).isNotBlank();
        expected.computeIfAbsent(m.where(), k -> new ArrayList<>()).add(m.fragment());
      }
    }
    Map<String, List<String>> actual = new TreeMap<>();
    for (Finding f : result.findings()) {
      if (f.rule().equals(ruleId)) {
        actual.computeIfAbsent(f.file() + ":" + f.line(), k -> new ArrayList<>()).add(f.message());
      }
    }
    assertThat(actual.keySet())
        .as("%s findings in %s (all findings: %s)", ruleId, fixture, result.findings())
        .isEqualTo(expected.keySet());
    expected.forEach((where, fragments) -> {
      List<String> messages = new ArrayList<>(actual.get(where));
      assertThat(messages).as("%s findings at %s", ruleId, where).hasSameSizeAs(fragments);
      for (String fragment : fragments) {
        String match = messages.stream().filter(msg -> msg.contains(fragment)).findFirst().orElse(null);
        assertThat(match).as("a %s finding at %s whose message contains '%s'; messages there: %s", ruleId, where,
            fragment, actual.get(where)).isNotNull();
        messages.remove(match);
      }
    });
  }

  static List<Path> yamlFiles(Path fixture) {
    if (Files.isRegularFile(fixture)) {
      return List.of(fixture);
    }
    try (Stream<Path> s = Files.walk(fixture)) {
      return new ArrayList<>(s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> read(Path p) {
    try {
      return Files.readAllLines(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
