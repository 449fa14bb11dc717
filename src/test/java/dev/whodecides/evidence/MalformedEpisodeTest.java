package dev.whodecides.evidence;

import static dev.whodecides.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whodecides.CliRun.Run;
import dev.whodecides.Shared;
import dev.whodecides.catalog.YamlDocument;
import dev.whodecides.catalog.YamlReader;
import dev.whodecides.knowledge.Times;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A bad line never costs an episode: every line that can be placed is kept and each repair is one
 * notice at the file's line; only files that are not episodes are skipped, with their reason.
 */
@ExtendWith(PodcastIndex.class)
class MalformedEpisodeTest {

  /** An episode file whose first transcript entry is on line 8. */
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

  /** One transcript entry of four lines: line, sec, time (third), who. */
  static String line(String time, int sec, String who, String text) {
    return "- line: " + text + "\n  sec: " + sec + "\n  time: '" + time + "'\n  who: " + who + "\n";
  }

  static final String OK = line("0:10", 10, "Alexey", "Welcome") + line("0:20", 20, "Guest", "Thanks");

  /** Name, file content, the lines kept ("time who: text", joined by " | "), the notices ("kind line: message"). */
  static Stream<Arguments> repairs() {
    return Stream.of(
        Arguments.of("missing time at a speaker change", episode(OK + "- line: Who am I\n  who: Alexey\n"),
            "0:10 Alexey: Welcome | 0:20 Guest: Thanks | 0:20 Alexey: Who am I",
            List.of("repaired 16: has no time and starts Alexey's turn; placed at 0:20, the last known time before it")),
        Arguments.of("first line has no time", episode("- line: Hello\n  who: Alexey\n" + OK),
            "0:10 Alexey: Hello | 0:10 Alexey: Welcome | 0:20 Guest: Thanks",
            List.of("repaired 8: has no time and starts Alexey's turn; placed at 0:10, the first known time after it")),
        Arguments.of("times go back", episode(line("5:00", 300, "Alexey", "Later") + line("1:00", 60, "Guest", "Earlier")),
            "5:00 Alexey: Later | 5:00 Guest: Earlier",
            List.of("repaired 14: time 1:00 is out of order; placed at 5:00, the last known time before it")),
        Arguments.of("a time typo between good neighbours", episode(line("0:10", 10, "Alexey", "A") + line("0:20", 20, "Guest", "B")
                + line("9:30", 570, "Alexey", "C") + line("0:40", 40, "Guest", "D") + line("0:50", 50, "Alexey", "E")),
            "0:10 Alexey: A | 0:20 Guest: B | 0:30 Alexey: C | 0:40 Guest: D | 0:50 Alexey: E",
            List.of("repaired 18: time 9:30 is out of order; placed at 0:30, between its neighbours at 0:20 and 0:40")),
        Arguments.of("a time far ahead of the lines after it", episode(line("33:36", 2016, "Alexey", "A")
                + line("44:26", 2666, "Alexey", "B") + line("34:52", 2092, "Guest", "C") + line("34:53", 2093, "Alexey", "D")),
            "33:36 Alexey: A | 34:14 Alexey: B | 34:52 Guest: C | 34:53 Alexey: D",
            List.of("repaired 14: time 44:26 is out of order; placed at 34:14, between its neighbours at 33:36 and 34:52")),
        Arguments.of("a time out of order among overlapping speech", episode(line("5:40", 340, "Alexey", "A")
                + line("5:50", 350, "Guest", "B") + line("1:10", 70, "Alexey", "C") + line("5:45", 345, "Guest", "D")),
            "5:40 Alexey: A | 5:50 Guest: B | 5:50 Alexey: C | 5:50 Guest: D",
            List.of("repaired 18: time 1:10 is out of order; placed at 5:50, the time of the lines around it")),
        Arguments.of("times drifting back a little at a time", episode(line("10:00", 600, "Alexey", "A")
                + line("9:10", 550, "Guest", "B") + line("8:20", 500, "Alexey", "C")),
            "10:00 Alexey: A | 10:00 Guest: B | 10:00 Alexey: C",
            List.of("repaired 18: time 8:20 goes back from 10:00; placed at 10:00")),
        Arguments.of("H:MM:SS mixed with M:SS", episode(line("0:00:10", 10, "Alexey", "Hi") + line("0:20", 20, "Guest", "Hey")),
            "0:10 Alexey: Hi | 0:20 Guest: Hey", List.of()),
        Arguments.of("line with no speaker", episode(line("0:10", 10, "Alexey", "Hi") + "- line: Nobody\n  sec: 20\n  time: '0:20'\n"),
            "0:10 Alexey: Hi | 0:20 Alexey: Nobody", List.of("repaired 12: has no speaker; continues Alexey's turn")),
        Arguments.of("blank speaker", episode(line("0:10", 10, "''", "Hi")), "0:10 unknown speaker: Hi",
            List.of("repaired 8: has no speaker and no one speaks before it; kept as 'unknown speaker'")),
        Arguments.of("time not a time", episode(line("0:05", 5, "Alexey", "A") + line("ten", 10, "Guest", "B")
                + line("0:25", 25, "Alexey", "C")),
            "0:05 Alexey: A | 0:15 Guest: B | 0:25 Alexey: C",
            List.of("repaired 14: time 'ten' is not M:SS or H:MM:SS; placed at 0:15, between its neighbours at 0:05 and 0:25")),
        Arguments.of("seconds of 60 or more", episode(line("1:50", 110, "Alexey", "A") + line("1:75", 135, "Guest", "B")
                + line("2:30", 150, "Alexey", "C")),
            "1:50 Alexey: A | 2:10 Guest: B | 2:30 Alexey: C",
            List.of("repaired 14: time '1:75' has a field of 75; placed at 2:10, between its neighbours at 1:50 and 2:30")),
        Arguments.of("time with a stray space", episode(line("9:45", 585, "Alexey", "A") + "- line: B\n  sec: 586\n  time: '9:\n    46'\n  who: Guest\n"),
            "9:45 Alexey: A | 9:46 Guest: B", List.of("repaired 14: time '9: 46' read as 9:46")),
        Arguments.of("sec and time disagree", episode(line("1:00", 300, "Alexey", "Hi")), "1:00 Alexey: Hi",
            List.of("repaired 10: sec 300 disagrees with time 1:00; kept the time")),
        Arguments.of("sec not a number", episode("- line: Hi\n  sec: soon\n  who: Alexey\n"), "0:00 Alexey: Hi",
            List.of("repaired 9: sec 'soon' is not a number of seconds; placed at 0:00; no line of the episode has a"
                + " readable time")),
        Arguments.of("entry is not a map", episode(OK + "- just a string\n"),
            "0:10 Alexey: Welcome | 0:20 Guest: Thanks / just a string",
            List.of("repaired 16: has no speaker or time; added to the turn of Guest before it")),
        Arguments.of("speakerless copy of the next line", episode(line("0:10", 10, "Alexey", "Hi") + "- line: Thanks for having me\n"
                + line("0:20", 20, "Guest", "Thanks for having me")),
            "0:10 Alexey: Hi | 0:20 Guest: Thanks for having me",
            List.of("duplicate 12: has no speaker or time and repeats line 13 word for word; dropped the copy")),
        Arguments.of("empty entry", episode(OK + "-\n"), "0:10 Alexey: Welcome | 0:20 Guest: Thanks",
            List.of("dropped 16: is empty; dropped")),
        Arguments.of("only chapter headers", episode("- header: Intro\n- header: Outro\n"), "",
            List.of("no_passages 0: has no transcript lines, only chapter headers; kept its title, guests and links, with no"
                + " passages")),
        Arguments.of("no transcript", episode("").replace("transcript:\n", ""), "",
            List.of("no_passages 0: has no transcript; kept its title, guests and links, with no passages")),
        Arguments.of("empty transcript", episode("").replace("transcript:\n", "transcript: []\n"), "",
            List.of("no_passages 0: has an empty transcript; kept its title, guests and links, with no passages")),
        Arguments.of("stray line before the front matter", "_\n" + episode(OK), "0:10 Alexey: Welcome | 0:20 Guest: Thanks",
            List.of("file 1: ignored a stray line ('_') before the front matter's opening '---'")),
        Arguments.of("VTT cue timing broken", "WEBVTT\n\n00:00:01 -> 00:00:02\nHi\n\n00:0x:01.000 --> 00:00:02.000\nHo\n",
            "0:01 unknown speaker: Hi | 0:01 unknown speaker: Ho",
            List.of("repaired 3: cue timing '00:00:01 -> 00:00:02' read as starting at 00:00:01",
                "repaired 6: cue timing '00:0x:01.000 --> 00:00:02.000' is not HH:MM:SS.mmm --> HH:MM:SS.mmm; placed at"
                    + " 0:01, the last known time before it")),
        Arguments.of("VTT cues go back", "WEBVTT\n\n00:05:00.000 --> 00:05:02.000\nLate\n\n00:01:00.000 --> 00:01:02.000\nEarly\n",
            "5:00 unknown speaker: Late | 5:00 unknown speaker: Early",
            List.of("repaired 6: time 1:00 is out of order; placed at 5:00, the last known time before it")),
        Arguments.of("VTT without header", "00:00:01.000 --> 00:00:02.000\n<v Maria>Hi\n", "0:01 Maria: Hi",
            List.of("file 1: does not start with WEBVTT; read its cues anyway")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("repairs")
  void aBadLineIsRepairedWithOneNoticeAndTheEpisodeIsKept(String name, String content, String kept,
      List<String> notices, @TempDir Path dir) throws Exception {
    Path bad = write(dir, name, content);
    Archive a = Archive.load(dir);
    assertThat(a.problems()).isEmpty();
    assertThat(a.episodes()).containsOnlyKeys("good", "bad");
    Episode e = a.episode("bad").orElseThrow();
    assertThat(render(e)).isEqualTo(kept);
    assertThat(a.notices()).allSatisfy(n -> assertThat(n.file()).isEqualTo(bad.toString()));
    assertThat(a.notices()).extracting(MalformedEpisodeTest::render).containsExactlyElementsOf(notices);
    assertThat(e.lines()).extracting(TranscriptLine::sec).isSorted();
    if (name.startsWith("VTT")) {
      return;
    }
    assertThat(e.title()).isEqualTo("A test episode");
    assertThat(e.guests()).containsExactly("someguest");
    assertThat(e.links()).containsEntry("youtube", "https://www.youtube.com/watch?v=abc123");
    assertThat(e.hasPassages()).isEqualTo(!kept.isEmpty());
  }

  /** Name, file content, the reason: files that are not episodes at all. */
  static Stream<Arguments> notEpisodes() {
    return Stream.of(
        Arguments.of("no front matter", "just text\n", "has no YAML front matter"),
        Arguments.of("a rule a few lines down", "# Notes\n---\nsome: text\n---\n", "has no YAML front matter"),
        Arguments.of("front matter not closed", "---\ntitle: x\ntranscript: []\n", "front matter is not closed"),
        Arguments.of("broken front matter YAML", "---\ntitle: [unclosed\n---\n", "front matter line 3: YAML syntax error"),
        Arguments.of("front matter is a list", "---\n- a\n- b\n---\n", "not a map"),
        Arguments.of("a template", "---\ntitle: \"{{ title }}\"\nlinks:\n  youtube: \"{{ youtube }}\"\n---\n",
            "is a template with '{{ }}' placeholders and no transcript, not an episode"),
        Arguments.of("VTT with neither header nor cues", "Hello there\n", "is not WebVTT"),
        Arguments.of("SRT without cues", "1\nno timing here\n", "has no cues"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notEpisodes")
  void aFileThatIsNotAnEpisodeIsSkippedWithItsReason(String name, String content, String reason, @TempDir Path dir)
      throws Exception {
    Path bad = write(dir, name, content);
    Archive a = Archive.load(dir);
    assertThat(a.episodes()).containsOnlyKeys("good");
    assertThat(a.problems()).singleElement().satisfies(p -> {
      assertThat(p.file()).isEqualTo(bad.toString());
      assertThat(p.message()).contains(reason);
    });
    assertThat(a.coverage().toString()).isEqualTo("2 files, 1 episode, 1 with passages, 0 lines repaired, 1 file skipped");
  }

  /** A copy of a real episode as good.md beside the case's file, named bad.md, .vtt or .srt. */
  private static Path write(Path dir, String name, String content) throws Exception {
    Files.copy(Shared.path("podcast/building-data-products-product-owner-vs-product-manager.md"), dir.resolve("good.md"));
    String ext = name.startsWith("VTT") ? ".vtt" : name.startsWith("SRT") ? ".srt" : ".md";
    return Files.writeString(dir.resolve("bad" + ext), content, StandardCharsets.UTF_8);
  }

  private static String render(Episode e) {
    return e.lines().stream().map(l -> Times.format(l.sec()) + " " + l.who() + ": " + l.text().replace("\n", " / "))
        .collect(Collectors.joining(" | "));
  }

  private static String render(Notice n) {
    return n.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + n.line() + ": " + n.message();
  }

  @Test
  void theIndexKeepsTheCoverageAndTheCommandsReportIt(@TempDir Path dir) throws Exception {
    Path archive = Files.createDirectories(dir.resolve("archive"));
    Files.copy(Shared.path("podcast/building-data-products-product-owner-vs-product-manager.md"), archive.resolve("good.md"));
    Files.writeString(archive.resolve("typo.md"), episode(line("0:10", 10, "Alexey", "Welcome to the zebra show")
        + line("0:20", 20, "Guest", "Thanks") + "- line: Who am I\n  who: Alexey\n"));
    Files.writeString(archive.resolve("silent.md"), episode("").replace("A test episode", "A quokka and a wombat")
        .replace("transcript:\n", ""));
    Files.writeString(archive.resolve("notes.md"), "just notes\n");
    Archive a = Archive.load(archive);
    assertThat(a.coverage().toString())
        .isEqualTo("4 files, 3 episodes, 2 with passages, 1 line repaired, 1 file skipped");
    Path cache = dir.resolve("cache");
    try (EvidenceIndex index = EvidenceIndex.open(cache, archive, false, () -> a)) {
      assertThat(index.summary().coverage()).isEqualTo(a.coverage());
      assertThat(index.summary().notices()).isEqualTo(a.notices());
      assertThat(index.summary().skipped()).isEqualTo(a.problems());
      assertThat(index.summary().episodes()).filteredOn(s -> s.slug().equals("silent")).singleElement()
          .satisfies(s -> {
            assertThat(s.title()).isEqualTo("A quokka and a wombat");
            assertThat(s.guests()).containsExactly("someguest");
            assertThat(s.links()).containsEntry("youtube", "https://www.youtube.com/watch?v=abc123");
            assertThat(s.passages()).isZero();
          });
      assertThat(index.search("quokka wombat", 5, null)).isEmpty();
      assertThat(index.search("zebra show", 1, null)).singleElement()
          .satisfies(h -> assertThat(h.passage().slug()).isEqualTo("typo"));
      assertThat(index.search("two more weeks good enough go live", 1, null)).isNotEmpty();
    }
    String coverage = "coverage: 4 files, 3 episodes, 2 with passages, 1 line repaired, 1 file skipped";
    Run built = run("evidence", "zebra", "--archive", archive.toString(), "--cache", cache.toString(), "--rebuild");
    assertThat(built.status()).isZero();
    assertThat(built.err().lines().filter(l -> !l.startsWith("indexed "))).containsExactly(
        "notice: skipped " + archive.resolve("notes.md") + ": has no YAML front matter; an episode file starts with a"
            + " line '---'",
        "notice: " + archive.resolve("silent.md") + ": has no transcript; kept its title, guests and links, with no"
            + " passages",
        "notice: " + archive.resolve("typo.md") + ":16: has no time and starts Alexey's turn; placed at 0:20, the last"
            + " known time before it",
        coverage);
    Run cached = run("kb", "verify", "--archive", archive.toString(), "--cache", cache.toString(), "--knowledge",
        knowledgeCitingTheEpisodeWithoutTranscript(dir).toString());
    assertThat(cached.err().lines()).containsExactly(
        "notice: skipped " + archive.resolve("notes.md") + ": has no YAML front matter; an episode file starts with a"
            + " line '---'",
        "notice: " + archive.resolve("silent.md") + ": has no transcript; kept its title, guests and links, with no"
            + " passages",
        coverage + " (--rebuild lists the repairs)");
    assertThat(cached.out()).contains("episode silent has no transcript, so no lines to cite");
  }

  private static Path knowledgeCitingTheEpisodeWithoutTranscript(Path dir) throws Exception {
    String builtIn = new String(MalformedEpisodeTest.class.getResourceAsStream("/dev/whodecides/knowledge/knowledge.yaml")
        .readAllBytes(), StandardCharsets.UTF_8);
    String episodes = builtIn.substring(builtIn.indexOf("episodes:"), builtIn.indexOf("claims:"));
    return Files.writeString(dir.resolve("knowledge.yaml"), episodes + """
        claims:
          - id: silent
            text: A quokka has nothing to say.
            citations:
              - {source: silent, from: "0:10", to: "0:20"}
        roles: []
        decisionTypes: []
        rules: []
        """);
  }

  /** Every spoken line of the real archive reaches an episode, in time order. */
  @Test
  void theRealArchiveLosesNoSpokenLine() throws Exception {
    Archive a = PodcastIndex.loaded();
    assertThat(PodcastIndex.index().summary().coverage()).isEqualTo(a.coverage());
    for (Archive.Problem p : a.problems()) {
      assertThat(spokenLines(Path.of(p.file()))).as("%s is skipped but has transcript lines", p.file()).isEmpty();
    }
    int withoutTranscript = 0;
    for (Episode e : a.episodes().values()) {
      List<String> spoken = spokenLines(Path.of(e.file()));
      withoutTranscript += spoken.isEmpty() ? 1 : 0;
      // Lines keep their file order, so each spoken line is found at or after the one before it
      // (a dropped copy and the line it repeats are found at the same place).
      String kept = e.lines().stream().map(TranscriptLine::text).collect(Collectors.joining("\n"));
      int at = 0;
      for (String s : spoken) {
        int found = kept.indexOf(s, at);
        assertThat(found).as("%s: '%s' is kept", e.file(), s).isNotNegative();
        at = found;
      }
      assertThat(e.lines()).as("times of %s", e.file()).extracting(TranscriptLine::sec).isSorted();
    }
    assertThat(a.coverage().episodes() - a.coverage().withPassages()).isEqualTo(withoutTranscript);
    assertThat(a.coverage().files()).isEqualTo(a.episodes().size() + a.problems().size());
  }

  /** The non-empty {@code line} texts of a file's transcript, read straight from its front matter. */
  private static List<String> spokenLines(Path file) throws Exception {
    String text = Files.readString(file);
    int open = text.indexOf("---\n");
    int close = open < 0 ? -1 : text.indexOf("\n---", open + 3);
    List<String> out = new ArrayList<>();
    if (close < 0) {
      return out;
    }
    List<Object> docs = new ArrayList<>();
    YamlReader.readText(new StringReader(text.substring(open + 4, close + 1)), (YamlDocument d) -> docs.add(d.value()));
    if (!docs.isEmpty() && docs.get(0) instanceof Map<?, ?> front && front.get("transcript") instanceof List<?> entries) {
      for (Object o : entries) {
        if (o instanceof Map<?, ?> m && m.get("line") != null && !m.get("line").toString().isBlank()) {
          out.add(m.get("line").toString().strip());
        }
      }
    }
    return out;
  }

  @Test
  void archiveQuirksThatAreNotMalformationsAreAcceptedSilently() throws Exception {
    String text = episode(line("0:10", 10, "Alexey", "First part")
        + "- line: and the rest of the same turn\n  who: Alexey\n"
        + line("0:40", 40, "Guest", "Answer")
        + line("0:35", 35, "Alexey", "Overlapping speech steps back a little")
        + "- header: Next chapter\n"
        + line("59:59", 3599, "Guest", "Near the hour")
        + line("1:00:05", 3605, "Alexey", "Past the hour"));
    List<Notice> notices = new ArrayList<>();
    Episode e = EpisodeReader.readMarkdown("quirks", "quirks.md", text, notices::add);
    assertThat(notices).isEmpty();
    assertThat(e.lines()).hasSize(5);
    assertThat(e.lines().get(0).text()).contains("First part").contains("the rest of the same turn");
    assertThat(e.lines().get(2).sec()).isEqualTo(40);
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
    List<Notice> notices = new ArrayList<>();
    Episode v = EpisodeReader.read(vtt, notices::add);
    assertThat(v.title()).isEqualTo("Our release review");
    assertThat(v.lines()).extracting(TranscriptLine::who).containsExactly("Maria", "Jon");
    assertThat(v.lines().get(1).sec()).isEqualTo(70);
    assertThat(v.urlAt(70)).isEqualTo("https://www.youtube.com/watch?v=xyz&t=70s");
    Episode s = EpisodeReader.read(srt, notices::add);
    assertThat(s.lines()).extracting(TranscriptLine::who).containsExactly("Priya", "Priya");
    assertThat(s.lines().get(1).sec()).isEqualTo(90);
    assertThat(notices).isEmpty();
    Archive a = Archive.load(dir);
    assertThat(a.problems()).isEmpty();
    try (EvidenceIndex index = EvidenceIndex.open(dir.resolve("cache"), dir, false, () -> a)) {
      List<Hit> hits = index.search("who owns the guarantees", 1, null);
      assertThat(hits).singleElement().satisfies(h -> assertThat(h.passage().slug()).isEqualTo("call"));
    }
  }
}
