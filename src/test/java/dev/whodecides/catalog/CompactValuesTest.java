package dev.whodecides.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.whodecides.vocabulary.EntityRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a loaded catalog keeps: compact, read-only values that still read like plain YAML. */
class CompactValuesTest {

  @TempDir Path dir;

  private static final String ORG = """
      apiVersion: backstage.io/v1alpha1
      kind: Group
      metadata: {name: personalization}
      spec: {type: team, children: []}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata:
        name: newsletter-picks
        annotations: {whodecides.dev/title: Picks, zeta: z, alpha: a}
      spec:
        type: service
        lifecycle: production
        owner: Personalization
        dependsOn: [resource:missing-db]
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata: {name: offers}
      spec:
        type: service
        lifecycle: production
        owner: group:default/personalization
      """;

  private Catalog load() throws IOException {
    Files.writeString(dir.resolve("org.yaml"), ORG);
    return CatalogLoader.load(dir);
  }

  @Test
  void valuesKeepDocumentOrderAndEqualityAndCannotBeChanged() throws IOException {
    Entity picks = load().get(EntityRef.parse("component:newsletter-picks", null)).orElseThrow();
    assertThat(new ArrayList<>(picks.annotations().keySet())).containsExactly("whodecides.dev/title", "zeta", "alpha");
    Map<String, Object> plain = new LinkedHashMap<>();
    plain.put("whodecides.dev/title", "Picks");
    plain.put("zeta", "z");
    plain.put("alpha", "a");
    assertThat(picks.annotations()).isEqualTo(plain).hasSameHashCodeAs(plain);
    assertThat(picks.annotations().toString()).isEqualTo(plain.toString());
    assertThat((List<?>) picks.spec().get("dependsOn")).isEqualTo(List.of("resource:missing-db"));
    assertThat(picks.spec()).containsKey("owner").doesNotContainKey("system");
    assertThat(picks.spec().get("system")).isNull();
    assertThatThrownBy(() -> picks.spec().put("owner", "someone else"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ((List<Object>) picks.spec().get("dependsOn")).set(0, "x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void referencesToAnEntityAreThatEntitysOwnReference() throws IOException {
    Catalog catalog = load();
    EntityRef team = catalog.get(EntityRef.parse("group:personalization", null)).orElseThrow().ref();
    Entity picks = catalog.get(EntityRef.parse("component:newsletter-picks", null)).orElseThrow();
    Entity offers = catalog.get(EntityRef.parse("component:offers", null)).orElseThrow();
    // Written two ways, resolved to the one object the group itself carries.
    assertThat(catalog.ref(picks, "owner")).containsSame(team);
    assertThat(catalog.ref(offers, "owner")).containsSame(team);
    // An unknown reference stays a reference of its own, still reported as unresolved.
    assertThat(catalog.refs(picks, "dependsOn")).extracting(EntityRef::toString)
        .containsExactly("resource:default/missing-db");
  }

  @Test
  void mappingsWithTheSameKeysShareTheirKeyList() throws IOException {
    Catalog catalog = load();
    Entity picks = catalog.get(EntityRef.parse("component:newsletter-picks", null)).orElseThrow();
    Entity offers = catalog.get(EntityRef.parse("component:offers", null)).orElseThrow();
    // Same keys in the same order: the key texts are the very same objects, and the code's literals.
    assertThat(offers.spec().keySet()).containsExactly("type", "lifecycle", "owner");
    String ownerKey = offers.spec().keySet().stream().filter("owner"::equals).findFirst().orElseThrow();
    assertThat(ownerKey).isSameAs("owner");
    String typeOfPicks = picks.spec().keySet().iterator().next();
    assertThat(typeOfPicks).isSameAs(offers.spec().keySet().iterator().next());
  }

  @Test
  void mergeKeysDuplicateKeysAndNullsReadAsBefore() throws YamlReader.YamlError {
    List<YamlDocument> docs = new ArrayList<>();
    YamlReader.readText(new java.io.StringReader("""
        base: &b {type: service, lifecycle: production}
        spec:
          <<: *b
          lifecycle: experimental
          owner: a
          owner: b
          tags: [a, ~]
        """), docs::add);
    Map<?, ?> root = (Map<?, ?>) docs.get(0).value();
    Map<?, ?> spec = (Map<?, ?>) root.get("spec");
    assertThat(spec.keySet()).hasToString("[type, lifecycle, owner, tags]");
    assertThat((List<?>) spec.get("tags")).isEqualTo(Arrays.asList("a", null));
    assertThat(spec.get("lifecycle")).isEqualTo("experimental");
    assertThat(spec.get("owner")).isEqualTo("b");
    assertThat(docs.get(0).duplicateKeys()).contains("'owner' at line 6");
  }
}
