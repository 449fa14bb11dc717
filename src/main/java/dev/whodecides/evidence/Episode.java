package dev.whodecides.evidence;

import java.util.List;

/**
 * One podcast episode as the evidence search needs it. {@code slug} is the file name without its
 * extension; {@code youtube} may be null for recordings without a video link.
 */
public record Episode(
    String slug, String file, String title, String shortTitle, List<String> guests, String youtube,
    List<TranscriptLine> lines) {

  /** The second the last line starts at; the episode is taken to end a minute later at most. */
  public int lastSecond() {
    return lines.isEmpty() ? 0 : lines.get(lines.size() - 1).sec();
  }

  /** A link that starts the video at {@code sec}, or null without a video. */
  public String urlAt(int sec) {
    if (youtube == null) {
      return null;
    }
    return youtube + (youtube.contains("?") ? "&" : "?") + "t=" + sec + "s";
  }
}
