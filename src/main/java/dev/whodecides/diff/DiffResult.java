package dev.whodecides.diff;

import java.util.List;

/** What a change does to decision rights: the changes, in report order, and the people behind them. */
public record DiffResult(List<Change> changes, List<PersonChange> people, String base, String head) {

  public long count(String kind) {
    return changes.stream().filter(c -> c.change().equals(kind)).count();
  }

  public List<Change> of(String kind) {
    return changes.stream().filter(c -> c.change().equals(kind)).toList();
  }

  /**
   * True when a change at or above {@code failOn} exists: {@code gap-opened} fails on opened gaps
   * only, {@code finding-new} on those and on any new finding; null never fails.
   */
  public boolean failsAt(String failOn) {
    if (failOn == null) {
      return false;
    }
    return count(Change.GAP_OPENED) > 0 || (failOn.equals(Change.FINDING_NEW) && count(Change.FINDING_NEW) > 0);
  }
}
