package dev.whodecides.evidence;

import dev.whodecides.knowledge.Times;
import java.util.List;

/**
 * Gives every line of an episode a time that never goes back, so passages stay in order.
 *
 * <p>The stated times that agree with each other are kept: the longest run of lines in file order
 * in which no step goes back by {@link #BACKWARD_TOLERANCE_SEC} or more, preferring earlier lines
 * when two runs are as long. A shorter step back is overlapping speech and is lifted to the time
 * before it, as it always was. Every other line (its time missing, unreadable, or out of order)
 * is placed between its neighbours, spread evenly when several sit in one gap, and gets a repair
 * phrase saying where it went.
 */
final class Timeline {

  /** Backward steps smaller than this are overlap in automatic transcripts, not disorder. */
  static final int BACKWARD_TOLERANCE_SEC = 60;

  /**
   * One line to place: its stated second, or null with {@code unknown} saying why there is none
   * (e.g. "time '37:567' has a field of 567").
   */
  record Slot(Integer stated, String unknown) {}

  /** Where a line went, and the repair phrase when it did not go where its time said (else null). */
  record Placed(int sec, String repair) {}

  private Timeline() {}

  static Placed[] place(List<Slot> slots) {
    int n = slots.size();
    boolean[] chained = chain(slots);
    Placed[] out = new Placed[n];
    // Kept lines first: each at its time, lifted to the latest time before it.
    int max = -1;
    for (int i = 0; i < n; i++) {
      if (!chained[i]) {
        continue;
      }
      int stated = slots.get(i).stated();
      String repair = null;
      if (max >= 0 && stated < max - BACKWARD_TOLERANCE_SEC) {
        repair = "time " + Times.format(stated) + " goes back from " + Times.format(max) + "; placed at "
            + Times.format(max);
      }
      max = Math.max(max, stated);
      out[i] = new Placed(max, repair);
    }
    // Then each gap of unplaced lines, spread between the kept lines around it.
    int i = 0;
    while (i < n) {
      if (chained[i]) {
        i++;
        continue;
      }
      int end = i;
      while (end < n && !chained[end]) {
        end++;
      }
      Integer before = i > 0 ? out[i - 1].sec() : null;
      Integer after = end < n ? out[end].sec() : null;
      int gap = end - i;
      for (int k = 0; k < gap; k++) {
        int sec;
        String where;
        if (before != null && after != null) {
          sec = before + (int) ((long) (after - before) * (k + 1) / (gap + 1));
          where = before.equals(after) ? ", the time of the lines around it"
              : ", between its neighbours at " + Times.format(before) + " and " + Times.format(after);
        } else if (before != null) {
          sec = before;
          where = ", the last known time before it";
        } else if (after != null) {
          sec = after;
          where = ", the first known time after it";
        } else {
          sec = 0;
          where = "; no line of the episode has a readable time";
        }
        Slot s = slots.get(i + k);
        String why = s.stated() != null ? "time " + Times.format(s.stated()) + " is out of order" : s.unknown();
        out[i + k] = new Placed(sec, why + "; placed at " + Times.format(sec) + where);
      }
      i = end;
    }
    return out;
  }

  /**
   * Marks the lines whose stated times are kept: the longest sequence in file order where each
   * time is at most a tolerated step below the one kept before it; the earliest lines win ties.
   */
  private static boolean[] chain(List<Slot> slots) {
    int n = slots.size();
    int[] longest = new int[n];
    int best = 0;
    for (int i = n - 1; i >= 0; i--) {
      Integer t = slots.get(i).stated();
      if (t == null) {
        continue;
      }
      longest[i] = 1;
      for (int j = i + 1; j < n; j++) {
        if (longest[j] > 0 && follows(t, slots.get(j).stated())) {
          longest[i] = Math.max(longest[i], longest[j] + 1);
        }
      }
      best = Math.max(best, longest[i]);
    }
    boolean[] kept = new boolean[n];
    int want = best;
    Integer last = null;
    for (int i = 0; i < n && want > 0; i++) {
      if (longest[i] == want && (last == null || follows(last, slots.get(i).stated()))) {
        kept[i] = true;
        last = slots.get(i).stated();
        want--;
      }
    }
    return kept;
  }

  private static boolean follows(int earlier, int later) {
    return later >= earlier - BACKWARD_TOLERANCE_SEC;
  }
}
