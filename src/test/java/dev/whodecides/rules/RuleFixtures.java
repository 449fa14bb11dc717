package dev.whodecides.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whodecides.catalog.Catalog;
import dev.whodecides.catalog.CatalogLoader;
import dev.whodecides.guarantees.VerifyReportReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Lints a fixture and compares one rule's findings with the {@code # FINDING: <rule-id>} markers
 * written on the lines where findings are expected, as Error Prone's "BUG: Diagnostic contains".
 */
final class RuleFixtures {

  private static final Pattern MARKER = Pattern.compile("#\\s*FINDING:\\s*([a-z-]+)");

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

  static LintResult lint(Path path) {
    Catalog catalog = CatalogLoader.load(List.of(path));
    // A fixture directory may carry the verify report lint reads with --verified.
    Path verified = Files.isDirectory(path) ? path.resolve("verified.json") : null;
    if (verified != null && Files.isRegularFile(verified)) {
      try {
        return Linter.lint(catalog, new LintOptions(LintOptions.DEFAULT_DUPLICATE_THRESHOLD,
            VerifyReportReader.verified(VerifyReportReader.read(Files.readString(verified)))));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return Linter.lint(catalog, LintOptions.defaults());
  }

  /** Asserts that {@code ruleId} reports exactly on the marked lines of the fixture. */
  static void assertMatchesMarkers(String ruleId, Path fixture) {
    LintResult result = lint(fixture);
    TreeSet<String> expected = new TreeSet<>();
    for (Path file : yamlFiles(fixture)) {
      List<String> lines = read(file);
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = MARKER.matcher(lines.get(i));
        while (m.find()) {
          if (m.group(1).equals(ruleId)) {
            expected.add(CatalogLoader.display(file) + ":" + (i + 1));
          }
        }
      }
    }
    TreeSet<String> actual = new TreeSet<>();
    for (Finding f : result.findings()) {
      if (f.rule().equals(ruleId)) {
        actual.add(f.file() + ":" + f.line());
      }
    }
    assertThat(actual)
        .as("%s findings in %s (all findings: %s)", ruleId, fixture, result.findings())
        .isEqualTo(expected);
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
