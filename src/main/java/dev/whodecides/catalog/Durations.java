package dev.whodecides.catalog;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in a catalog: {@code 2h}, {@code 90m}, {@code 1h30m},
 * {@code 45s}, {@code 250ms}, {@code 1d}, {@code 2w}. A plain number counts as seconds.
 */
public final class Durations {

  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d|w)");
  private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:\\.\\d+)?(?:ms|s|m|h|d|w))+");

  private Durations() {}

  /** The duration written in {@code value} (text or number), or empty when it is not one. */
  public static Optional<Duration> parse(Object value) {
    if (value instanceof Number n) {
      double s = n.doubleValue();
      return s >= 0 && Double.isFinite(s) ? Optional.of(Duration.ofNanos((long) (s * 1e9))) : Optional.empty();
    }
    if (!(value instanceof String text)) {
      return Optional.empty();
    }
    String t = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
    if (t.length() > 40 || !WHOLE.matcher(t).matches()) {
      return Optional.empty();
    }
    double seconds = 0;
    Matcher m = PART.matcher(t);
    while (m.find()) {
      double n = Double.parseDouble(m.group(1));
      seconds += n * switch (m.group(2)) {
        case "ms" -> 0.001;
        case "s" -> 1;
        case "m" -> 60;
        case "h" -> 3600;
        case "d" -> 86400;
        default -> 7 * 86400;
      };
    }
    return Optional.of(Duration.ofMillis(Math.round(seconds * 1000)));
  }

  /** A short human form: {@code 2h}, {@code 1h30m}, {@code 45s}. */
  public static String format(Duration d) {
    long s = d.toSeconds();
    if (s == 0) {
      return d.toMillis() + "ms";
    }
    StringBuilder b = new StringBuilder();
    long days = s / 86400;
    long hours = s % 86400 / 3600;
    long minutes = s % 3600 / 60;
    long secs = s % 60;
    if (days > 0) {
      b.append(days).append('d');
    }
    if (hours > 0) {
      b.append(hours).append('h');
    }
    if (minutes > 0) {
      b.append(minutes).append('m');
    }
    if (secs > 0) {
      b.append(secs).append('s');
    }
    return b.toString();
  }
}
