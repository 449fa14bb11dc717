package dev.whodecides.web;

import dev.whodecides.rules.Finding;
import dev.whodecides.rules.LintResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The findings about each entity: those reported on it, and those whose message names it (a team's
 * no-roadmap-owner listing its products, a cluster of duplicated use cases). Built once per
 * analysis, so the matrix and entity pages look findings up instead of scanning them all.
 */
final class FindingIndex {

  /** A canonical reference in a message; a name may hold dots but does not end with one. */
  private static final Pattern REF = Pattern.compile("\\b[a-z]+:[a-z0-9-]+/[a-z0-9_.-]*[a-z0-9_-]");

  private final Map<String, List<Finding>> byEntity = new HashMap<>();
  private final Map<String, Finding> byId = new HashMap<>();
  private final IdentityHashMap<Finding, String> ids = new IdentityHashMap<>();

  FindingIndex(LintResult lint) {
    for (Finding f : lint.findings()) {
      String id = f.fingerprint();
      byId.put(id, f);
      ids.put(f, id);
      Set<String> refs = new LinkedHashSet<>();
      if (f.entity() != null) {
        refs.add(f.entity());
      }
      // A finding about something many entities name (a missing team) belongs to each of them.
      f.places().forEach(p -> refs.add(p.entity()));
      Matcher m = REF.matcher(f.message());
      while (m.find()) {
        refs.add(m.group());
      }
      for (String ref : refs) {
        byEntity.computeIfAbsent(ref, k -> new ArrayList<>()).add(f);
      }
    }
  }

  List<Finding> about(String ref) {
    return byEntity.getOrDefault(ref, List.of());
  }

  /** The finding with this id, if the current analysis has it. */
  Optional<Finding> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The id of a finding of this analysis: its fingerprint, computed once. */
  String idOf(Finding f) {
    String id = ids.get(f);
    return id != null ? id : f.fingerprint();
  }
}
