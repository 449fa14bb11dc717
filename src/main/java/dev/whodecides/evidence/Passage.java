package dev.whodecides.evidence;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * A window of consecutive transcript lines, about a minute long, never across a chapter header:
 * the unit that search ranks and citations point at.
 */
public record Passage(
    String slug, String title, String shortTitle, List<String> guests, List<String> speakers, String chapter,
    int from, int to, String text, String url) {

  /**
   * Splits an episode into passages of about a minute: {@link #MIN_SEC} to {@link #MAX_SEC}
   * seconds by the timestamps, and, because many transcripts give one time to a long monologue,
   * also by words spoken ({@link #WORDS_PER_SEC} words a second is ordinary speech).
   */
  public static List<Passage> of(Episode e) {
    List<Passage> out = new ArrayList<>();
    List<TranscriptLine> lines = e.lines();
    int start = 0;
    while (start < lines.size()) {
      int end = start;
      int words = words(lines.get(start));
      while (true) {
        int span = endOf(lines, end) - lines.get(start).sec();
        boolean last = end + 1 >= lines.size()
            || !Objects.equals(lines.get(end + 1).chapter(), lines.get(start).chapter());
        if (last || span >= TARGET_SEC || words >= TARGET_SEC * WORDS_PER_SEC) {
          break;
        }
        int spanWithNext = endOf(lines, end + 1) - lines.get(start).sec();
        int wordsWithNext = words + words(lines.get(end + 1));
        boolean longEnough = span >= MIN_SEC || words >= MIN_SEC * WORDS_PER_SEC;
        if (longEnough && (spanWithNext > MAX_SEC || wordsWithNext > MAX_SEC * WORDS_PER_SEC)) {
          break;
        }
        end++;
        words = wordsWithNext;
      }
      int from = lines.get(start).sec();
      int to = Math.max(endOf(lines, end), from + (int) Math.ceil(words / WORDS_PER_SEC));
      out.add(make(e, lines.subList(start, end + 1), to));
      start = end + 1;
    }
    return out;
  }

  static final int MIN_SEC = 30;
  static final int TARGET_SEC = 60;
  static final int MAX_SEC = 90;
  static final double WORDS_PER_SEC = 2.5;
  /** How long the episode's last line is taken to last, having no next line to end it. */
  static final int LAST_LINE_SEC = 30;

  private static int words(TranscriptLine l) {
    String t = l.text();
    int n = 0;
    boolean inWord = false;
    for (int i = 0; i < t.length(); i++) {
      boolean space = Character.isWhitespace(t.charAt(i));
      if (!space && !inWord) {
        n++;
      }
      inWord = !space;
    }
    return n;
  }

  private static int endOf(List<TranscriptLine> lines, int i) {
    return i + 1 < lines.size() ? Math.max(lines.get(i + 1).sec(), lines.get(i).sec() + 1)
        : lines.get(i).sec() + LAST_LINE_SEC;
  }

  private static Passage make(Episode e, List<TranscriptLine> window, int to) {
    StringBuilder text = new StringBuilder();
    LinkedHashSet<String> speakers = new LinkedHashSet<>();
    for (TranscriptLine l : window) {
      speakers.add(l.who());
      text.append(text.length() == 0 ? "" : "\n").append(l.who()).append(": ").append(l.text());
    }
    int from = window.get(0).sec();
    return new Passage(e.slug(), e.title(), e.shortTitle(), e.guests(), List.copyOf(speakers), window.get(0).chapter(),
        from, to, text.toString(), e.urlAt(from));
  }
}
