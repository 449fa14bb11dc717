package dev.whodecides.evidence;

/**
 * Something the archive reader repaired or set aside in a file it kept: {@code line} is the line
 * of the file (0 when the whole file is meant, or the layout gave no line), {@code message} says
 * what was wrong and what was done.
 */
public record Notice(String file, int line, Kind kind, String message) {

  /** What a notice is about; the coverage line counts each kind. */
  public enum Kind {
    /** A transcript line kept with its speaker, time or text repaired. */
    REPAIRED,
    /** A transcript line without a speaker or time that repeats the next line word for word. */
    DUPLICATE,
    /** A transcript entry with no line to keep: empty, or a list where a line belongs. */
    DROPPED,
    /** A repair outside the transcript lines: stray text before the front matter, a missing WEBVTT header. */
    FILE,
    /** An episode kept without a transcript: known by title, guests and links, but with no passages. */
    NO_PASSAGES
  }

  @Override
  public String toString() {
    return (line > 0 ? file + ":" + line : file) + ": " + message;
  }
}
