package dev.whodecides.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whodecides.CliRun;
import dev.whodecides.catalog.CatalogLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every finding stands at the line and column of what is wrong, in every format. */
class FindingPositionsTest {

  private static final String CATALOG = """
      apiVersion: backstage.io/v1alpha1
      kind: Group
      metadata:
        name: data
      spec:
        type: team
        children: []
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata:
        name: shop
      spec:
        type: service
        lifecycle: production
        owner: nobody-team
      ---
      apiVersion: backstage.io/v1alpha1
      kind: User
      metadata:
        name: ana
      spec:
        memberOf: [data, ghosts]
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata:
        name: broken
        tags:
          - ok
          - Not OK
      spec:
        type: service
        lifecycle: production
        owner: data
      ---
      apiVersion: backstage.io/v1alpha1
      kind: System
      metadata:
        name: ops
      spec:
        domain: platform
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Group
      metadata:
        name: data
      spec: {type: team, children: []}
      """;

  private static List<Finding> lint(Path file) {
    return Linter.lint(CatalogLoader.load(List.of(file)), LintOptions.defaults()).findings();
  }

  private static Finding about(List<Finding> findings, String rule, String text) {
    return findings.stream().filter(f -> f.rule().equals(rule) && f.message().contains(text)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + rule + " finding with " + text + " in " + findings));
  }

  @Test
  void findingsStandAtTheValueThatIsWrong(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("org.yaml");
    Files.writeString(file, CATALOG);
    List<Finding> findings = lint(file);
    Finding owner = about(findings, "unknown-reference", "group:default/nobody-team");
    assertThat(List.of(owner.line(), owner.column())).as("the owner: value").containsExactly(16, 10);
    Finding member = about(findings, "unknown-reference", "group:default/ghosts");
    assertThat(List.of(member.line(), member.column())).as("the list entry naming nobody").containsExactly(23, 20);
    assertThat(member.places()).extracting(Place::line, Place::column).containsExactly(org.assertj.core.groups.Tuple
        .tuple(23, 20));
    Finding tag = about(findings, "invalid-entity", "'Not OK'");
    assertThat(List.of(tag.line(), tag.column())).as("the tag that breaks the schema").containsExactly(31, 7);
    Finding missing = about(findings, "invalid-entity", "spec.owner is missing");
    assertThat(List.of(missing.line(), missing.column())).as("the spec that lacks owner").containsExactly(41, 1);
    Finding twice = about(findings, "invalid-entity", "group:default/data is defined twice");
    assertThat(List.of(twice.line(), twice.column())).as("the second definition's name").containsExactly(47, 9);
    assertThat(twice.message()).contains("first at " + CatalogLoader.display(file) + ":1:1");
  }

  @Test
  void sarifAndTextCarryThePosition(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("org.yaml");
    Files.writeString(file, CATALOG);
    CliRun.Run sarif = CliRun.run("lint", file.toString(), "--format", "sarif", "--fail-on", "never");
    JsonNode results = new ObjectMapper().readTree(sarif.out()).path("runs").get(0).path("results");
    JsonNode owner = null;
    for (JsonNode r : results) {
      if (r.path("message").path("text").asText().contains("nobody-team")) {
        owner = r;
      }
    }
    assertThat(owner).isNotNull();
    JsonNode region = owner.path("locations").get(0).path("physicalLocation").path("region");
    assertThat(region.path("startLine").asInt()).isEqualTo(16);
    assertThat(region.path("startColumn").asInt()).isEqualTo(10);
    CliRun.Run text = CliRun.run("lint", file.toString(), "--fail-on", "never");
    assertThat(text.out()).contains("16:10").contains("23:20").contains("47:9");
  }
}
