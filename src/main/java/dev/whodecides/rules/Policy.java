package dev.whodecides.rules;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a team configured for its lint runs: rule severities (a rule in {@code off} does not run),
 * references to entities defined elsewhere, the waivers, and the date waivers are judged on.
 */
public record Policy(Map<String, Severity> severities, Set<String> off, List<EntityGlob> external,
    List<Waiver> waivers, LocalDate today) {

  public Policy {
    severities = Map.copyOf(severities);
    off = Set.copyOf(off);
    external = List.copyOf(external);
    waivers = List.copyOf(waivers);
  }

  /** No configuration, judged today. */
  public static Policy none() {
    return new Policy(Map.of(), Set.of(), List.of(), List.of(), LocalDate.now(ZoneId.systemDefault()));
  }

  public Policy on(LocalDate day) {
    return new Policy(severities, off, external, waivers, day);
  }

  /** The rule as this policy runs it: its severity replaced when configured. */
  public RuleDescriptor apply(RuleDescriptor d) {
    Severity s = severities.get(d.id());
    return s == null || s == d.severity() ? d : new RuleDescriptor(d.id(), s, d.summary(), d.role(), d.decisions());
  }

  public boolean runs(String ruleId) {
    return !off.contains(ruleId);
  }

  /** True when the reference names an entity the team declared as defined elsewhere. */
  public boolean isExternal(String ref) {
    return external.stream().anyMatch(g -> g.matches(ref));
  }
}
