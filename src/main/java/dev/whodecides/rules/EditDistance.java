package dev.whodecides.rules;

/**
 * Levenshtein distance between two short texts (names, rule ids), bounded: past the bound the
 * exact value does not matter, so the computation stops early and reports {@code bound + 1}. What
 * "did you mean" advice is measured with, in the catalog and in the configuration alike.
 */
public final class EditDistance {

  private EditDistance() {}

  /** The number of single-character insertions, deletions and substitutions from a to b, or bound + 1 when above bound. */
  public static int between(String a, String b, int bound) {
    if (Math.abs(a.length() - b.length()) > bound) {
      return bound + 1;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      int rowMin = cur[0];
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
        rowMin = Math.min(rowMin, cur[j]);
      }
      if (rowMin > bound) {
        return bound + 1;
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return Math.min(prev[b.length()], bound + 1);
  }

  /**
   * How far apart two names may be and still be taken for a slip of the keyboard: one edit up to
   * four characters, two up to ten, three beyond.
   */
  public static int slipsAllowed(String name) {
    return name.length() <= 4 ? 1 : name.length() <= 10 ? 2 : 3;
  }
}
