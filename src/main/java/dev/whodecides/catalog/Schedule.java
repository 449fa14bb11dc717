package dev.whodecides.catalog;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.BitSet;
import java.util.Locale;
import java.util.Optional;

/**
 * How often a job runs, from the {@code whodecides.dev/schedule} annotation: {@code hourly},
 * {@code daily}, {@code weekly}, {@code monthly}, or a five-field cron expression
 * (minute hour day-of-month month day-of-week). The period of a cron expression is the shortest
 * gap between two runs over a year, so a job running at 02:00 and 14:00 has a period of 12 hours.
 */
public final class Schedule {

  private static final String[] MONTHS =
      {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  private static final String[] DAYS = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

  private Schedule() {}

  /** The period of a schedule, or empty when the text is neither a known word nor a valid cron expression. */
  public static Optional<Duration> period(String schedule) {
    if (schedule == null) {
      return Optional.empty();
    }
    String s = schedule.trim().toLowerCase(Locale.ROOT);
    switch (s) {
      case "hourly", "@hourly" -> {
        return Optional.of(Duration.ofHours(1));
      }
      case "daily", "@daily", "@midnight" -> {
        return Optional.of(Duration.ofDays(1));
      }
      case "weekly", "@weekly" -> {
        return Optional.of(Duration.ofDays(7));
      }
      case "monthly", "@monthly" -> {
        return Optional.of(Duration.ofDays(28));
      }
      default -> { }
    }
    String[] f = s.split("\\s+");
    if (f.length != 5 || s.length() > 200) {
      return Optional.empty();
    }
    BitSet minutes = field(f[0], 0, 59, null);
    BitSet hours = field(f[1], 0, 23, null);
    BitSet dom = field(f[2], 1, 31, null);
    BitSet months = field(f[3], 1, 12, MONTHS);
    BitSet dow = field(f[4], 0, 7, DAYS);
    if (minutes == null || hours == null || dom == null || months == null || dow == null) {
      return Optional.empty();
    }
    if (dow.get(7)) {
      dow.set(0);
    }
    boolean domAny = f[2].equals("*");
    boolean dowAny = f[4].equals("*");
    // Walk the days of two years (so that a yearly job shows two runs) and the run times in each.
    LocalDateTime day = LocalDateTime.of(2025, 1, 1, 0, 0);
    LocalDateTime last = null;
    Duration shortest = null;
    for (int d = 0; d < 731; d++, day = day.plusDays(1)) {
      if (!months.get(day.getMonthValue())) {
        continue;
      }
      boolean domOk = dom.get(day.getDayOfMonth());
      boolean dowOk = dow.get(day.getDayOfWeek().getValue() % 7);
      boolean runs = (domAny || dowAny) ? (domOk && dowOk) : (domOk || dowOk);
      if (!runs) {
        continue;
      }
      for (int h = hours.nextSetBit(0); h >= 0; h = hours.nextSetBit(h + 1)) {
        for (int m = minutes.nextSetBit(0); m >= 0; m = minutes.nextSetBit(m + 1)) {
          LocalDateTime t = day.withHour(h).withMinute(m);
          if (last != null) {
            Duration gap = Duration.between(last, t);
            if (shortest == null || gap.compareTo(shortest) < 0) {
              shortest = gap;
            }
          }
          last = t;
        }
      }
    }
    return Optional.ofNullable(shortest);
  }

  /** One cron field as the set of values it allows, or null when it is malformed. */
  private static BitSet field(String text, int min, int max, String[] names) {
    BitSet out = new BitSet(max + 1);
    for (String part : text.split(",", -1)) {
      String range = part;
      int step = 1;
      int slash = part.indexOf('/');
      if (slash >= 0) {
        range = part.substring(0, slash);
        Integer s = number(part.substring(slash + 1), null);
        if (s == null || s < 1) {
          return null;
        }
        step = s;
      }
      int from;
      int to;
      if (range.equals("*")) {
        from = min;
        to = max;
      } else {
        int dash = range.indexOf('-');
        Integer a = number(dash >= 0 ? range.substring(0, dash) : range, names);
        Integer b = dash >= 0 ? number(range.substring(dash + 1), names) : a;
        if (a == null || b == null) {
          return null;
        }
        from = a;
        to = slash >= 0 && dash < 0 ? max : b;
      }
      if (from < min || to > max || from > to) {
        return null;
      }
      for (int v = from; v <= to; v += step) {
        out.set(v);
      }
    }
    return out;
  }

  private static Integer number(String text, String[] names) {
    if (names != null) {
      for (int i = 0; i < names.length; i++) {
        if (names[i].equals(text)) {
          return names == MONTHS ? i + 1 : i;
        }
      }
    }
    if (text.isEmpty() || text.length() > 2 || !text.chars().allMatch(Character::isDigit)) {
      return null;
    }
    return Integer.parseInt(text);
  }
}
