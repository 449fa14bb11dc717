package dev.whodecides.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whodecides.catalog.CatalogLoader;
import dev.whodecides.config.ConfigReader;
import dev.whodecides.guarantees.VerifiedResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A missing entity is one finding with every place that names it, and an identity of its own. */
class UnknownReferenceTest {

  private static String component(String name, String owner) {
    return "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: " + name + "}\n"
        + "spec: {type: service, lifecycle: production, owner: " + owner + "}\n";
  }

  private static List<Finding> unknown(Path dir) {
    return Linter.lint(CatalogLoader.load(dir), LintOptions.defaults()).findings().stream()
        .filter(f -> f.rule().equals("unknown-reference")).toList();
  }

  @Test
  void aMissingTeamIsOneFindingListingEveryPlaceInReportOrder(@TempDir Path dir) throws IOException {
    for (int i = 1; i <= 12; i++) {
      Files.writeString(dir.resolve(String.format("c%02d.yaml", i)), "# owned by a team from LDAP\n"
          + component("svc-" + i, i % 2 == 0 ? "group:default/platform" : "platform"));
    }
    List<Finding> found = unknown(dir);
    assertThat(found).hasSize(1);
    Finding f = found.get(0);
    assertThat(f.entity()).isEqualTo("group:default/platform");
    assertThat(f.file()).endsWith("c01.yaml");
    // At the owner value itself, not at the document.
    assertThat(f.line()).isEqualTo(5);
    assertThat(f.column()).isEqualTo(53);
    assertThat(f.message()).isEqualTo("spec.owner of component:default/svc-1 and 11 other references name"
        + " group:default/platform, which is not in the catalog.");
    assertThat(f.recommendation().action()).contains("in all 12 places")
        .contains("list it under external in .whodecides.yaml");
    assertThat(f.places()).hasSize(12);
    assertThat(f.places().get(0)).isEqualTo(new Place("component:default/svc-1", "spec.owner", f.file(), 5, 53));
    assertThat(f.places()).extracting(Place::file).isSorted();
    assertThat(f.places()).extracting(Place::entity).doesNotHaveDuplicates();
  }

  @Test
  void theFingerprintStaysWhenReferencesToTheMissingEntityComeAndGo(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("m.yaml"), component("middle", "platform"));
    String before = unknown(dir).get(0).fingerprint();
    // A new reference that sorts first takes the finding's place, but not its identity.
    Files.writeString(dir.resolve("a.yaml"), component("first", "platform"));
    Finding more = unknown(dir).get(0);
    assertThat(more.file()).endsWith("a.yaml");
    assertThat(more.fingerprint()).isEqualTo(before);
    Files.delete(dir.resolve("m.yaml"));
    assertThat(unknown(dir).get(0).fingerprint()).isEqualTo(before);
  }

  @Test
  void aWaiverNamesTheMissingEntity(@TempDir Path dir) throws Exception {
    Path org = Files.createDirectories(dir.resolve("org"));
    Files.writeString(org.resolve("a.yaml"), component("a", "payments") + "---\n" + component("b", "payments")
        + "---\n" + component("c", "ledger-team"));
    Path config = Files.writeString(dir.resolve(".whodecides.yaml"), """
        waivers:
          - rule: unknown-reference
            entity: group:default/payments
            reason: The payments team comes from LDAP
            by: user:ana
            until: 2027-03-31
        """);
    LintResult r = Linter.lint(CatalogLoader.load(org), new LintOptions(LintOptions.DEFAULT_DUPLICATE_THRESHOLD,
        VerifiedResults.none(), LintOptions.DEFAULT_MANUAL_FIX_VOLUME, LintOptions.DEFAULT_BUSY_USE_CASES,
        ConfigReader.read(config).policy(LocalDate.of(2026, 6, 1))));
    assertThat(r.waived()).extracting(w -> w.finding().entity()).containsExactly("group:default/payments");
    assertThat(r.waived().get(0).finding().places()).hasSize(2);
    assertThat(r.findings()).filteredOn(f -> f.rule().equals("unknown-reference")).extracting(Finding::entity)
        .containsExactly("group:default/ledger-team");
  }

  @Test
  void eachMissingEntityIsAFindingOfItsOwn(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("a.yaml"), component("a", "team-x") + "---\n" + component("b", "team-y")
        + "---\n" + component("c", "team-x"));
    assertThat(unknown(dir)).extracting(Finding::entity)
        .containsExactlyInAnyOrder("group:default/team-x", "group:default/team-y");
    assertThat(unknown(dir)).filteredOn(f -> f.entity().equals("group:default/team-y"))
        .singleElement().satisfies(f -> {
          assertThat(f.places()).hasSize(1);
          assertThat(f.message()).isEqualTo("spec.owner of component:default/b names group:default/team-y, which"
              + " is not in the catalog.");
        });
  }

  @Test
  void aPersonsNameIsToldItCannotBeANameAndNeverGivenOneBackstageRejects(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("a.yaml"), component("a", "Joshua Mathianas") + "---\n"
        + component("b", "José Núñez-García") + "---\n" + component("c", "'Иван Петров'"));
    List<Finding> found = unknown(dir);
    assertThat(found).hasSize(3);
    assertThat(found.get(0).recommendation().action()).startsWith("Write the reference as Backstage spells it, e.g."
        + " user:joshua-mathianas,");
    assertThat(found.get(1).message()).endsWith("Backstage would need a reference like user:jose-nunez-garcia or"
        + " group:jose-nunez-garcia.");
    assertThat(found.get(2).message()).doesNotContain("would need");
    assertThat(found.get(2).recommendation().action()).contains("with a name Backstage accepts");
    assertThat(found).allSatisfy(f -> assertThat(f.message()).contains("cannot name an entity"));
  }

  @Test
  void aWrittenOutNameOrAddressOfSomeoneInTheCatalogPointsAtThem(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("a.yaml"), """
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata: {name: recs}
        spec: {type: team, children: []}
        ---
        apiVersion: backstage.io/v1alpha1
        kind: User
        metadata: {name: joshua.m}
        spec: {memberOf: [recs], profile: {displayName: Joshua Mathianas, email: josh@example.com}}
        ---
        """ + component("a", "Joshua  Mathianas") + "---\n" + component("b", "JOSH@example.com"));
    assertThat(unknown(dir)).extracting(f -> f.recommendation().action())
        .containsExactly("Write user:joshua.m instead.", "Write user:joshua.m instead.");
  }
}
