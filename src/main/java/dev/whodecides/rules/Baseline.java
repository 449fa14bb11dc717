package dev.whodecides.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;

/**
 * The findings a team accepted when it adopted whodecides, by fingerprint, with rule and entity
 * beside each so a change to it reads well in a diff. Sorted by fingerprint.
 */
public record Baseline(List<Entry> entries) {

  /** One accepted finding. */
  public record Entry(String fingerprint, String rule, String entity) {}

  public Baseline {
    Map<String, Entry> unique = new LinkedHashMap<>();
    for (Entry e : entries) {
      unique.putIfAbsent(e.fingerprint(), e);
    }
    List<Entry> sorted = new ArrayList<>(unique.values());
    sorted.sort(Comparator.comparing(Entry::fingerprint));
    entries = List.copyOf(sorted);
  }

  public static Baseline of(List<Finding> findings) {
    return new Baseline(findings.stream().map(f -> new Entry(f.fingerprint(), f.rule(), f.entity())).toList());
  }

  /** Today's findings against this baseline; a baseline finding is absent when no finding, waived or not, has its fingerprint. */
  public Comparison compare(List<Finding> findings, List<Waived> waived) {
    Set<String> known = new HashSet<>();
    Set<String> now = new HashSet<>();
    for (Entry e : entries) {
      known.add(e.fingerprint());
    }
    findings.forEach(f -> now.add(f.fingerprint()));
    waived.forEach(w -> now.add(w.finding().fingerprint()));
    int absent = (int) entries.stream().filter(e -> !now.contains(e.fingerprint())).count();
    return new Comparison(Set.copyOf(known), absent);
  }

  /** Which of today's findings the baseline knows, and how many of its own are gone. */
  public record Comparison(Set<String> known, int absent) {

    /** {@code "unchanged"} or {@code "new"}, the words of SARIF's baselineState. */
    public String stateOf(Finding f) {
      return known.contains(f.fingerprint()) ? UNCHANGED : NEW;
    }

    public boolean isNew(Finding f) {
      return !known.contains(f.fingerprint());
    }
  }

  public static final String NEW = "new";
  public static final String UNCHANGED = "unchanged";
}
