package dev.whodecides.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whodecides.Shared;
import dev.whodecides.rules.Finding;
import dev.whodecides.rules.LintOptions;
import dev.whodecides.rules.LintResult;
import dev.whodecides.rules.Linter;
import dev.whodecides.vocabulary.EntityRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Files written by other projects load as those projects define them. */
class RealExamplesTest {

  @Test
  void backstageExamplesLoadUnchanged() {
    Catalog catalog = CatalogLoader.load(List.of(Shared.path("examples/backstage")));
    assertThat(catalog.hasFatalProblems()).isFalse();
    assertThat(catalog.files()).isEqualTo(11);
    assertThat(catalog.ofKind("user")).isNotEmpty();
    assertThat(catalog.ofKind("group")).extracting(e -> e.ref().toString())
        .contains("group:default/team-a", "group:default/team-b", "group:default/acme-corp");
    assertThat(catalog.get(EntityRef.parse("component:artist-lookup", null))).isPresent();
    assertThat(catalog.get(EntityRef.parse("resource:artists-db", null))).isPresent();
    assertThat(catalog.get(EntityRef.parse("domain:playback", null))).isPresent();
    // The only schema problems are in the deliberately invalid file.
    assertThat(catalog.schemaProblems()).allMatch(p -> p.file().endsWith("invalid-component.yaml"));
  }

  @Test
  void backstageExamplesGiveTheExpectedFindings() {
    LintResult r = Linter.lint(CatalogLoader.load(List.of(Shared.path("examples/backstage"))), LintOptions.defaults());
    assertThat(r.findings()).anySatisfy(f -> {
      assertThat(f.rule()).isEqualTo("invalid-entity");
      assertThat(f.file()).endsWith("invalid-component.yaml");
      // At the name that is wrong, not at the document's first line.
      assertThat(f.line()).isEqualTo(4);
      assertThat(f.column()).isEqualTo(9);
    });
    assertThat(r.findings()).anySatisfy(f -> {
      assertThat(f.rule()).isEqualTo("unknown-reference");
      assertThat(f.file()).endsWith("podcast-system.yaml");
      // The finding is about the missing entity; team-b exists, but as a group.
      assertThat(f.entity()).isEqualTo("user:default/team-b");
      assertThat(f.message()).startsWith("spec.owner of system:default/podcast names user:default/team-b")
          .endsWith("Did you mean group:team-b?");
    });
    // Valid entities are never reported as invalid.
    assertThat(r.findings()).filteredOn(f -> f.rule().equals("invalid-entity"))
        .allMatch(f -> f.file().endsWith("invalid-component.yaml"));
  }

  @Test
  void locationTargetsAreFollowedOnceAndUrlsSkipped(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("teams"));
    Files.writeString(dir.resolve("catalog-info.yaml"), """
        apiVersion: backstage.io/v1alpha1
        kind: Location
        metadata: {name: root}
        spec:
          targets: [./teams/a.yaml, ./teams/a.yaml, https://example.org/catalog-info.yaml]
        """);
    Files.writeString(dir.resolve("teams/a.yaml"), """
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata: {name: a}
        spec: {type: team, children: []}
        """);
    Catalog catalog = CatalogLoader.load(List.of(dir.resolve("catalog-info.yaml")));
    assertThat(catalog.ofKind("group")).hasSize(1);
    assertThat(catalog.loadProblems()).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("skipped URL target https://example.org"));
    assertThat(catalog.hasFatalProblems()).isFalse();
  }

  static Stream<Path> odcsFiles() throws IOException {
    try (Stream<Path> s = Files.list(Shared.path("examples/odcs"))) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("odcsFiles")
  void everyOdcsExampleIsReadAsAContract(Path file) {
    Catalog catalog = CatalogLoader.load(List.of(file));
    assertThat(catalog.loadProblems()).isEmpty();
    assertThat(catalog.schemaProblems()).isEmpty();
    assertThat(catalog.contracts()).hasSize(1);
    DataContract c = catalog.contracts().get(0);
    assertThat(c.apiVersion()).startsWith("v3");
    assertThat(c.id()).isNotBlank();
  }

  @Test
  void contractsWithQualityRulesOrSlasGiveGuarantees() {
    Catalog catalog = CatalogLoader.load(List.of(Shared.path("examples/odcs")));
    assertThat(catalog.contracts()).filteredOn(c -> c.file().endsWith("quality--column-completeness.odcs.yaml"))
        .singleElement().satisfies(c -> assertThat(c.qualityRules()).isPositive());
    assertThat(catalog.contracts()).filteredOn(c -> c.file().endsWith("sla--database-table-sla.odcs.yaml"))
        .singleElement().satisfies(c -> assertThat(c.slaProperties()).isPositive());
  }

  @Test
  void datacontractCliFilesAreReadOrSkippedButNeverCrash() {
    LintResult r = Linter.lint(CatalogLoader.load(List.of(Shared.path("examples/datacontract-cli-postgres"))),
        LintOptions.defaults());
    assertThat(r.catalog().hasFatalProblems()).isFalse();
    assertThat(r.catalog().contracts()).isNotEmpty();
    assertThat(r.findings()).extracting(Finding::rule).doesNotContain("invalid-entity");
  }
}
