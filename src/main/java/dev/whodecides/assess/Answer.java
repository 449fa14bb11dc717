package dev.whodecides.assess;

import java.util.Locale;
import java.util.Optional;

/** An answer to one question: yes, no, or not sure (which counts as a gap to check). */
public enum Answer {
  YES, NO, UNSURE;

  /** Reads y/yes/true, n/no/false, ?/unsure/don't know; empty when the text is none of those. */
  public static Optional<Answer> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "y", "yes", "true", "j", "ja" -> Optional.of(YES);
      case "n", "no", "false", "nein" -> Optional.of(NO);
      case "?", "unsure", "not sure", "dont know", "don't know", "unknown", "u" -> Optional.of(UNSURE);
      default -> Optional.empty();
    };
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
