package dev.whodecides.evidence;

import java.util.ArrayList;
import java.util.List;

/**
 * How much of an archive search can use: episode files found, episodes read (with or without a
 * transcript), those with passages, lines repaired or dropped as copies, files skipped.
 */
public record Coverage(
    int files, int episodes, int withPassages, int linesRepaired, int duplicatesDropped, int entriesDropped,
    int skipped) {

  static Coverage of(int files, int episodes, int withPassages, List<Notice> notices, int skipped) {
    int repaired = 0;
    int duplicates = 0;
    int dropped = 0;
    for (Notice n : notices) {
      switch (n.kind()) {
        case REPAIRED -> repaired++;
        case DUPLICATE -> duplicates++;
        case DROPPED -> dropped++;
        case FILE, NO_PASSAGES -> { }
      }
    }
    return new Coverage(files, episodes, withPassages, repaired, duplicates, dropped, skipped);
  }

  /** E.g. "203 files, 202 episodes, 200 with passages, 26 lines repaired, 1 file skipped". */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    parts.add(count(files, "file"));
    parts.add(count(episodes, "episode"));
    parts.add(withPassages + " with passages");
    parts.add(count(linesRepaired, "line") + " repaired");
    if (duplicatesDropped > 0) {
      parts.add(count(duplicatesDropped, "duplicate line") + " dropped");
    }
    if (entriesDropped > 0) {
      parts.add(count(entriesDropped, "entry", "entries") + " without a line dropped");
    }
    parts.add(count(skipped, "file") + " skipped");
    return String.join(", ", parts);
  }

  private static String count(int n, String one) {
    return count(n, one, one + "s");
  }

  private static String count(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
