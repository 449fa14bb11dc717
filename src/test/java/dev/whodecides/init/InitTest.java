package dev.whodecides.init;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whodecides.CliRun;
import dev.whodecides.catalog.Catalog;
import dev.whodecides.catalog.CatalogLoader;
import dev.whodecides.generate.OrgGenerator;
import dev.whodecides.rules.Finding;
import dev.whodecides.rules.LintOptions;
import dev.whodecides.rules.LintResult;
import dev.whodecides.rules.Linter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code whodecides init}: drafted Decisions turn no-decision-rights into explicit, specific gaps. */
class InitTest {

  static final String TEAM = """
      apiVersion: backstage.io/v1alpha1
      kind: Group
      metadata: {name: commercial}
      spec: {type: department, children: [replenishment, pricing]}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: User
      metadata:
        name: maya.stone
        annotations: {whodecides.dev/title: Head of Commercial Data}
      spec: {memberOf: [commercial], profile: {displayName: Maya Stone}}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Group
      metadata: {name: replenishment}
      spec: {type: team, parent: commercial, children: []}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Group
      metadata: {name: pricing}
      spec: {type: team, parent: commercial, children: []}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: User
      metadata:
        name: amira.haddad
        annotations: {whodecides.dev/title: Product Owner}
      spec: {memberOf: [replenishment], profile: {displayName: Amira Haddad}}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: User
      metadata:
        name: jonas.berg
        annotations: {whodecides.dev/title: Senior Product Manager}
      spec: {memberOf: [replenishment]}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: User
      metadata:
        name: kai.lund
        annotations: {whodecides.dev/title: Data Scientist}
      spec: {memberOf: [replenishment]}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: System
      metadata: {name: supply-planning}
      spec: {owner: replenishment}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata: {name: demand-forecast}
      spec: {type: service, lifecycle: production, owner: replenishment, system: supply-planning}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata: {name: forecast-explorer}
      spec: {type: website, lifecycle: experimental, owner: replenishment}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata: {name: markdown-model}
      spec: {type: service, lifecycle: production, owner: pricing, dependsOn: [resource:store-sales]}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Resource
      metadata: {name: store-sales}
      spec: {type: dataset, owner: replenishment, system: supply-planning}
      """;

  private static LintResult lint(Path... paths) {
    return Linter.lint(CatalogLoader.load(paths), LintOptions.defaults());
  }

  private static List<String> rulesIn(String json) throws IOException {
    return new ObjectMapper().readTree(json).path("findings").findValuesAsText("rule");
  }

  private static Set<String> rules(LintResult r) {
    return r.findings().stream().map(Finding::rule).collect(Collectors.toSet());
  }

