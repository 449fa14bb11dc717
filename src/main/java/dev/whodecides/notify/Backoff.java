package dev.whodecides.notify;

import java.time.Duration;
import java.time.Instant;

/**
 * When a failed delivery is tried again: 30 seconds after the first failure, doubling each time up
 * to an hour between attempts, for 24 hours from the call; a last attempt falls on the 24th hour,
 * and a delivery that fails then is given up.
 */
public final class Backoff {

  public static final Duration FIRST = Duration.ofSeconds(30);
  public static final Duration LONGEST = Duration.ofHours(1);
  public static final Duration GIVE_UP_AFTER = Duration.ofHours(24);

  private Backoff() {}

  /** The wait after the {@code attempts}-th failed attempt (1 for the first). */
  public static Duration after(int attempts) {
    int doublings = Math.min(Math.max(attempts - 1, 0), 20);
    Duration d = FIRST.multipliedBy(1L << doublings);
    return d.compareTo(LONGEST) > 0 ? LONGEST : d;
  }

  /**
   * The next attempt after the {@code attempts}-th failure at {@code now} of a delivery queued at
   * {@code queued}, or null when the 24 hours are over and it is given up.
   */
  public static Instant next(Instant queued, int attempts, Instant now) {
    Instant end = queued.plus(GIVE_UP_AFTER);
    if (!now.isBefore(end)) {
      return null;
    }
    Instant next = now.plus(after(attempts));
    return next.isAfter(end) ? end : next;
  }
}
