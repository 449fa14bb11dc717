package dev.whodecides.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.whodecides.Shared;
import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every citation in the knowledge file lands on real transcript lines of a real episode. */
class CitationTest {

  private static final Map<String, JsonNode> EPISODES = new HashMap<>();

  static JsonNode episode(String slug) {
    return EPISODES.computeIfAbsent(slug, s -> {
      Path file = Shared.path("podcast/" + s + ".md");
      assertThat(file).as("episode file for %s", s).isRegularFile();
      try {
        String text = Files.readString(file);
        int start = text.indexOf("---");
        int end = text.indexOf("\n---", start + 3);
        return new ObjectMapper(new YAMLFactory()).readTree(text.substring(start + 3, end));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  static Stream<Arguments> citations() {
    Knowledge k = Knowledge.builtIn();
    List<Arguments> out = new ArrayList<>();
    for (Knowledge.Claim c : k.claims().values()) {
      for (Citation cite : k.citations(c)) {
        out.add(Arguments.of(c.id(), cite));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("citations")
  void citationPointsAtTranscriptLinesInItsRange(String claim, Citation cite) {
    JsonNode ep = episode(cite.source());
    assertThat(Citation.seconds(cite.from())).as("%s: from before to", claim).isLessThan(Citation.seconds(cite.to()));
    List<String> inRange = new ArrayList<>();
    for (JsonNode line : ep.get("transcript")) {
      if (line.has("sec") && line.has("line")) {
        int sec = line.get("sec").asInt();
        if (sec >= Citation.seconds(cite.from()) && sec < Citation.seconds(cite.to())) {
          inRange.add(line.get("who").asText());
        }
      }
    }
    assertThat(inRange).as("%s: transcript lines of %s in %s-%s", claim, cite.source(), cite.from(), cite.to())
        .isNotEmpty();
    String youtube = ep.get("links").get("youtube").asText();
    assertThat(cite.url()).isEqualTo(youtube + "&t=" + Citation.seconds(cite.from()) + "s");
    assertThat(ep.get("short").asText()).isEqualTo(cite.episode());
  }

  @Test
  void everyRoleAndDecisionTypeHasACardWithEvidence() {
    Knowledge k = Knowledge.builtIn();
    for (Role r : Role.values()) {
      assertThat(k.role(r.id())).as("role card %s", r).isPresent();
      Knowledge.RoleCard card = k.role(r.id()).get();
      assertThat(k.claims(card.claims())).isNotEmpty();
      // Every sentence of a role card names the claims that back it, and they are the card's own.
      for (List<String> named : List.of(card.summaryClaims(), card.decidesClaims(), card.withoutItClaims(),
          card.signalClaims())) {
        assertThat(named).as("claims of a %s card sentence", r).isNotEmpty();
        assertThat(card.claims()).containsAll(named);
        assertThat(k.claims(named)).hasSameSizeAs(named);
      }
    }
    for (DecisionType t : DecisionType.values()) {
      Knowledge.DecisionCard card = k.decisionType(t.id()).orElseThrow();
      assertThat(card.role()).as("role of decision type %s", t).isEqualTo(t.role().id());
      assertThat(k.claims(card.claims())).isNotEmpty();
    }
  }
}
