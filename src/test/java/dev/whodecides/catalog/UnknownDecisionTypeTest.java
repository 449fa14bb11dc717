package dev.whodecides.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whodecides.rules.Finding;
import dev.whodecides.rules.LintOptions;
import dev.whodecides.rules.Linter;
import dev.whodecides.vocabulary.EntityRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A decision whose type the vocabulary lacks is reported, by the schema or else by the analysis. */
class UnknownDecisionTypeTest {

  static final String DECISION = """
      apiVersion: whodecides.dev/v1
      kind: Decision
      metadata: {name: pricing-budget}
      spec: {type: budget, scope: group:pricing, owner: user:ana}
      """;

  @Test
  void theSchemaRejectsItNamingTheTypesItKnows(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("d.yaml"), DECISION);
    List<Finding> findings = Linter.lint(CatalogLoader.load(dir), LintOptions.defaults()).findings();
    assertThat(findings).filteredOn(f -> f.rule().equals("invalid-entity")).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("'budget' is not a decision type").contains("access-path"));
  }

  @Test
  void aCatalogBuiltPastTheSchemaStillGetsAFindingNotSilence(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("d.yaml"), DECISION.replace("budget", "release"));
    Entity valid = CatalogLoader.load(dir).entities().iterator().next();
    Map<String, Object> spec = new LinkedHashMap<>(valid.spec());
    spec.put("type", "budget");
    Entity unknown = new Entity(valid.apiVersion(), valid.kind(), valid.ref(), valid.metadata(), spec, valid.file(),
        valid.line(), valid.column());
    Map<EntityRef, Entity> byRef = new LinkedHashMap<>();
    byRef.put(unknown.ref(), unknown);
    Catalog catalog = new Catalog(byRef, Set.of(), List.of(), List.of(), List.of(), 1);
    List<Finding> findings = Linter.lint(catalog, LintOptions.defaults()).findings();
    assertThat(findings).filteredOn(f -> f.rule().equals("invalid-entity")).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("'budget' is not a decision type"));
  }
}
