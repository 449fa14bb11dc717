package dev.whodecides.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whodecides.catalog.Catalog;
import dev.whodecides.catalog.CatalogLoader;
import dev.whodecides.graph.NodeKind;
import dev.whodecides.graph.OwnershipGraph;
import dev.whodecides.rules.BuiltInRules;
import dev.whodecides.rules.Finding;
import dev.whodecides.rules.LintOptions;
import dev.whodecides.rules.LintResult;
import dev.whodecides.rules.Linter;
import dev.whodecides.vocabulary.DecisionType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The matrix, the graph and lint read one answer for "which decisions does a product lack an owner
 * for": on a catalog with inherited, explicitly unowned and conflicting decisions they name the
 * same gaps, product by product and type by type.
 */
class GapsAgreeTest {

  static final String ORG = """
      apiVersion: backstage.io/v1alpha1
      kind: Group
      metadata: {name: commercial}
      spec: {type: department, children: [pricing, stores]}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Group
      metadata: {name: pricing}
      spec: {type: team, children: []}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Group
      metadata: {name: stores}
      spec: {type: team, children: []}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: User
      metadata: {name: ana}
      spec: {memberOf: [pricing]}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: User
      metadata: {name: ben}
      spec: {memberOf: [stores]}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: System
      metadata: {name: markdown}
      spec: {owner: pricing}
      ---
      # inherits release and roadmap from its system
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata: {name: markdown-model}
      spec: {type: service, lifecycle: production, owner: pricing, system: markdown, dependsOn: [resource:shelf-sales]}
      ---
      # release is declared unowned on it; roadmap comes from the team's group
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata: {name: shelf-planner}
      spec: {type: service, lifecycle: experimental, owner: stores}
      ---
      # release claimed twice with different owners: the first governs, so no gap
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata: {name: store-forecast}
      spec: {type: service, lifecycle: production, owner: stores}
      ---
      # live, and no declaration reaches it: both gaps undeclared
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata: {name: pricing-dashboard}
      spec: {type: website, lifecycle: production, owner: pricing}
      ---
      # not live: needs nothing, although nothing is declared
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata: {name: price-sandbox}
      spec: {type: library, lifecycle: deprecated, owner: pricing}
      ---
      # consumed by pricing, produced by stores, guarantees declared unowned
      apiVersion: backstage.io/v1alpha1
      kind: Resource
      metadata: {name: shelf-sales}
      spec: {type: table, owner: stores}
      ---
      # consumed across teams, nobody declared for guarantees
      apiVersion: backstage.io/v1alpha1
      kind: API
      metadata: {name: price-api}
      spec: {type: openapi, lifecycle: production, owner: pricing, definition: "openapi: 3.0.0"}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata: {name: till}
      spec: {type: service, lifecycle: deprecated, owner: stores, consumesApis: [price-api]}
      ---
      apiVersion: whodecides.dev/v1
      kind: Decision
      metadata: {name: markdown-release}
      spec: {type: release, scope: system:markdown, owner: user:ana}
      ---
      apiVersion: whodecides.dev/v1
      kind: Decision
      metadata: {name: markdown-roadmap}
      spec: {type: roadmap, scope: system:markdown, owner: user:ana}
      ---
      apiVersion: whodecides.dev/v1
      kind: Decision
      metadata: {name: planner-release}
      spec: {type: release, scope: component:shelf-planner}
      ---
      apiVersion: whodecides.dev/v1
      kind: Decision
      metadata: {name: stores-roadmap}
      spec: {type: roadmap, scope: group:stores, owner: user:ben}
      ---
      apiVersion: whodecides.dev/v1
      kind: Decision
      metadata: {name: forecast-release}
      spec: {type: release, scope: component:store-forecast, owner: user:ben}
      ---
      apiVersion: whodecides.dev/v1
      kind: Decision
      metadata: {name: forecast-release-again}
      spec: {type: release, scope: component:store-forecast, owner: user:ana}
      ---
      apiVersion: whodecides.dev/v1
      kind: Decision
      metadata: {name: shelf-sales-guarantees}
      spec: {type: guarantees, scope: resource:shelf-sales}
      """;

  private static final Pattern REF = Pattern.compile("\\b[a-z]+:[a-z0-9-]+/[a-z0-9_.-]*[a-z0-9_-]");

  @Test
  void matrixGraphAndLintNameTheSameGaps(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("org.yaml"), ORG);
    Catalog catalog = CatalogLoader.load(dir);
    assertThat(catalog.schemaProblems()).isEmpty();
    LintResult lint = Linter.lint(catalog, LintOptions.defaults());
    Ownership ownership = lint.analysis().ownership();

    Set<String> model = new TreeSet<>();
    ownership.gaps().all().forEach(g -> model.add(g.product() + " " + g.type().id()));
    // What the catalog was written to hold: one gap of each origin, and none where a declaration governs.
    assertThat(model).containsExactly(
        "api:default/price-api guarantees",
        "component:default/pricing-dashboard release",
        "component:default/pricing-dashboard roadmap",
        "component:default/shelf-planner release",
        "resource:default/shelf-sales guarantees");

    Set<String> matrix = new TreeSet<>();
    for (DecisionMatrix.Row r : DecisionMatrix.of(ownership).rows()) {
      r.cells().stream().filter(DecisionMatrix.Cell::gap).forEach(c -> matrix.add(r.product().ref() + " " + c.type().id()));
    }
    assertThat(matrix).isEqualTo(model);
    assertThat(DecisionMatrix.of(ownership).gapCount()).isEqualTo(ownership.gaps().count());

    Set<String> graph = new TreeSet<>();
    for (OwnershipGraph.Node n : OwnershipGraph.of(ownership, null, 1000).nodes()) {
      if (n.kind() == NodeKind.PRODUCT) {
        n.gaps().forEach(t -> graph.add(n.ref() + " " + t));
      }
    }
    assertThat(graph).isEqualTo(model);

    // lint: each rule that reports an ownerless decision names exactly the products the model does.
    Set<String> linted = new TreeSet<>();
    for (Finding f : lint.findings()) {
      switch (f.rule()) {
        case "no-ship-authority" -> linted.add(f.entity() + " " + DecisionType.RELEASE.id());
        case "no-roadmap-owner" -> {
          Matcher m = REF.matcher(f.message());
          while (m.find()) {
            if (m.group().startsWith("component:")) {
              linted.add(m.group() + " " + DecisionType.ROADMAP.id());
            }
          }
        }
        case "no-guarantees" -> {
          if (f.message().contains("no guarantees owner")) {
            linted.add(f.entity() + " " + DecisionType.GUARANTEES.id());
          }
        }
        default -> { }
      }
    }
    assertThat(linted).isEqualTo(model);
    // The conflict is lint's own finding, and the rules that reported the gaps declare their types.
    assertThat(lint.findings()).anyMatch(f -> f.rule().equals("conflicting-owners")
        && f.entity().equals("component:default/store-forecast"));
    for (String rule : new String[] {"no-ship-authority", "no-roadmap-owner", "no-guarantees"}) {
      assertThat(BuiltInRules.byId(rule).orElseThrow().descriptor().decisions()).hasSize(1);
    }
  }
}
