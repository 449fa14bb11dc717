package dev.whodecides.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The configuration's waivers laid over one run's findings: which findings they accept, which
 * waivers ran out (they accept nothing) and which accepted nothing although still in force.
 */
public record Waivers(List<Finding> kept, List<Waived> waived, List<Waiver> expired, List<Waiver> unused,
    LocalDate today) {

  public static Waivers apply(List<Finding> findings, List<Waiver> waivers, LocalDate today) {
    List<Waiver> active = new ArrayList<>();
    List<Waiver> expired = new ArrayList<>();
    for (Waiver w : waivers) {
      (w.expiredOn(today) ? expired : active).add(w);
    }
    List<Finding> kept = new ArrayList<>();
    List<Waived> waived = new ArrayList<>();
    boolean[] used = new boolean[active.size()];
    for (Finding f : findings) {
      Waiver by = null;
      for (int i = 0; i < active.size(); i++) {
        if (active.get(i).covers(f)) {
          used[i] = true;
          by = by == null ? active.get(i) : by;
        }
      }
      if (by == null) {
        kept.add(f);
      } else {
        waived.add(new Waived(f, by));
      }
    }
    List<Waiver> unused = new ArrayList<>();
    for (int i = 0; i < active.size(); i++) {
      if (!used[i]) {
        unused.add(active.get(i));
      }
    }
    waived.sort(Comparator.comparing(Waived::finding, Finding.ORDER));
    return new Waivers(kept, waived, expired, unused, today);
  }
}
