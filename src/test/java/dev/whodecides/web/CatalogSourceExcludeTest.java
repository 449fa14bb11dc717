package dev.whodecides.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whodecides.TestClock;
import dev.whodecides.TestFiles;
import dev.whodecides.catalog.Entity;
import dev.whodecides.config.Config;
import dev.whodecides.config.ConfigReader;
import dev.whodecides.rules.Finding;
import dev.whodecides.rules.LintOptions;
import dev.whodecides.rules.Linter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} leaves out what the configuration's {@code exclude} names, on the first load and on reloads. */
class CatalogSourceExcludeTest {

  @Test
  void excludedFilesStayOutOfTheServedCatalog(@TempDir Path org) throws Exception {
    TestFiles.copyTree(Path.of("examples/retail-data-org"), org);
    Config config = ConfigReader.read(Files.writeString(org.resolve(".whodecides.yaml"), "exclude: [\"broken/**\"]\n"));
    TestClock clock = new TestClock(java.time.Instant.parse("2026-12-01T10:00:00Z"));
    CatalogSource served = new CatalogSource(List.of(org), config.excluded(), clock);
    CatalogSource everything = new CatalogSource(List.of(org), clock);
    assertThat(everything.get().files()).isEqualTo(served.get().files() + 1);
    assertThat(served.get().entities()).noneMatch(e -> e.file().contains("/broken/"));
    assertThat(Linter.lint(served.get(), LintOptions.defaults()).findings()).extracting(Finding::file)
        .noneMatch(f -> f.contains("/broken/"));
    // A file added under the excluded directory later stays out after the reload.
    Files.copy(org.resolve("broken/budget-decision.yaml"), org.resolve("broken/second.yaml"));
    Files.writeString(org.resolve("systems/extra.yaml"), """
        apiVersion: backstage.io/v1alpha1
        kind: System
        metadata: {name: extra-system}
        spec: {owner: group:data-platform}
        """);
    clock.advance(Duration.ofSeconds(2));
    assertThat(served.get().entities()).extracting(Entity::name).contains("extra-system");
    assertThat(served.get().entities()).noneMatch(e -> e.file().contains("/broken/"));
  }
}