  @Test
  void eachTeamGetsAFileWithOneDecisionPerNeededTypeAndTheCandidatesInAComment(@TempDir Path dir) throws IOException {
    Path catalog = dir.resolve("catalog.yaml");
    Files.writeString(catalog, TEAM);
    // One finding per team; no-guarantees speaks only of the missing contract, not of the owner.
    LintResult first = lint(catalog);
    assertThat(first.findings()).extracting(Finding::rule).containsOnly("no-decision-rights", "no-guarantees");
    assertThat(first.findings()).filteredOn(f -> f.rule().equals("no-decision-rights")).hasSize(2);
    assertThat(first.findings()).filteredOn(f -> f.rule().equals("no-guarantees")).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("no data contract").doesNotContain("owner"));
    Path out = dir.resolve("decisions");
    CliRun.Run run = CliRun.run("init", catalog.toString(), "--out", out.toString(), "--today", "2026-12-02");
    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).contains("wrote " + out.resolve("replenishment.yaml"))
        .contains("wrote " + out.resolve("pricing.yaml"));
    String replenishment = Files.readString(out.resolve("replenishment.yaml"));
    // The System the team holds alone gets release, roadmap and guarantees; the product outside
    // any System gets its own two.
    assertThat(replenishment).contains("name: supply-planning-release\nspec:\n  type: release\n  scope: system:default/supply-planning\n")
        .contains("name: supply-planning-roadmap\n").contains("name: supply-planning-guarantees\n")
        .contains("name: forecast-explorer-release\nspec:\n  type: release\n  scope: component:default/forecast-explorer\n")
        .contains("name: forecast-explorer-roadmap\n")
        .doesNotContain("\n  owner:");
    // Every drafted Decision is to be confirmed again six months after the day it was drafted.
    assertThat(List.of(replenishment.split("\n---\n")).subList(1, 6))
        .allSatisfy(d -> assertThat(d + "\n").contains("\n  reviewBy: 2027-06-02\n"));
    assertThat(replenishment.split("\n---\n")).hasSize(6);
    assertThat(run.out()).contains("(review by 2027-06-02)");
    // Candidates: the product owner for release, the product manager for roadmap, and the head of
    // the department above the team for both; never the data scientist.
    String release = replenishment.substring(replenishment.indexOf("# Who says"), replenishment.indexOf("supply-planning-release"));
    assertThat(release).contains("#   user:default/amira.haddad (Amira Haddad; Product Owner, product-owner by title)")
        .contains("#   user:default/maya.stone (Maya Stone; team owner: Head of Commercial Data of group:default/commercial)")
        .doesNotContain("jonas.berg").doesNotContain("kai.lund");
    String roadmap = replenishment.substring(replenishment.indexOf("# Who chooses"), replenishment.indexOf("supply-planning-roadmap"));
    assertThat(roadmap).contains("user:default/jonas.berg").doesNotContain("amira.haddad");

    LintResult after = lint(catalog, out);
    assertThat(rules(after)).doesNotContain("no-decision-rights", "invalid-entity", "unknown-reference")
        .contains("no-ship-authority", "no-roadmap-owner", "no-guarantees");
    assertThat(after.findings()).filteredOn(f -> f.rule().equals("no-ship-authority"))
        .hasSize(3).allSatisfy(f -> assertThat(f.message()).contains("names no owner"));
    assertThat(after.catalog().loadProblems()).isEmpty();
    assertThat(after.catalog().schemaProblems()).isEmpty();
    assertThat(rules(after)).doesNotContain("stale-decision");
  }

  @Test
  void draftsGoStaleSixMonthsOnAndABadTodayIsUsage(@TempDir Path dir) throws IOException {
    Path catalog = dir.resolve("catalog.yaml");
    Files.writeString(catalog, TEAM);
    Path out = dir.resolve("decisions");
    CliRun.Run run = CliRun.run("init", catalog.toString(), "--out", out.toString(), "--today", "2026-01-31");
    assertThat(run.status()).as(run.err()).isZero();
    assertThat(Files.readString(out.resolve("pricing.yaml"))).contains("\n  reviewBy: 2026-07-31\n");
    CliRun.Run onTime = CliRun.run("lint", "--format", "json", "--fail-on", "never", "--today", "2026-07-31",
        catalog.toString(), out.toString());
    assertThat(rulesIn(onTime.out())).isNotEmpty().doesNotContain("stale-decision");
    CliRun.Run late = CliRun.run("lint", "--format", "json", "--fail-on", "never", "--today", "2026-08-01",
        catalog.toString(), out.toString());
    assertThat(rulesIn(late.out())).contains("stale-decision");

    CliRun.Run bad = CliRun.run("init", catalog.toString(), "--out", dir.resolve("x").toString(), "--today", "31.01.2026");
    assertThat(bad.status()).isEqualTo(2);
    assertThat(bad.err()).contains("--today must be a date written YYYY-MM-DD, not '31.01.2026'").doesNotContain("Exception");
    assertThat(dir.resolve("x")).doesNotExist();
  }

  @Test
  void neverOverwritesWithoutForce(@TempDir Path dir) throws IOException {
    Path catalog = dir.resolve("catalog.yaml");
    Files.writeString(catalog, TEAM);
    Path out = dir.resolve("decisions");
    Files.createDirectories(out);
    Files.writeString(out.resolve("pricing.yaml"), "# ours\n");
    CliRun.Run refused = CliRun.run("init", catalog.toString(), "--out", out.toString());
    assertThat(refused.status()).isEqualTo(2);
    assertThat(refused.err()).contains(out.resolve("pricing.yaml") + " already exists; nothing was written. Pass --force")
        .doesNotContain("Exception");
    assertThat(Files.readString(out.resolve("pricing.yaml"))).isEqualTo("# ours\n");
    assertThat(out.resolve("replenishment.yaml")).doesNotExist();
    CliRun.Run forced = CliRun.run("init", catalog.toString(), "--out", out.toString(), "--force");
    assertThat(forced.status()).as(forced.err()).isZero();
    assertThat(Files.readString(out.resolve("pricing.yaml"))).contains("kind: Decision");
  }

  @Test
  void onTheExampleOnlyTheHolesAreDraftedAndNothingBreaks(@TempDir Path out) {
    CliRun.Run run = CliRun.run("init", "examples/retail-data-org", "--out", out.toString());
    assertThat(run.status()).as(run.err()).isZero();
    LintResult before = lint(Path.of("examples/retail-data-org"));
    LintResult after = lint(Path.of("examples/retail-data-org"), out);
    assertThat(rules(after)).doesNotContain("no-decision-rights");
    for (String rule : List.of("invalid-entity", "unknown-reference", "conflicting-owners")) {
      assertThat(after.findings().stream().filter(f -> f.rule().equals(rule)).count()).as(rule)
          .isEqualTo(before.findings().stream().filter(f -> f.rule().equals(rule)).count());
    }
    // The roadmap gap of replenishment was "no decision covers it"; now a drafted Decision names nobody.
    assertThat(after.findings()).filteredOn(f -> f.rule().equals("no-roadmap-owner")
        && f.entity().equals("group:default/replenishment")).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("group:default/replenishment"));
    assertThat(after.findings().size()).isEqualTo(before.findings().size());
  }

  @Test
  void onAGeneratedCompanyTheTeamsWithoutDecisionsGetExplicitGaps(@TempDir Path dir) throws IOException {
    Path org = dir.resolve("org");
    OrgGenerator.generate(3_000, org, 7);
    LintResult before = lint(org);
    List<Finding> undeclared = before.findings().stream().filter(f -> f.rule().equals("no-decision-rights")).toList();
    assertThat(undeclared).isNotEmpty();
    Path out = dir.resolve("decisions");
    CliRun.Run run = CliRun.run("init", org.toString(), "--out", out.toString());
    assertThat(run.status()).as(run.err()).isZero();
    LintResult after = lint(org, out);
    Catalog catalog = after.catalog();
    assertThat(catalog.loadProblems()).isEmpty();
    assertThat(catalog.schemaProblems()).isEmpty();
    assertThat(rules(after)).doesNotContain("no-decision-rights", "invalid-entity", "unknown-reference");
    for (Finding team : undeclared) {
      assertThat(after.findings()).as("explicit gaps of %s", team.entity()).anySatisfy(f -> {
        assertThat(f.rule()).isEqualTo("no-roadmap-owner");
        assertThat(f.entity()).isEqualTo(team.entity());
      });
    }
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.count()).isGreaterThanOrEqualTo(undeclared.size());
    }
    // Running it again drafts nothing new for what is now written down.
    CliRun.Run again = CliRun.run("init", org.toString(), out.toString(), "--out", dir.resolve("again").toString());
    assertThat(again.status()).as(again.err()).isZero();
    assertThat(Planner.plan(after.analysis().ownership()).stream()
        .flatMap(t -> t.drafts().stream()).filter(d -> undeclared.stream()
            .anyMatch(u -> d.products().stream().anyMatch(p -> catalog.get(p).flatMap(e -> catalog.ref(e, "owner"))
                .map(Object::toString).orElse("").equals(u.entity()))))).isEmpty();
  }
}
