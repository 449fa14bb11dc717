package dev.whodecides.evidence;

import dev.whodecides.catalog.YamlDocument;
import dev.whodecides.catalog.YamlReader;
import dev.whodecides.knowledge.Times;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one episode: a DataTalks.Club episode file (YAML front matter with a {@code transcript}
 * list), a WebVTT file or a SubRip file.
 *
 * <p>A bad line never costs the episode: every line that can be placed is kept, and each repair
 * is handed on as one {@link Notice} naming the file's line. A line without a speaker continues
 * the previous speaker's turn, unless it also has no time and repeats the next line word for word
 * (a copy some transcripts carry before every turn), which is dropped. A line without a time
 * continues the same speaker's turn (a paragraph break); where the speaker changes it is placed
 * between its neighbours. A time with stray spaces ({@code 9: 46}) is read as meant; one that
 * cannot be read ({@code 37:567}) or is out of order is placed between its neighbours
 * ({@link Timeline}). When {@code sec} and {@code time} disagree, the time people read wins. An
 * episode without a transcript keeps its title, guests and links and has no passages.
 *
 * <p>Only files that are not episodes are refused ({@link MalformedEpisode}): no front matter,
 * front matter that does not parse or is not a map of fields, a template with {@code {{ }}}
 * placeholders, a subtitle file without cues.
 */
public final class EpisodeReader {

