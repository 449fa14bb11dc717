package dev.whodecides.knowledge;

/**
 * A time range in a podcast episode that backs a claim, with a link that starts the video at
 * {@code from}. {@code source} is the episode file's slug.
 */
public record Citation(String source, String guest, String episode, String from, String to, String url) {

  /** Seconds from the start of the episode for {@code M:SS} or {@code H:MM:SS}. */
  public static int seconds(String time) {
    return Times.parse(time);
  }

  /** A short human label: guest, episode title, range. */
  public String label() {
    return guest + ", \"" + episode + "\" " + from + "-" + to;
  }
}
