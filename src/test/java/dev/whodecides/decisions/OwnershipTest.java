package dev.whodecides.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whodecides.catalog.Catalog;
import dev.whodecides.catalog.CatalogLoader;
import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.EntityRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Effective ownership: inheritance down the chain and overriding by the most specific scope. */
class OwnershipTest {

  static final String ORG = """
      apiVersion: backstage.io/v1alpha1
      kind: Group
      metadata: {name: org}
      spec: {type: organization, children: [commercial]}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Group
      metadata: {name: commercial}
      spec: {type: department, children: []}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Group
      metadata: {name: pricing}
      spec: {type: team, parent: commercial, children: []}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Domain
      metadata: {name: retail}
      spec: {owner: org}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Domain
      metadata: {name: commercial-domain}
      spec: {owner: commercial, subdomainOf: retail}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: System
      metadata: {name: markdown}
      spec: {owner: pricing, domain: commercial-domain}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata: {name: markdown-model}
      spec: {type: service, lifecycle: production, owner: pricing, system: markdown}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata: {name: markdown-features}
      spec: {type: library, lifecycle: production, owner: pricing, subcomponentOf: markdown-model}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata: {name: loose-tool}
      spec: {type: tool, lifecycle: production, owner: pricing}
      ---
      apiVersion: whodecides.dev/v1
      kind: Decision
      metadata: {name: d-retail-release}
      spec: {type: release, scope: domain:retail, owner: user:ceo}
      ---
      apiVersion: whodecides.dev/v1
      kind: Decision
      metadata: {name: d-system-release}
      spec: {type: release, scope: system:markdown, owner: user:lena}
      ---
      apiVersion: whodecides.dev/v1
      kind: Decision
      metadata: {name: d-org-roadmap}
      spec: {type: roadmap, scope: group:org, owner: user:pm}
      ---
      apiVersion: whodecides.dev/v1
      kind: Decision
      metadata: {name: d-model-roadmap}
      spec: {type: roadmap, scope: component:markdown-model, owner: user:omar}
      ---
      apiVersion: whodecides.dev/v1
      kind: Decision
      metadata: {name: d-domain-staffing}
      spec: {type: staffing, scope: domain:retail, owner: user:ceo}
      ---
      apiVersion: whodecides.dev/v1
      kind: Decision
      metadata: {name: d-system-staffing-unowned}
      spec: {type: staffing, scope: system:markdown}
      """;

  static Ownership ownership;

  @BeforeAll
  static void load(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("org.yaml");
    Files.writeString(f, ORG);
    Catalog catalog = CatalogLoader.load(List.of(f));
    assertThat(catalog.schemaProblems()).isEmpty();
    ownership = Ownership.of(catalog);
  }

  static EntityRef ref(String s) {
    return EntityRef.parse(s, null);
  }

  @Test
  void chainRunsFromEntityThroughSystemDomainsAndGroups() {
    assertThat(ownership.chain(ref("component:markdown-features"))).containsExactly(
        ref("component:markdown-features"), ref("component:markdown-model"), ref("system:markdown"),
        ref("domain:commercial-domain"), ref("domain:retail"), ref("group:pricing"), ref("group:commercial"),
        ref("group:org"));
  }

  @Test
  void theMostSpecificDeclarationWins() {
    Effective e = ownership.effective(ref("component:markdown-model"), DecisionType.RELEASE).orElseThrow();
    assertThat(e.owner()).isEqualTo(ref("user:lena"));
    assertThat(e.inheritedFrom()).isEqualTo(ref("system:markdown"));
    Effective r = ownership.effective(ref("component:markdown-model"), DecisionType.ROADMAP).orElseThrow();
    assertThat(r.owner()).isEqualTo(ref("user:omar"));
    assertThat(r.inheritedFrom()).isEqualTo(ref("component:markdown-model"));
  }

  @Test
  void subcomponentsInheritFromTheirParentComponent() {
    assertThat(ownership.owner(ref("component:markdown-features"), DecisionType.ROADMAP)).isEqualTo(ref("user:omar"));
  }

  @Test
  void groupDeclarationsCoverEntitiesOwnedByDescendantGroups() {
    Effective r = ownership.effective(ref("component:loose-tool"), DecisionType.ROADMAP).orElseThrow();
    assertThat(r.owner()).isEqualTo(ref("user:pm"));
    assertThat(r.inheritedFrom()).isEqualTo(ref("group:org"));
  }

  @Test
  void domainsCoverTheirSystemsButNotEntitiesOutsideThem() {
    assertThat(ownership.owner(ref("system:markdown"), DecisionType.RELEASE)).isEqualTo(ref("user:lena"));
    assertThat(ownership.owner(ref("domain:commercial-domain"), DecisionType.RELEASE)).isEqualTo(ref("user:ceo"));
    assertThat(ownership.effective(ref("component:loose-tool"), DecisionType.RELEASE)).isEmpty();
  }

  @Test
  void anExplicitlyUnownedDeclarationOverridesAnInheritedOwner() {
    Effective e = ownership.effective(ref("component:markdown-model"), DecisionType.STAFFING).orElseThrow();
    assertThat(e.owned()).isFalse();
    assertThat(e.inheritedFrom()).isEqualTo(ref("system:markdown"));
    assertThat(ownership.owner(ref("domain:retail"), DecisionType.STAFFING)).isEqualTo(ref("user:ceo"));
  }

  @Test
  void nothingDeclaredMeansNoEffectiveOwner() {
    assertThat(ownership.effective(ref("component:markdown-model"), DecisionType.GUARANTEES)).isEmpty();
    assertThat(ownership.effective(ref("component:does-not-exist"), DecisionType.RELEASE)).isEmpty();
  }
}
