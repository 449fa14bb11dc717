package dev.whodecides.evidence;

import java.nio.charset.StandardCharsets;
import static dev.whodecides.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whodecides.CliRun.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The knowledge file's citations hold up against the real archive, and bad ones are caught. */
@ExtendWith(PodcastIndex.class)
class KbVerifyTest {

  static String archive() {
    return PodcastIndex.archive().toString();
  }

  static String cache() {
    return PodcastIndex.cache().toString();
  }

  @Test
  void everyBuiltInCitationIsSupportedByTheRealArchive() throws Exception {
    Run r = run("kb", "verify", "--archive", archive(), "--cache", cache(), "--format", "json");
    assertThat(r.status()).as(r.out()).isZero();
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertThat(root.get("summary").get("broken").asInt()).isZero();
    assertThat(root.get("citations").size()).isGreaterThan(30);
    int ok = root.get("summary").get("ok").asInt();
    assertThat(ok).as("citations supported by ranking").isGreaterThanOrEqualTo(root.get("citations").size() - 3);
  }

  @Test
  void brokenAndUnsupportedCitationsAreCaughtWithABetterPassage(@TempDir Path dir) throws Exception {
    String builtIn = new String(KbVerifyTest.class.getResourceAsStream("/dev/whodecides/knowledge/knowledge.yaml")
        .readAllBytes(), StandardCharsets.UTF_8);
    String claims = """
        claims:
          - id: wrong-episode
            text: A product owner must be willing to call a model good enough and go live.
            citations:
              - {source: no-such-episode, from: "1:00", to: "2:00"}
          - id: beyond-the-end
            text: A product owner must be willing to call a model good enough and go live.
            citations:
              - {source: building-data-products-product-owner-vs-product-manager, from: "2:00:00", to: "2:01:00"}
          - id: backwards
            text: A product owner must be willing to call a model good enough and go live.
            citations:
              - {source: building-data-products-product-owner-vs-product-manager, from: "18:25", to: "15:50"}
          - id: unrelated-range
            text: A product owner must be willing to call a model good enough and go live after two more weeks.
            citations:
              - {source: building-data-products-product-owner-vs-product-manager, from: "1:32", to: "2:09"}
        """;
    String episodes = builtIn.substring(builtIn.indexOf("episodes:"), builtIn.indexOf("claims:"));
    Path file = dir.resolve("knowledge.yaml");
    Files.writeString(file, episodes + claims + "roles: []\ndecisionTypes: []\nrules: []\n");
    Run r = run("kb", "verify", "--archive", archive(), "--cache", cache(), "--knowledge", file.toString());
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.out()).contains("broken wrong-episode").contains("no-such-episode is not in the archive");
    assertThat(r.out()).contains("broken beyond-the-end").contains("beyond the episode's end");
    assertThat(r.out()).contains("broken backwards").contains("is not before");
    assertThat(r.out()).contains("broken unrelated-range")
        .contains("best passage instead: building-data-products-product-owner-vs-product-manager 15:");
    assertThat(r.out()).contains("4 citations: 0 ok, 0 weak, 4 broken");
  }

  @Test
  void suggestFindsPassagesToCite() {
    Run r = run("kb", "suggest", "fixing a few hundred broken entries by hand can beat building an AI system",
        "--archive", archive(), "--cache", cache(), "--limit", "3");
    assertThat(r.status()).isZero();
    assertThat(r.out()).contains("{source: building-data-products-product-owner-vs-product-manager, from: \"48:44\"");
  }

  @Test
  void badUsageIsOneLineAndExitTwo(@TempDir Path dir) throws Exception {
    Run missing = run("evidence", "anything", "--archive", dir.resolve("nope").toString(), "--cache", cache());
    assertThat(missing.status()).isEqualTo(2);
    assertThat(missing.err()).contains("is not a folder").doesNotContain("Exception");
    Run noQuery = run("evidence", "--archive", archive(), "--cache", cache());
    assertThat(noQuery.status()).isEqualTo(2);
    assertThat(noQuery.err()).contains("give a QUERY");
    Run badLimit = run("evidence", "x", "--archive", archive(), "--cache", cache(), "--limit", "0");
    assertThat(badLimit.status()).isEqualTo(2);
    Path notYaml = Files.writeString(dir.resolve("k.yaml"), "claims: [unclosed");
    Run badKnowledge = run("kb", "verify", "--archive", archive(), "--cache", cache(), "--knowledge",
        notYaml.toString());
    assertThat(badKnowledge.status()).isEqualTo(2);
    assertThat(badKnowledge.err()).contains("cannot read knowledge file").doesNotContain("\tat ");
    Path file = Files.writeString(dir.resolve("cache-is-a-file"), "x");
    Run badCache = run("evidence", "x", "--archive", archive(), "--cache", file.toString());
    assertThat(badCache.status()).isEqualTo(2);
    assertThat(badCache.err()).contains("--cache");
  }
}
