package dev.whodecides.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whodecides.Shared;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A malformed episode file is reported with its path and reason and skipped; the rest still index. */
class MalformedEpisodeTest {

  static String episode(String transcript) {
    return """
        ---
        title: A test episode
        short: Test
        guests: [someguest]
        links:
          youtube: https://www.youtube.com/watch?v=abc123
        transcript:
        """ + transcript + "---\n\nBody.\n";
  }

  static String line(String time, int sec, String who, String text) {
    return "- line: " + text + "\n  sec: " + sec + "\n  time: '" + time + "'\n  who: " + who + "\n";
  }

  static Stream<Arguments> cases() {
    String ok = line("0:10", 10, "Alexey", "Welcome") + line("0:20", 20, "Guest", "Thanks");
    return Stream.of(
        Arguments.of("no front matter", "just text\n", "has no YAML front matter"),
        Arguments.of("front matter not closed", "---\ntitle: x\ntranscript: []\n", "front matter is not closed"),
        Arguments.of("broken front matter YAML", "---\ntitle: [unclosed\n---\n", "front matter line"),
        Arguments.of("front matter is a list", "---\n- a\n- b\n---\n", "not a map"),
        Arguments.of("no transcript", "---\ntitle: x\n---\n", "has no transcript"),
        Arguments.of("empty transcript", episode("[]\n").replace("transcript:\n[]", "transcript: []"), "has no transcript"),
        Arguments.of("only chapter headers", episode("- header: Intro\n- header: Outro\n"), "only chapter headers"),
        Arguments.of("entry is not a map", episode("- just a string\n"), "is not a map"),
        Arguments.of("missing time at a speaker change", episode(ok + "- line: Who am I\n  who: Alexey\n"),
            "has no time"),
        Arguments.of("first line has no time", episode("- line: Hello\n  who: Alexey\n" + ok), "has no time"),
        Arguments.of("times go back", episode(line("5:00", 300, "Alexey", "Later") + line("1:00", 60, "Guest", "Earlier")),
            "goes back"),
        Arguments.of("H:MM:SS mixed with M:SS", episode(line("0:00:10", 10, "Alexey", "Hi") + line("0:20", 20, "Guest", "Hey")),
            "mixes H:MM:SS with M:SS"),
        Arguments.of("line with no speaker", episode(line("0:10", 10, "Alexey", "Hi") + "- line: Nobody\n  sec: 20\n  time: '0:20'\n"),
            "has no speaker"),
        Arguments.of("blank speaker", episode(line("0:10", 10, "''", "Hi")), "has no speaker"),
        Arguments.of("time not a time", episode(line("ten", 10, "Alexey", "Hi")), "is not M:SS"),
        Arguments.of("seconds of 60 or more", episode(line("1:75", 135, "Alexey", "Hi")), "below 60"),
        Arguments.of("sec and time disagree", episode(line("1:00", 300, "Alexey", "Hi")), "disagree"),
        Arguments.of("sec not a number", episode("- line: Hi\n  sec: soon\n  who: Alexey\n"), "not a number"),
        Arguments.of("VTT without header", "00:00:01.000 --> 00:00:02.000\nHi\n", "WEBVTT"),
        Arguments.of("VTT cue timing broken", "WEBVTT\n\n00:00:01 -> 00:00:02\nHi\n\n00:0x:01.000 --> 00:00:02.000\nHo\n",
            "cue timing"),
        Arguments.of("VTT cues go back", "WEBVTT\n\n00:05:00.000 --> 00:05:02.000\nLate\n\n00:01:00.000 --> 00:01:02.000\nEarly\n",
            "goes back"),
        Arguments.of("SRT without cues", "1\nno timing here\n", "has no cues"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void malformedFileIsReportedAndSkippedWhileTheRestIsIndexed(String name, String content, String reason,
      @TempDir Path dir) throws Exception {
    Path archive = Files.createDirectories(dir.resolve("archive"));
    Files.copy(Shared.path("podcast/building-data-products-product-owner-vs-product-manager.md"), archive.resolve("good.md"));
    String ext = name.startsWith("VTT") ? ".vtt" : name.startsWith("SRT") ? ".srt" : ".md";
    Path bad = archive.resolve("bad" + ext);
    Files.writeString(bad, content, StandardCharsets.UTF_8);
    Archive a = Archive.load(archive);
    assertThat(a.episodes()).containsOnlyKeys("good");
    assertThat(a.problems()).singleElement().satisfies(p -> {
      assertThat(p.file()).endsWith("bad" + ext);
      assertThat(p.message()).contains(reason);
    });
    try (EvidenceIndex index = EvidenceIndex.open(dir.resolve("cache"), archive, false, () -> a)) {
      assertThat(index.search("two more weeks good enough go live", 1, null)).isNotEmpty();
      assertThat(index.problems()).extracting(Archive.Problem::file).singleElement().asString().endsWith("bad" + ext);
    }
  }

  @Test
  void archiveQuirksThatAreNotMalformationsAreAccepted() throws Exception {
    String text = episode(line("0:10", 10, "Alexey", "First part")
        + "- line: and the rest of the same turn\n  who: Alexey\n"
        + line("0:40", 40, "Guest", "Answer")
        + line("0:35", 35, "Alexey", "Overlapping speech steps back a little")
        + "- header: Next chapter\n"
        + line("59:59", 3599, "Guest", "Near the hour")
        + line("1:00:05", 3605, "Alexey", "Past the hour"));
    Episode e = EpisodeReader.readMarkdown("quirks", "quirks.md", text);
    assertThat(e.lines()).hasSize(5);
    assertThat(e.lines().get(0).text()).contains("First part").contains("the rest of the same turn");
    assertThat(e.lines().get(3).chapter()).isEqualTo("Next chapter");
    assertThat(e.lines()).extracting(TranscriptLine::sec).isSorted();
  }

  @Test
  void webVttAndSubRipFilesAreEpisodesToo(@TempDir Path dir) throws Exception {
    Path vtt = dir.resolve("standup.vtt");
    Files.writeString(vtt, """
        WEBVTT
        NOTE title: Our release review
        NOTE youtube: https://www.youtube.com/watch?v=xyz

        1
        00:00:01.000 --> 00:00:05.000
        <v Maria>The churn model is good enough, we ship on Monday.

        00:01:10.500 --> 00:01:15.000
        <v Jon>I would wait two more weeks for the new features.
        """);
    Path srt = dir.resolve("call.srt");
    Files.writeString(srt, """
        1
        00:00:02,000 --> 00:00:04,000
        Priya: Who owns the guarantees on the sales table?

        2
        00:01:30,000 --> 00:01:33,000
        Nobody, it is best effort.
        """);
    Episode v = EpisodeReader.read(vtt);
    assertThat(v.title()).isEqualTo("Our release review");
    assertThat(v.lines()).extracting(TranscriptLine::who).containsExactly("Maria", "Jon");
    assertThat(v.lines().get(1).sec()).isEqualTo(70);
    assertThat(v.urlAt(70)).isEqualTo("https://www.youtube.com/watch?v=xyz&t=70s");
    Episode s = EpisodeReader.read(srt);
    assertThat(s.lines()).extracting(TranscriptLine::who).containsExactly("Priya", "Priya");
    assertThat(s.lines().get(1).sec()).isEqualTo(90);
    Archive a = Archive.load(dir);
    assertThat(a.problems()).isEmpty();
    try (EvidenceIndex index = EvidenceIndex.open(dir.resolve("cache"), dir, false, () -> a)) {
      List<Hit> hits = index.search("who owns the guarantees", 1, null);
      assertThat(hits).singleElement().satisfies(h -> assertThat(h.passage().slug()).isEqualTo("call"));
    }
  }
}
