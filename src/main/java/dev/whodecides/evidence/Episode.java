package dev.whodecides.evidence;

import java.util.List;
import java.util.Map;

/**
 * One podcast episode as the evidence search needs it. {@code slug} is the file name without its
 * extension; {@code youtube} may be null for recordings without a video link; {@code links} holds
 * every link of the front matter by name. An episode without a transcript has no {@code lines}
 * and so no passages, but keeps its title, guests and links.
 */
public record Episode(
    String slug, String file, String title, String shortTitle, List<String> guests, String youtube,
    List<TranscriptLine> lines, Map<String, String> links) {

  /** An episode whose only link is its video (or none). */
  public Episode(String slug, String file, String title, String shortTitle, List<String> guests, String youtube,
      List<TranscriptLine> lines) {
    this(slug, file, title, shortTitle, guests, youtube, lines, youtube == null ? Map.of() : Map.of("youtube", youtube));
  }

  /** The second the last line starts at; the episode is taken to end a minute later at most. */
  public int lastSecond() {
    return lines.isEmpty() ? 0 : lines.get(lines.size() - 1).sec();
  }

  /** False for an episode kept without a transcript: it is known, but search finds nothing in it. */
  public boolean hasPassages() {
    return !lines.isEmpty();
  }

  /** A link that starts the video at {@code sec}, or null without a video. */
  public String urlAt(int sec) {
    if (youtube == null) {
      return null;
    }
    return youtube + (youtube.contains("?") ? "&" : "?") + "t=" + sec + "s";
  }
}
