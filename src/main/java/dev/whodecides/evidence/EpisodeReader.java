package dev.whodecides.evidence;

import dev.whodecides.knowledge.Times;
import dev.whodecides.catalog.YamlDocument;
import dev.whodecides.catalog.YamlReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one episode: a DataTalks.Club episode file (YAML front matter with a {@code transcript}
 * list), a WebVTT file or a SubRip file.
 *
 * <p>The archive's own files carry two quirks that are accepted rather than rejected: a line
 * with no time that continues the previous speaker's turn (a paragraph break, merged into that
 * turn), and a time that steps back by under a minute (overlapping speech in automatic
 * transcripts). A file is malformed, and skipped, when its front matter does not parse, a time is
 * missing where the speaker changes or is not M:SS / H:MM:SS, times go back by a minute or more,
 * {@code sec} and {@code time} disagree, padded H:MM:SS is mixed with M:SS, or a line has no
 * speaker.
 */
public final class EpisodeReader {

  /** Backward steps smaller than this are overlap in automatic transcripts, not disorder. */
  static final int BACKWARD_TOLERANCE_SEC = 60;

  private EpisodeReader() {}

  public static boolean isEpisodeFile(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".md") || n.endsWith(".vtt") || n.endsWith(".srt");
  }

  public static Episode read(Path file) throws MalformedEpisode, IOException {
    String name = file.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    String slug = name.substring(0, name.lastIndexOf('.'));
    String text = Files.readString(file, StandardCharsets.UTF_8);
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    if (lower.endsWith(".vtt")) {
      return Subtitles.readVtt(slug, file.toString(), text);
    }
    if (lower.endsWith(".srt")) {
      return Subtitles.readSrt(slug, file.toString(), text);
    }
    return readMarkdown(slug, file.toString(), text);
  }

  @SuppressWarnings("unchecked")
  static Episode readMarkdown(String slug, String file, String text) throws MalformedEpisode {
    if (!text.startsWith("---")) {
      throw new MalformedEpisode("has no YAML front matter; an episode file starts with a line '---'");
    }
    int end = text.indexOf("\n---", 3);
    if (end < 0) {
      throw new MalformedEpisode("front matter is not closed; end it with a line '---'");
    }
    String yaml = text.substring(text.indexOf('\n') + 1, end + 1);
    List<Object> docs = new ArrayList<>();
    try {
      YamlReader.readText(new StringReader(yaml), (YamlDocument d) -> docs.add(d.value()));
    } catch (YamlReader.YamlError e) {
      throw new MalformedEpisode("front matter" + (e.line() > 0 ? " line " + (e.line() + 1) : "") + ": "
          + e.getMessage());
    }
    if (docs.size() != 1 || !(docs.get(0) instanceof Map<?, ?> front)) {
      throw new MalformedEpisode("front matter is not a map of fields such as title and transcript");
    }
    Object transcript = front.get("transcript");
    if (!(transcript instanceof List<?> entries) || entries.isEmpty()) {
      throw new MalformedEpisode("has no transcript; add a 'transcript:' list of line entries");
    }
    String youtube = null;
    if (front.get("links") instanceof Map<?, ?> links && links.get("youtube") instanceof String y && y.startsWith("http")) {
      youtube = y;
    }
    List<String> guests = new ArrayList<>();
    if (front.get("guests") instanceof List<?> g) {
      for (Object o : g) {
        if (o != null) {
          guests.add(o.toString());
        }
      }
    }
    List<TranscriptLine> lines = new ArrayList<>();
    String chapter = null;
    int previous = -1;
    boolean padded = false;
    boolean plain = false;
    int index = 0;
    for (Object o : entries) {
      index++;
      if (!(o instanceof Map<?, ?> entry)) {
        throw new MalformedEpisode("transcript entry " + index + " is not a map with line, sec, time and who");
      }
      if (entry.containsKey("header")) {
        chapter = entry.get("header") == null ? null : entry.get("header").toString().strip();
        continue;
      }
      Object lineText = entry.get("line");
      Object who = entry.get("who");
      String where = "transcript entry " + index + (previous >= 0 ? " (after " + Times.format(previous) + ")" : "");
      if (!(who instanceof String w) || w.isBlank()) {
        throw new MalformedEpisode(where + " has no speaker; give it a 'who'");
      }
      String spoken = lineText == null ? "" : lineText.toString().strip();
      Object sec = entry.get("sec");
      Object time = entry.get("time");
      if (sec == null && time == null) {
        TranscriptLine last = lines.isEmpty() ? null : lines.get(lines.size() - 1);
        if (last != null && last.who().equals(w)) {
          lines.set(lines.size() - 1, new TranscriptLine(last.sec(), last.who(), last.text() + "\n" + spoken,
              last.chapter()));
          continue;
        }
        throw new MalformedEpisode(where + " has no time and starts a new speaker's turn; give it 'sec' and 'time'");
      }
      int seconds;
      if (time != null) {
        String t = time.toString();
        try {
          seconds = Times.parse(t);
        } catch (IllegalArgumentException e) {
          throw new MalformedEpisode(where + ": " + e.getMessage());
        }
        String[] parts = t.trim().split(":");
        if (parts.length == 3 && Integer.parseInt(parts[0]) == 0) {
          padded = true;
        }
        if (parts.length == 2) {
          plain = true;
        }
        if (padded && plain) {
          throw new MalformedEpisode(where + ": time '" + t + "' mixes H:MM:SS with M:SS in one file; use M:SS below"
              + " an hour and H:MM:SS from an hour on");
        }
        if (sec instanceof Number n && Math.abs(n.intValue() - seconds) > 1) {
          throw new MalformedEpisode(where + ": sec " + n + " and time " + t + " disagree");
        }
      } else if (sec instanceof Number n && n.intValue() >= 0) {
        seconds = n.intValue();
      } else {
        throw new MalformedEpisode(where + ": sec '" + sec + "' is not a number of seconds");
      }
      if (previous >= 0 && seconds < previous - BACKWARD_TOLERANCE_SEC) {
        throw new MalformedEpisode(where + ": time " + Times.format(seconds) + " goes back before "
            + Times.format(previous) + "; times must not decrease");
      }
      previous = Math.max(previous, seconds);
      lines.add(new TranscriptLine(Math.max(seconds, lines.isEmpty() ? 0 : lines.get(lines.size() - 1).sec()), w.strip(),
          spoken, chapter));
    }
    if (lines.isEmpty()) {
      throw new MalformedEpisode("has no transcript lines, only chapter headers");
    }
    return new Episode(slug, file, str(front.get("title")), str(front.get("short")), List.copyOf(guests), youtube,
        List.copyOf(lines));
  }

  private static String str(Object o) {
    return o == null ? null : o.toString().strip();
  }

  /** WebVTT and SubRip files: one episode each, speakers from voice tags or "Name:" prefixes. */
  static final class Subtitles {
    private static final Pattern TIMING = Pattern.compile(
        "^\\s*((?:\\d+:)?\\d{1,2}:\\d{2})[.,](\\d{1,3})\\s*-->\\s*((?:\\d+:)?\\d{1,2}:\\d{2})[.,](\\d{1,3}).*$");
    private static final Pattern VOICE = Pattern.compile("^<v(?:\\.[^ >]*)?\\s+([^>]+)>(.*)$");
    private static final Pattern PREFIX = Pattern.compile("^([A-Z][\\p{L}.' -]{0,40}):\\s+(.+)$");
    private static final Pattern TAG = Pattern.compile("<[^>]+>");

    private Subtitles() {}

    static Episode readVtt(String slug, String file, String text) throws MalformedEpisode {
      if (!text.startsWith("WEBVTT")) {
        throw new MalformedEpisode("is not WebVTT: the first line must be WEBVTT");
      }
      String youtube = null;
      String title = null;
      for (String line : text.split("\\R")) {
        String l = line.strip();
        if (l.startsWith("NOTE youtube:")) {
          youtube = l.substring("NOTE youtube:".length()).strip();
        } else if (l.startsWith("NOTE title:")) {
          title = l.substring("NOTE title:".length()).strip();
        }
      }
      return cues(slug, file, text, title, youtube);
    }

    static Episode readSrt(String slug, String file, String text) throws MalformedEpisode {
      return cues(slug, file, text, null, null);
    }

    private static Episode cues(String slug, String file, String text, String title, String youtube)
        throws MalformedEpisode {
      String[] rows = text.split("\\R", -1);
      List<TranscriptLine> lines = new ArrayList<>();
      String speaker = null;
      int previous = -1;
      for (int i = 0; i < rows.length; i++) {
        Matcher m = TIMING.matcher(rows[i]);
        if (!m.matches()) {
          if (rows[i].contains("-->")) {
            throw new MalformedEpisode("line " + (i + 1) + ": cue timing '" + rows[i].strip()
                + "' is not HH:MM:SS.mmm --> HH:MM:SS.mmm");
          }
          continue;
        }
        int start;
        try {
          start = cueSeconds(m.group(1));
        } catch (IllegalArgumentException e) {
          throw new MalformedEpisode("line " + (i + 1) + ": " + e.getMessage());
        }
        StringBuilder payload = new StringBuilder();
        int j = i + 1;
        for (; j < rows.length && !rows[j].isBlank(); j++) {
          payload.append(payload.length() == 0 ? "" : " ").append(rows[j].strip());
        }
        String cue = payload.toString();
        Matcher v = VOICE.matcher(cue);
        if (v.matches()) {
          speaker = v.group(1).strip();
          cue = v.group(2);
        } else {
          Matcher p = PREFIX.matcher(cue);
          if (p.matches()) {
            speaker = p.group(1).strip();
            cue = p.group(2);
          }
        }
        cue = TAG.matcher(cue).replaceAll("").strip();
        if (previous >= 0 && start < previous - BACKWARD_TOLERANCE_SEC) {
          throw new MalformedEpisode("line " + (i + 1) + ": cue at " + Times.format(start) + " goes back before "
              + Times.format(previous) + "; cues must be in time order");
        }
        previous = Math.max(previous, start);
        if (!cue.isEmpty()) {
          lines.add(new TranscriptLine(previous, speaker == null ? "unknown speaker" : speaker, cue, null));
        }
        i = j;
      }
      if (lines.isEmpty()) {
        throw new MalformedEpisode("has no cues with text");
      }
      return new Episode(slug, file, title == null ? slug : title, null, List.of(), youtube, List.copyOf(lines));
    }

    private static int cueSeconds(String hms) {
      String[] p = hms.split(":");
      int total = 0;
      for (int k = 0; k < p.length; k++) {
        int v = Integer.parseInt(p[k]);
        if (k > 0 && v >= 60) {
          throw new IllegalArgumentException("cue time " + hms + " has a field of 60 or more");
        }
        total = total * 60 + v;
      }
      return total;
    }
  }
}
