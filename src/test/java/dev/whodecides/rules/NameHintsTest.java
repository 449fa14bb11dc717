package dev.whodecides.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whodecides.catalog.CatalogLoader;
import dev.whodecides.vocabulary.EntityRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NameHintsTest {

  @Test
  void numberedAndLetteredFamiliesAreSiblingsNotTypos() {
    assertThat(NameHints.siblings("team-a", "team-d")).isTrue();
    assertThat(NameHints.siblings("etl-1", "etl-12")).isTrue();
    assertThat(NameHints.siblings("sample-service", "sample-service-2")).isTrue();
    assertThat(NameHints.siblings("v2-api", "api")).isTrue();
    assertThat(NameHints.siblings("personalisation", "personalization")).isFalse();
    assertThat(NameHints.siblings("dev-squad", "devex-squad")).isFalse();
    assertThat(NameHints.siblings("sunny.bharne", "sunnybharne")).isFalse();
    assertThat(NameHints.siblings("team-ab", "team-ab")).isFalse();
  }

  @Test
  void offersTheSameNameAsAnotherKindFirstThenTheClosestNamesButNoSibling(@TempDir Path dir) throws IOException {
    StringBuilder yaml = new StringBuilder();
    for (String g : List.of("team-a", "team-b", "data-platform", "platform")) {
      yaml.append("apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: {name: ").append(g)
          .append("}\nspec: {type: team, children: []}\n---\n");
    }
    yaml.append("apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata: {name: ana}\nspec: {memberOf: [team-a]}\n");
    Files.writeString(dir.resolve("org.yaml"), yaml);
    NameHints hints = new NameHints(CatalogLoader.load(dir));
    List<String> owners = List.of("group", "user");
    assertThat(hints.near(EntityRef.parse("user:team-b", null), owners)).extracting(EntityRef::toString)
        .containsExactly("group:default/team-b");
    assertThat(hints.near(EntityRef.parse("group:team-d", null), owners)).isEmpty();
    assertThat(hints.near(EntityRef.parse("group:data-platfrom", null), owners)).extracting(EntityRef::toString)
        .containsExactly("group:default/data-platform");
    // Only the kinds the field may hold: a system named platform would not be offered for an owner.
    assertThat(hints.near(EntityRef.parse("group:plattform", null), List.of("system"))).isEmpty();
    assertThat(NameHints.typed(EntityRef.parse("group:ops/team-a", null))).isEqualTo("group:ops/team-a");
    // Past the budget of comparisons only one-edit slips are offered, found through an index.
    NameHints spent = new NameHints(CatalogLoader.load(dir), 0);
    assertThat(spent.near(EntityRef.parse("group:data-platfrm", null), owners)).extracting(EntityRef::toString)
        .containsExactly("group:default/data-platform");
    assertThat(spent.near(EntityRef.parse("group:data-plotfarm", null), owners)).isEmpty();
    assertThat(spent.near(EntityRef.parse("group:data-platforms", null), owners)).extracting(EntityRef::toString)
        .containsExactly("group:default/data-platform");
    assertThat(spent.near(EntityRef.parse("group:data-plutform", null), owners)).extracting(EntityRef::toString)
        .containsExactly("group:default/data-platform");
    assertThat(spent.near(EntityRef.parse("group:team-d", null), owners)).isEmpty();
    assertThat(new NameHints(CatalogLoader.load(dir)).near(EntityRef.parse("group:data-plotfarm", null), owners))
        .extracting(EntityRef::toString).containsExactly("group:default/data-platform");
    assertThat(NameHints.typed(EntityRef.parse("group:team-a", null))).isEqualTo("group:team-a");
  }
}