  /** Who speaks a line when neither the line nor any line before it names a speaker. */
  static final String UNKNOWN_SPEAKER = "unknown speaker";
  /** Stray lines tolerated before the opening {@code ---} of the front matter. */
  static final int MAX_STRAY_LINES = 3;

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^{}]*}}");
  private static final Pattern FIELD = Pattern.compile("^([A-Za-z_][\\w-]*)\\s*:(?:\\s|$)");

  private EpisodeReader() {}

  public static boolean isEpisodeFile(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".md") || n.endsWith(".vtt") || n.endsWith(".srt");
  }

  /** Reads an episode file, handing every repair to {@code notices}. */
  public static Episode read(Path file, Consumer<Notice> notices) throws MalformedEpisode, IOException {
    String name = file.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    String slug = name.substring(0, name.lastIndexOf('.'));
    String text = Files.readString(file, StandardCharsets.UTF_8);
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    if (lower.endsWith(".vtt")) {
      return Subtitles.readVtt(slug, file.toString(), text, notices);
    }
    if (lower.endsWith(".srt")) {
      return Subtitles.readSrt(slug, file.toString(), text, notices);
    }
    return readMarkdown(slug, file.toString(), text, notices);
  }

  static Episode readMarkdown(String slug, String file, String text, Consumer<Notice> notices)
      throws MalformedEpisode {
    int stray = strayLines(text);
    if (stray < 0) {
      throw new MalformedEpisode("has no YAML front matter; an episode file starts with a line '---'");
    }
    Map<?, ?> front;
    String yaml;
    try {
      String body = text;
      for (int i = 0; i < stray; i++) {
        body = body.substring(body.indexOf('\n') + 1);
      }
      int end = body.indexOf("\n---", 3);
      if (end < 0) {
        throw new MalformedEpisode("front matter is not closed; end it with a line '---'");
      }
      yaml = body.substring(body.indexOf('\n') + 1, end + 1);
      front = frontMatter(yaml, stray + 2);
      if (stray > 0 && !front.containsKey("title") && !front.containsKey("transcript")) {
        throw new MalformedEpisode("front matter has neither a title nor a transcript");
      }
    } catch (MalformedEpisode e) {
      // Text before a '---' a few lines down is a file of another kind, unless an episode follows.
      if (stray > 0) {
        throw new MalformedEpisode("has no YAML front matter; an episode file starts with a line '---'");
      }
      throw e;
    }
    List<Notice> found = new ArrayList<>();
    if (stray > 0) {
      String first = text.substring(0, text.indexOf('\n')).strip();
      found.add(new Notice(file, 1, Notice.Kind.FILE, "ignored " + (stray == 1 ? "a stray line ('" + first + "')"
          : stray + " stray lines") + " before the front matter's opening '---'"));
    }
    String youtube = null;
    Map<String, String> links = new LinkedHashMap<>();
    if (front.get("links") instanceof Map<?, ?> l) {
      l.forEach((k, v) -> {
        if (k != null && v instanceof String s && !s.isBlank()) {
          links.put(k.toString(), s.strip());
        }
      });
      String y = links.get("youtube");
      if (y != null && y.startsWith("http")) {
        youtube = y;
      }
    }
    List<String> guests = new ArrayList<>();
    if (front.get("guests") instanceof List<?> g) {
      for (Object o : g) {
        if (o != null) {
          guests.add(o.toString());
        }
      }
    }
    Object transcript = front.get("transcript");
    List<TranscriptLine> lines = List.of();
    String without = null;
    if (!(transcript instanceof List<?> entries) || entries.isEmpty()) {
      if (PLACEHOLDER.matcher(yaml).find()) {
        throw new MalformedEpisode("is a template with '{{ }}' placeholders and no transcript, not an episode");
      }
      without = transcript == null ? "has no transcript" : transcript instanceof List ? "has an empty transcript"
          : "has a transcript that is not a list of lines";
    } else {
      lines = transcript(file, entries, layout(yaml, stray + 2, entries.size()), found);
      if (lines.isEmpty()) {
        without = "has no transcript lines, only chapter headers";
      }
    }
    if (without != null) {
      found.add(new Notice(file, 0, Notice.Kind.NO_PASSAGES, without + "; kept its title, guests and links, with no"
          + " passages"));
    }
    found.sort(Comparator.comparingInt(Notice::line));
    found.forEach(notices);
    return new Episode(slug, file, str(front.get("title")), str(front.get("short")), List.copyOf(guests), youtube,
        List.copyOf(lines), Map.copyOf(links));
  }

  /** How many lines come before the front matter's opening '---' (0 normally), or -1 for none. */
  private static int strayLines(String text) {
    if (text.startsWith("---")) {
      return 0;
    }
    String[] rows = text.split("\n", MAX_STRAY_LINES + 2);
    for (int i = 1; i < rows.length && i <= MAX_STRAY_LINES; i++) {
      if (rows[i].stripTrailing().equals("---")) {
        return i;
      }
    }
    return -1;
  }

  private static Map<?, ?> frontMatter(String yaml, int firstLine) throws MalformedEpisode {
    List<Object> docs = new ArrayList<>();
    try {
      YamlReader.readText(new StringReader(yaml), (YamlDocument d) -> docs.add(d.value()));
    } catch (YamlReader.YamlError e) {
      throw new MalformedEpisode("front matter" + (e.line() > 0 ? " line " + (e.line() + firstLine - 1) : "") + ": "
          + e.getMessage());
    }
    if (docs.size() != 1 || !(docs.get(0) instanceof Map<?, ?> front)) {
      throw new MalformedEpisode("front matter is not a map of fields such as title and transcript");
    }
    return front;
  }

  /** One transcript line on its way to the episode: where it is, who says what, and its time. */
  private static final class Draft {
    final String where;
    final int timeLine;
    final String who;
    final StringBuilder text;
    final String chapter;
    final Timeline.Slot slot;
    final List<String> repairs = new ArrayList<>();
    int repairLine;

    Draft(String where, int timeLine, String who, String text, String chapter, Timeline.Slot slot) {
      this.where = where;
      this.timeLine = timeLine;
      this.who = who;
      this.text = new StringBuilder(text);
      this.chapter = chapter;
      this.slot = slot;
    }

    void repair(int at, String what) {
      if (repairs.isEmpty()) {
        repairLine = at;
      }
      repairs.add(what);
    }
  }

  private static List<TranscriptLine> transcript(String file, List<?> entries, List<Map<String, Integer>> layout,
      List<Notice> notices) {
    List<Draft> drafts = new ArrayList<>();
    String chapter = null;
    String lastWho = null;
    for (int index = 0; index < entries.size(); index++) {
      Object o = entries.get(index);
      Map<String, Integer> fields = layout == null ? Map.of() : layout.get(index);
      int at = fields.getOrDefault("-", 0);
      String where = at > 0 ? "" : "transcript entry " + (index + 1) + " ";
      if (o instanceof Map<?, ?> m && m.containsKey("header")) {
        chapter = m.get("header") == null ? null : m.get("header").toString().strip();
        continue;
      }
      Map<?, ?> entry = o instanceof Map<?, ?> m ? m : Map.of();
      boolean empty = o instanceof Map && !entry.containsKey("line") && !entry.containsKey("who")
          && !entry.containsKey("sec") && !entry.containsKey("time");
      if (o == null || o instanceof List || empty) {
        notices.add(new Notice(file, at, Notice.Kind.DROPPED, where + (o instanceof List ? "is a list, not a line"
            : "is empty") + "; dropped"));
        continue;
      }
      String spoken = o instanceof Map ? text(entry.get("line")) : text(o);
      Object sec = entry.get("sec");
      Object time = entry.get("time");
      boolean timed = sec != null || time != null;
      String who = entry.get("who") == null || entry.get("who").toString().isBlank() ? null
          : entry.get("who").toString().strip();
      String speakerRepair = null;
      if (who == null) {
        int copyOf = timed ? -1 : copyOfNext(entries, index, spoken);
        if (copyOf >= 0) {
          int copyLine = layout == null ? 0 : layout.get(copyOf).getOrDefault("-", 0);
          notices.add(new Notice(file, at, Notice.Kind.DUPLICATE, where + "has no speaker or time and repeats "
              + (copyLine > 0 ? "line " + copyLine : "transcript entry " + (copyOf + 1)) + " word for word; dropped"
              + " the copy"));
          continue;
        }
        if (lastWho != null) {
          who = lastWho;
          speakerRepair = "has no speaker; continues " + who + "'s turn";
        } else {
          who = UNKNOWN_SPEAKER;
          speakerRepair = "has no speaker and no one speaks before it; kept as '" + UNKNOWN_SPEAKER + "'";
        }
      }
      lastWho = who;
      Draft last = drafts.isEmpty() ? null : drafts.get(drafts.size() - 1);
      if (!timed && last != null && last.who.equals(who)) {
        // A paragraph break inside one speaker's turn.
        last.text.append('\n').append(spoken);
        if (speakerRepair != null) {
          notices.add(new Notice(file, at, Notice.Kind.REPAIRED, where + "has no speaker or time; added to the turn"
              + " of " + who + " before it"));
        }
        continue;
      }
      List<String> repairs = new ArrayList<>();
      int timeAt = fields.getOrDefault("time", fields.getOrDefault("sec", at));
      Integer stated = null;
      String unknown = null;
      if (time != null) {
        String t = time.toString();
        try {
          stated = Times.parse(t);
        } catch (IllegalArgumentException e) {
          String squeezed = t.replaceAll("\\s+", "");
          try {
            stated = Times.parse(squeezed);
            repairs.add("time '" + t.replace("\n", " ") + "' read as " + squeezed);
          } catch (IllegalArgumentException again) {
            unknown = e.getMessage().split(";")[0];
          }
        }
        if (stated != null && sec instanceof Number n && Math.abs(n.longValue() - stated) > 1) {
          repairs.add("sec " + n + " disagrees with time " + Times.format(stated) + "; kept the time");
        }
      } else if (sec instanceof Number n && n.longValue() >= 0 && n.longValue() < Integer.MAX_VALUE) {
        stated = n.intValue();
      } else if (sec != null) {
        unknown = "sec '" + sec + "' is not a number of seconds";
      } else {
        unknown = "has no time and starts " + who + "'s turn";
      }
      Draft d = new Draft(where, timeAt, who, spoken, chapter, new Timeline.Slot(stated, unknown));
      if (speakerRepair != null) {
        d.repair(at, speakerRepair);
      }
      repairs.forEach(r -> d.repair(timeAt, r));
      drafts.add(d);
    }
    Timeline.Placed[] placed = Timeline.place(drafts.stream().map(d -> d.slot).toList());
    List<TranscriptLine> lines = new ArrayList<>(drafts.size());
    for (int i = 0; i < drafts.size(); i++) {
      Draft d = drafts.get(i);
      if (placed[i].repair() != null) {
        d.repair(d.timeLine, placed[i].repair());
      }
      if (!d.repairs.isEmpty()) {
        notices.add(new Notice(file, d.repairLine, Notice.Kind.REPAIRED, d.where + String.join("; ", d.repairs)));
      }
      lines.add(new TranscriptLine(placed[i].sec(), d.who, d.text.toString(), d.chapter));
    }
    return lines;
  }

  /** The index of the next spoken entry when it has a speaker and says exactly {@code spoken}, else -1. */
  private static int copyOfNext(List<?> entries, int index, String spoken) {
    for (int j = index + 1; j < entries.size(); j++) {
      if (entries.get(j) instanceof Map<?, ?> m && m.containsKey("header")) {
        continue;
      }
      if (entries.get(j) instanceof Map<?, ?> m && m.get("who") != null && !m.get("who").toString().isBlank()
          && text(m.get("line")).equals(spoken) && !spoken.isEmpty()) {
        return j;
      }
      return -1;
    }
    return -1;
  }

  private static String text(Object o) {
    return o == null ? "" : o.toString().strip();
  }

  /**
   * The file line of each transcript entry ({@code "-"}) and of its fields, from the block layout
   * of the front matter; null when the layout is not one entry per {@code - } line.
   */
  static List<Map<String, Integer>> layout(String yaml, int firstLine, int expected) {
    String[] rows = yaml.split("\n", -1);
    int r = 0;
    while (r < rows.length && !rows[r].matches("transcript:\\s*(#.*)?")) {
      r++;
    }
    List<Map<String, Integer>> out = new ArrayList<>();
    int indent = -1;
    for (r++; r < rows.length; r++) {
      String row = rows[r];
      String trimmed = row.stripLeading();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      int ind = row.length() - trimmed.length();
      if (indent < 0) {
        if (!trimmed.startsWith("-")) {
          return null;
        }
        indent = ind;
      }
      if (ind < indent || (ind == indent && !trimmed.startsWith("-"))) {
        break;
      }
      if (ind == indent && (trimmed.equals("-") || trimmed.startsWith("- "))) {
        Map<String, Integer> fields = new HashMap<>();
        fields.put("-", firstLine + r);
        field(trimmed.substring(1).stripLeading(), firstLine + r, fields);
        out.add(fields);
      } else if (!out.isEmpty() && ind == indent + 2) {
        field(trimmed, firstLine + r, out.get(out.size() - 1));
      }
    }
    return out.size() == expected ? out : null;
  }

  private static void field(String text, int line, Map<String, Integer> fields) {
    Matcher m = FIELD.matcher(text);
    if (m.find()) {
      fields.putIfAbsent(m.group(1), line);
    }
  }

  private static String str(Object o) {
    return o == null ? null : o.toString().strip();
  }

  /** WebVTT and SubRip files: one episode each, speakers from voice tags or "Name:" prefixes. */
  static final class Subtitles {
    private static final Pattern TIMING = Pattern.compile(
        "^\\s*((?:\\d+:)?\\d{1,2}:\\d{2})[.,](\\d{1,3})\\s*-->\\s*((?:\\d+:)?\\d{1,2}:\\d{2})[.,](\\d{1,3}).*$");
    /** A timing written loosely ({@code 00:00:01 -> 00:00:02}) whose start is still plain. */
    private static final Pattern LOOSE = Pattern.compile("^\\s*((?:\\d+:)?\\d{1,2}:\\d{2})(?:[.,]\\d{1,3})?\\s*-+>");
    private static final Pattern VOICE = Pattern.compile("^<v(?:\\.[^ >]*)?\\s+([^>]+)>(.*)$");
    private static final Pattern PREFIX = Pattern.compile("^([A-Z][\\p{L}.' -]{0,40}):\\s+(.+)$");
    private static final Pattern TAG = Pattern.compile("<[^>]+>");

    private Subtitles() {}

    static Episode readVtt(String slug, String file, String text, Consumer<Notice> notices) throws MalformedEpisode {
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
      List<Notice> found = new ArrayList<>();
      List<TranscriptLine> lines = cues(file, text, found);
      if (!text.startsWith("WEBVTT")) {
        if (lines.isEmpty()) {
          throw new MalformedEpisode("is not WebVTT: the first line must be WEBVTT");
        }
        found.add(0, new Notice(file, 1, Notice.Kind.FILE, "does not start with WEBVTT; read its cues anyway"));
      }
      if (lines.isEmpty()) {
        if (title == null) {
          throw new MalformedEpisode("has no cues with text");
        }
        found.add(new Notice(file, 0, Notice.Kind.NO_PASSAGES, "has no cues with text; kept its title and link, with no"
            + " passages"));
      }
      found.forEach(notices);
      return new Episode(slug, file, title == null ? slug : title, null, List.of(), youtube, List.copyOf(lines));
    }

    static Episode readSrt(String slug, String file, String text, Consumer<Notice> notices) throws MalformedEpisode {
      List<Notice> found = new ArrayList<>();
      List<TranscriptLine> lines = cues(file, text, found);
      if (lines.isEmpty()) {
        throw new MalformedEpisode("has no cues with text");
      }
      found.forEach(notices);
      return new Episode(slug, file, slug, null, List.of(), null, List.copyOf(lines));
    }

    private static List<TranscriptLine> cues(String file, String text, List<Notice> notices) {
      String[] rows = text.split("\\R", -1);
      record Cue(int line, String who, String text, Timeline.Slot slot, String repair) {}
      List<Cue> cues = new ArrayList<>();
      String speaker = null;
      for (int i = 0; i < rows.length; i++) {
        Matcher m = TIMING.matcher(rows[i]);
        Matcher loose = LOOSE.matcher(rows[i]);
        String start;
        String repair = null;
        if (m.matches()) {
          start = m.group(1);
        } else if (loose.find()) {
          start = loose.group(1);
          repair = "cue timing '" + rows[i].strip() + "' read as starting at " + start;
        } else if (rows[i].contains("-->")) {
          start = null;
        } else {
          continue;
        }
        Integer sec = null;
        String unknown = null;
        if (start == null) {
          unknown = "cue timing '" + rows[i].strip() + "' is not HH:MM:SS.mmm --> HH:MM:SS.mmm";
        } else {
          try {
            sec = cueSeconds(start);
          } catch (IllegalArgumentException e) {
            unknown = e.getMessage();
            repair = null;
          }
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
        if (!cue.isEmpty()) {
          cues.add(new Cue(i + 1, speaker == null ? UNKNOWN_SPEAKER : speaker, cue, new Timeline.Slot(sec, unknown),
              repair));
        }
        i = j;
      }
      Timeline.Placed[] placed = Timeline.place(cues.stream().map(Cue::slot).toList());
      List<TranscriptLine> lines = new ArrayList<>(cues.size());
      for (int k = 0; k < cues.size(); k++) {
        Cue c = cues.get(k);
        List<String> repairs = new ArrayList<>();
        if (c.repair() != null) {
          repairs.add(c.repair());
        }
        if (placed[k].repair() != null) {
          repairs.add(placed[k].repair());
        }
        if (!repairs.isEmpty()) {
          notices.add(new Notice(file, c.line(), Notice.Kind.REPAIRED, String.join("; ", repairs)));
        }
        lines.add(new TranscriptLine(placed[k].sec(), c.who(), c.text(), null));
      }
      return lines;
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
