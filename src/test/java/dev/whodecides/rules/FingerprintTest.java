package dev.whodecides.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whodecides.catalog.CatalogLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A finding keeps its fingerprint when lines move, files are read in another order or wording changes. */
class FingerprintTest {

  private static final Path EXAMPLE = Path.of("examples/retail-data-org");

  @Test
  void everyFindingOfTheExampleHasItsOwnFingerprint() {
    List<Finding> findings = Linter.lint(CatalogLoader.load(EXAMPLE), LintOptions.defaults()).findings();
    assertThat(findings).hasSizeGreaterThan(10);
    assertThat(findings.stream().map(Finding::fingerprint).distinct().count()).isEqualTo(findings.size());
    assertThat(findings).allSatisfy(f -> assertThat(f.fingerprint()).matches("[0-9a-f]{16}"));
  }

  @Test
  void movingLinesAndReorderingFilesKeepsEveryFingerprint(@TempDir Path dir) throws IOException {
    Map<String, String> before = byFingerprint(List.of(EXAMPLE));
    // Every document moves down by a few lines of comments, and the directories are read in the
    // opposite order; the organization they describe stays the same.
    List<Path> files;
    try (Stream<Path> s = Files.walk(EXAMPLE)) {
      files = s.filter(Files::isRegularFile).toList();
    }
    for (Path f : files) {
      Path target = dir.resolve(EXAMPLE.relativize(f).toString());
      Files.createDirectories(target.getParent());
      String text = Files.readString(f);
      Files.writeString(target, f.toString().endsWith(".yaml") ? "# moved\n# down\n\n" + text : text);
    }
    List<Path> reversed;
    try (Stream<Path> s = Files.list(dir)) {
      reversed = s.sorted(Comparator.reverseOrder()).toList();
    }
    Map<String, String> after = byFingerprint(reversed);
    assertThat(after.keySet()).isEqualTo(before.keySet());
    // The same findings, each three lines further down.
    after.forEach((fp, line) -> assertThat(line).isNotEqualTo(before.get(fp)));
  }

  @Test
  void rewordingAFindingKeepsItsFingerprintWhileAnotherSubjectChangesIt() {
    Finding f = Linter.lint(CatalogLoader.load(EXAMPLE), LintOptions.defaults()).findings().get(0);
    Finding reworded = new Finding(f.rule(), f.severity(), f.entity(), "elsewhere.yaml", f.line() + 40, 3,
        "Said differently.", new Recommendation(null, "Another action."), List.of(), f.subject());
    assertThat(reworded.fingerprint()).isEqualTo(f.fingerprint());
    Finding otherSubject = new Finding(f.rule(), f.severity(), f.entity(), f.file(), f.line(), f.column(),
        f.message(), f.recommendation(), f.evidence(), f.subject() + "|other");
    assertThat(otherSubject.fingerprint()).isNotEqualTo(f.fingerprint());
  }

  private static Map<String, String> byFingerprint(List<Path> roots) {
    Map<String, String> out = new TreeMap<>();
    for (Finding f : Linter.lint(CatalogLoader.load(roots), LintOptions.defaults()).findings()) {
      assertThat(out.put(f.fingerprint(), Path.of(f.file()).getFileName() + ":" + f.line())).isNull();
    }
    return out;
  }
}
