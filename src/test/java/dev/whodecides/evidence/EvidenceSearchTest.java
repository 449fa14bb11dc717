package dev.whodecides.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whodecides.Shared;
import dev.whodecides.cli.Main;
import dev.whodecides.knowledge.Times;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Search over the whole real archive finds the passages a person would cite. */
@ExtendWith(PodcastIndex.class)
class EvidenceSearchTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "who decides whether a model is good enough to go live|building-data-products-product-owner-vs-product-manager|15:50",
      "data product owner guarantees quality timeliness integrity completeness|data-mesh-architecture-decentralized-data-products|34:59",
      "fix 200 broken entries manually instead of building an AI system|building-data-products-product-owner-vs-product-manager|48:44",
      "data scientists work on similar problems in different teams duplicated work|building-data-products-product-owner-vs-product-manager|39:13",
      "customer discovery and hypothesis for a data product manager|product-designer-to-data-product-manager|7:04",
      "difference between product owner and product manager|building-data-products-product-owner-vs-product-manager|19:06",
      "faster model does not matter if it runs once a week|building-data-products-product-owner-vs-product-manager|36:11"})
  void knownQuestionsFindTheRightEpisodeAndMinuteInTheTopThree(String query, String episode, String minute) {
    int sec = Times.parse(minute);
    List<Hit> top = PodcastIndex.index().search(query, 3, null);
    assertThat(top).as("top 3 for '%s': %s", query, top.stream()
            .map(h -> h.passage().slug() + " " + Times.format(h.passage().from())).toList())
        .anySatisfy(h -> {
          assertThat(h.passage().slug()).isEqualTo(episode);
          // The passage covers, or starts within four minutes of, the minute the answer is at.
          assertThat(h.passage().from()).isLessThanOrEqualTo(sec + 240);
          assertThat(h.passage().to()).isGreaterThanOrEqualTo(sec);
        });
  }

  @Test
  void passagesStayWithinAChapterAndRunAboutAMinute() {
    Episode anna = PodcastIndex.loaded().episode("building-data-products-product-owner-vs-product-manager")
        .orElseThrow();
    List<Passage> passages = Passage.of(anna);
    assertThat(passages).hasSizeGreaterThan(30);
    for (Passage p : passages) {
      assertThat(p.to()).isGreaterThan(p.from());
      assertThat(p.url()).isEqualTo("https://www.youtube.com/watch?v=rTRTjB6cGng&t=" + p.from() + "s");
    }
    // A synthetic episode: two chapters of one line every 10 seconds.
    List<TranscriptLine> lines = new ArrayList<>();
    for (int sec = 0; sec < 400; sec += 10) {
      lines.add(new TranscriptLine(sec, sec % 20 == 0 ? "Host" : "Guest", "words ".repeat(20), sec < 200 ? "A" : "B"));
    }
    for (Passage p : Passage.of(new Episode("x", "x.md", "X", null, List.of(), null, lines))) {
      assertThat(p.from() < 200 && p.to() > 200).as("passage %s-%s crosses the chapter at 200", p.from(), p.to())
          .isFalse();
      boolean endsAChapter = p.to() == 200 || p.to() >= 400;
      assertThat(p.to() - p.from()).isLessThanOrEqualTo(90).isGreaterThanOrEqualTo(endsAChapter ? 10 : 30);
    }
    double median = passages.stream().mapToInt(p -> p.to() - p.from()).sorted().toArray()[passages.size() / 2];
    assertThat(median).isBetween(30.0, 120.0);
  }

  @Test
  void theCommandPrintsTheJsonContract() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(new String[] {"evidence", "who decides whether a model is good enough to go live",
        "--archive", PodcastIndex.archive().toString(), "--cache", PodcastIndex.cache().toString(), "--limit", "3",
        "--format", "json"},
        new PrintWriter(out), new PrintWriter(err));
    assertThat(status).isZero();
    assertThat(err.toString()).doesNotContain("indexed");
    JsonNode hits = new ObjectMapper().readTree(out.toString()).get("hits");
    assertThat(hits).hasSize(3);
    for (JsonNode h : hits) {
      assertThat(h.get("episode").asText()).isNotBlank();
      assertThat(h.get("title").asText()).isNotBlank();
      assertThat(h.get("guests").isArray()).isTrue();
      assertThat(h.get("speakers")).isNotEmpty();
      assertThat(h.has("chapter")).isTrue();
      assertThat(h.get("from").asText()).matches("\\d+:\\d\\d(:\\d\\d)?");
      assertThat(h.get("to").asText()).matches("\\d+:\\d\\d(:\\d\\d)?");
      assertThat(h.get("text").asText()).isNotBlank();
      assertThat(h.get("url").asText()).matches("https://www\\.youtube\\.com/watch\\?v=[\\w-]+&t=\\d+s");
      assertThat(h.get("url").asText()).endsWith("&t=" + Times.parse(h.get("from").asText()) + "s");
    }
  }

  @Test
  void theIndexIsRebuiltOnlyWhenTheArchiveChangesOrWhenAsked(@TempDir Path dir) throws Exception {
    Path archive = Files.createDirectories(dir.resolve("archive"));
    Path cacheDir = dir.resolve("cache");
    Files.copy(Shared.path("podcast/building-data-products-product-owner-vs-product-manager.md"),
        archive.resolve("anna.md"));
    try (EvidenceIndex first = EvidenceIndex.open(cacheDir, archive, false, () -> Archive.load(archive))) {
      assertThat(first.built()).isTrue();
    }
    try (EvidenceIndex again = EvidenceIndex.open(cacheDir, archive, false, () -> {
      throw new AssertionError("an unchanged archive must not be read again");
    })) {
      assertThat(again.built()).isFalse();
      assertThat(again.search("two more weeks", 1, null)).isNotEmpty();
    }
    try (EvidenceIndex forced = EvidenceIndex.open(cacheDir, archive, true, () -> Archive.load(archive))) {
      assertThat(forced.built()).isTrue();
    }
    Files.copy(Shared.path("podcast/product-designer-to-data-product-manager.md"), archive.resolve("sara.md"));
    try (EvidenceIndex changed = EvidenceIndex.open(cacheDir, archive, false, () -> Archive.load(archive))) {
      assertThat(changed.built()).isTrue();
      assertThat(changed.search("customer discovery hypothesis", 1, null).get(0).passage().slug()).isEqualTo("sara");
    }
  }

  @Test
  void twoProcessesBuildingTheSameIndexAtOnceLeaveOneWholeIndex(@TempDir Path dir) throws Exception {
    Path archive = Files.createDirectories(dir.resolve("archive"));
    Path cacheDir = dir.resolve("cache");
    Files.copy(Shared.path("podcast/building-data-products-product-owner-vs-product-manager.md"),
        archive.resolve("anna.md"));
    // While this build reads the archive, another one finishes and puts the same index in place.
    try (EvidenceIndex late = EvidenceIndex.open(cacheDir, archive, false, () -> {
      try (EvidenceIndex early = EvidenceIndex.open(cacheDir, archive, false, () -> Archive.load(archive))) {
        assertThat(early.built()).isTrue();
        assertThat(early.search("two more weeks", 1, null)).isNotEmpty();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return Archive.load(archive);
    })) {
      assertThat(late.search("two more weeks", 1, null)).isNotEmpty();
    }
    // Asked to rebuild over an index in place, it replaces it whole.
    try (EvidenceIndex forced = EvidenceIndex.open(cacheDir, archive, true, () -> Archive.load(archive))) {
      assertThat(forced.search("two more weeks", 1, null)).isNotEmpty();
    }
    try (var left = Files.list(EvidenceIndex.location(cacheDir, archive).getParent())) {
      assertThat(left.map(p -> p.getFileName().toString()).toList()).as("no temporary or old copies left")
          .containsExactly(EvidenceIndex.location(cacheDir, archive).getFileName().toString());
    }
  }
}
