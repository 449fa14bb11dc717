package dev.whodecides.cli;

import static dev.whodecides.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whodecides.CliRun.Run;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code whodecides who} and {@code may} on the example organization: the JSON contract and the exit codes. */
class AuthorityCliTest {

  static final String EXAMPLE = "examples/retail-data-org";

  static JsonNode json(String text) throws Exception {
    return new ObjectMapper().readTree(text);
  }

  static List<String> fields(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Test
  void whoListsEveryDecisionWithItsOwnerAndOrigin() throws Exception {
    Run r = run("who", EXAMPLE, "--scope", "demand-forecast", "--format", "json");
    assertThat(r.status()).as(r.err()).isZero();
    JsonNode root = json(r.out());
    assertThat(fields(root)).containsExactly("scope", "decisions");
    assertThat(root.get("scope").asText()).isEqualTo("component:default/demand-forecast");
    assertThat(root.get("decisions")).hasSize(10);
    JsonNode release = root.get("decisions").get(0);
    assertThat(fields(release)).containsExactly("decision", "owner", "inheritedFrom", "explicitlyUnowned", "conflicting");
    assertThat(release.get("decision").asText()).isEqualTo("release");
    assertThat(release.get("owner").asText()).isEqualTo("user:default/jonas.berg");
    assertThat(release.get("inheritedFrom").asText()).isEqualTo("system:default/supply-planning");
    assertThat(release.get("explicitlyUnowned").asBoolean()).isFalse();
    assertThat(release.get("conflicting")).isEmpty();
    JsonNode roadmap = root.get("decisions").get(1);
    assertThat(roadmap.get("owner").isNull()).isTrue();
    assertThat(roadmap.get("inheritedFrom").isNull()).isTrue();
  }

  @Test
  void whoOfOneDecisionShowsAConflict() throws Exception {
    Run r = run("who", EXAMPLE, "--scope", "system:recommendations", "--decision", "launch", "--format", "json");
    assertThat(r.status()).isZero();
    JsonNode d = json(r.out()).get("decisions");
    assertThat(d).hasSize(1);
    assertThat(d.get(0).get("conflicting").get(0).asText()).isEqualTo("user:default/olu.adeyemi");
    Run text = run("who", EXAMPLE, "--scope", "system:recommendations", "--decision", "launch");
    assertThat(text.out()).contains("launch  user:default/priya.natarajan  (on it directly)  CONFLICT: also claimed for"
        + " user:default/olu.adeyemi");
  }

  @Test
  void mayAllowsTheReleaseOwner() throws Exception {
    Run r = run("may", EXAMPLE, "--user", "lena.vogel", "--decision", "release", "--scope", "markdown-pricing",
        "--format", "json");
    assertThat(r.status()).as(r.err()).isZero();
    JsonNode v = json(r.out());
    assertThat(fields(v)).containsExactly("allowed", "user", "decision", "scope", "owner", "inheritedFrom", "reason");
    assertThat(v.get("allowed").asBoolean()).isTrue();
    assertThat(v.get("user").asText()).isEqualTo("user:default/lena.vogel");
    assertThat(v.get("scope").asText()).isEqualTo("component:default/markdown-pricing");
  }

  @Test
  void mayRefusesSomeoneElseWithExitOne() throws Exception {
    Run r = run("may", EXAMPLE, "--user", "jonas.berg", "--decision", "release", "--scope", "markdown-pricing",
        "--format", "json");
    assertThat(r.status()).isEqualTo(1);
    JsonNode v = json(r.out());
    assertThat(v.get("allowed").asBoolean()).isFalse();
    assertThat(v.get("owner").asText()).isEqualTo("user:default/lena.vogel");
    assertThat(v.get("reason").asText()).contains("not user:default/jonas.berg");
    Run text = run("may", EXAMPLE, "--user", "felix.braun", "--decision", "release", "--scope", "assortment-optimizer");
    assertThat(text.status()).isEqualTo(1);
    assertThat(text.out()).startsWith("not allowed: Nobody holds the release decision for"
        + " component:default/assortment-optimizer: it is declared explicitly unowned");
  }

  @Test
  void badInputAndUnknownEntitiesExitTwoWithOneLine() {
    for (String[] args : List.of(
        new String[] {"may", EXAMPLE, "--user", "nobody.here", "--decision", "release", "--scope", "markdown-pricing"},
        new String[] {"may", EXAMPLE, "--user", "lena.vogel", "--decision", "budget", "--scope", "markdown-pricing"},
        new String[] {"may", EXAMPLE, "--user", "lena.vogel", "--decision", "release", "--scope", "component:gone"},
        new String[] {"may", EXAMPLE, "--user", "group:replenishment", "--decision", "release", "--scope", "markdown-pricing"},
        new String[] {"who", EXAMPLE, "--scope", "user:lena.vogel"},
        new String[] {"who", EXAMPLE, "--scope", "markdown-pricing", "--decision", "budget"},
        new String[] {"who", "no/such/dir", "--scope", "markdown-pricing"})) {
      Run r = run(args);
      assertThat(r.status()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.out()).isEmpty();
      assertThat(r.err().lines().filter(l -> l.startsWith("whodecides: "))).hasSize(1);
      assertThat(r.err()).doesNotContain("Exception");
    }
  }
}
