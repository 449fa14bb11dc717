package dev.whodecides.evidence;

/** An episode file that cannot be used as evidence; the message says what is wrong and where. */
public final class MalformedEpisode extends Exception {
  public MalformedEpisode(String message) {
    super(message);
  }
}
