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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a running catalog's entities (as Backstage's API serves them) combine with local files: the
 * files win, the API's own fields are valid from there only, and findings point at the source.
 * The same against a real Backstage is {@code dev.whodecides.backstage.BackstageIT}.
 */
class LiveCatalogTest {

  static final String URL = "http://backstage.example:7007";

  /** An entity as Backstage serves it: namespace, uid, etag, location annotations and relations filled in. */
  static Map<String, Object> served(String kind, String name, String location, Map<String, Object> spec) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("namespace", "default");
    metadata.put("name", name);
    metadata.put("uid", "0b7c3d4e-" + name);
    metadata.put("etag", "7e77a0d8e1deeaa4");
    metadata.put("annotations", Map.of("backstage.io/managed-by-location", location,
        "backstage.io/managed-by-origin-location", location));
    Map<String, Object> entity = new LinkedHashMap<>();
    entity.put("apiVersion", "backstage.io/v1alpha1");
    entity.put("kind", kind);
    entity.put("metadata", metadata);
    entity.put("spec", spec);
    entity.put("relations", List.of(Map.of("type", "ownedBy", "targetRef", "group:default/pricing")));
    entity.put("status", Map.of("items", List.of()));
    return entity;
  }

  static Map<String, Object> group(String name, String location) {
    return served("Group", name, location, Map.of("type", "team", "children", List.of()));
  }

  @Test
  void relationsAndStatusAreValidFromTheApiOnly(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("g.yaml"), """
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata: {name: pricing}
        spec: {type: team, children: []}
        relations: [{type: ownedBy, targetRef: group:default/pricing}]
        """);
    Catalog catalog = CatalogLoader.load(List.of(dir), p -> false,
        LiveCatalog.of(URL, List.of(group("marketing", "url:https://github.com/acme/org/blob/main/org.yaml"))));
    assertThat(catalog.get(EntityRef.parse("group:marketing", "group"))).isPresent();
    assertThat(catalog.get(EntityRef.parse("group:pricing", "group"))).isEmpty();
    assertThat(catalog.schemaProblems()).singleElement().satisfies(p -> {
      assertThat(p.file()).endsWith("g.yaml");
      assertThat(p.message()).isEqualTo("field 'relations' is not allowed at the top level of a document; Backstage"
          + " adds it to the entities it serves, but refuses it in a catalog file");
    });
  }

  @Test
  void aLocalFileWinsOverTheSameEntityFromTheApi(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("g.yaml"), """
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata: {name: pricing, title: As in the branch}
        spec: {type: team, children: []}
        """);
    Map<String, Object> remote = group("pricing", "file:/srv/backstage/org.yaml");
    ((Map<String, Object>) remote.get("metadata")).put("title", "As on main");
    Catalog catalog = CatalogLoader.load(List.of(dir), p -> false,
        LiveCatalog.of(URL, List.of(remote, group("marketing", "file:/srv/backstage/org.yaml"))));
    Entity pricing = catalog.get(EntityRef.parse("group:pricing", "group")).orElseThrow();
    assertThat(pricing.title()).isEqualTo("As in the branch");
    assertThat(pricing.line()).isEqualTo(1);
    assertThat(catalog.entities()).hasSize(2);
    assertThat(catalog.schemaProblems()).isEmpty();
  }

  @Test
  void findingsPointAtTheLocalCheckoutOfTheSourceElseAtItsUrl(@TempDir Path dir) throws Exception {
    Path org = Files.createDirectories(dir.resolve("checkout/org"));
    Files.writeString(org.resolve("groups.yaml"), """
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata: {name: pricing}
        spec: {type: team, children: []}
        """);
    Map<String, Object> inCheckout = served("Component", "price-engine",
        "url:https://github.com/acme/org/blob/main/org/groups.yaml",
        Map.of("type", "service", "lifecycle", "production", "owner", "nobody-1"));
    Map<String, Object> elsewhere = served("Component", "search",
        "url:https://github.com/acme/search/blob/main/catalog-info.yaml",
        Map.of("type", "service", "lifecycle", "production", "owner", "nobody-2"));
    Map<String, Object> onTheServer = served("Component", "ledger", "file:/srv/catalog/ledger.yaml",
        Map.of("type", "service", "lifecycle", "production", "owner", "nobody-3"));
    Catalog catalog = CatalogLoader.load(List.of(dir.resolve("checkout")), p -> false,
        LiveCatalog.of(URL, List.of(inCheckout, elsewhere, onTheServer)));
    Map<String, String> fileOf = new LinkedHashMap<>();
    for (Finding f : Linter.lint(catalog, LintOptions.defaults()).findings()) {
      if (f.rule().equals("unknown-reference")) {
        fileOf.put(f.entity(), f.file() + ":" + f.line());
      }
    }
    // unknown-reference is about the missing owner, at the entity that names it.
    assertThat(fileOf).containsEntry("group:default/nobody-1", CatalogLoader.display(org.resolve("groups.yaml")) + ":1")
        .containsEntry("group:default/nobody-2", "https://github.com/acme/search/blob/main/catalog-info.yaml:1")
        .containsEntry("group:default/nobody-3", "/srv/catalog/ledger.yaml:1");
  }

  @Test
  void aCatalogThatCannotBeReadIsOneErrorAndTheFilesStillLoad(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("g.yaml"), """
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata: {name: pricing}
        spec: {type: team, children: []}
        """);
    Catalog catalog = CatalogLoader.load(List.of(dir), p -> false,
        LiveCatalog.failed(URL, "cannot reach Backstage (connection refused); check --backstage and that Backstage runs"));
    assertThat(catalog.entities()).hasSize(1);
    assertThat(catalog.hasFatalProblems()).isTrue();
    assertThat(catalog.loadProblems()).singleElement().hasToString(URL
        + ": cannot reach Backstage (connection refused); check --backstage and that Backstage runs");
  }

  @Test
  void kindsWhodecidesDoesNotAnalyseAreCountedInOneNoticeAndLocationsAreNotFollowed() {
    Map<String, Object> template = served("Template", "new-service", "file:/srv/t.yaml", Map.of("type", "service"));
    template.put("apiVersion", "scaffolder.backstage.io/v1beta3");
    Map<String, Object> location = served("Location", "generated-1", "file:/srv/t.yaml",
        Map.of("type", "file", "target", "/etc/passwd"));
    Catalog catalog = CatalogLoader.load(List.of(), p -> false,
        LiveCatalog.of(URL, List.of(template, template, location)));
    assertThat(catalog.entities()).extracting(e -> e.ref().toString()).containsExactly("location:default/generated-1");
    assertThat(catalog.loadProblems()).singleElement().satisfies(p -> {
      assertThat(p.fatal()).isFalse();
      assertThat(p.message()).isEqualTo("skipped 2 entities of kinds whodecides does not analyse: Template: 2");
    });
    assertThat(catalog.files()).isZero();
  }
}
