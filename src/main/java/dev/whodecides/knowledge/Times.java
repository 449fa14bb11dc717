package dev.whodecides.knowledge;

/** Reading and writing episode times: {@code M:SS} below an hour, {@code H:MM:SS} from an hour on. */
public final class Times {

  private Times() {}

  /** Formats seconds as the transcripts do: {@code 5:07}, {@code 59:59}, {@code 1:00:00}. */
  public static String format(int sec) {
    int h = sec / 3600;
    int m = (sec % 3600) / 60;
    int s = sec % 60;
    return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%d:%02d", m, s);
  }

  /**
   * Parses {@code M:SS} or {@code H:MM:SS}; seconds (and minutes of an hour) must be below 60.
   *
   * @throws IllegalArgumentException with a reason a person can act on
   */
  public static int parse(String time) {
    String[] parts = time.trim().split(":", -1);
    if (parts.length < 2 || parts.length > 3) {
      throw new IllegalArgumentException("time '" + time + "' is not M:SS or H:MM:SS");
    }
    int total = 0;
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (p.isEmpty() || p.length() > 4 || !p.chars().allMatch(Character::isDigit)) {
        throw new IllegalArgumentException("time '" + time + "' is not M:SS or H:MM:SS");
      }
      int v = Integer.parseInt(p);
      boolean bounded = i > 0;
      if (bounded && (p.length() != 2 || v >= 60)) {
        throw new IllegalArgumentException("time '" + time + "' has a field of " + p + "; write two digits below 60");
      }
      total = total * 60 + v;
    }
    return total;
  }
}
