package dev.whodecides.config;

import dev.whodecides.notify.Webhook;
import dev.whodecides.rules.EntityGlob;
import dev.whodecides.rules.Policy;
import dev.whodecides.rules.Severity;
import dev.whodecides.rules.Waiver;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A team's {@code .whodecides.yaml}, read and checked whole; {@code file} is null for no
 * configuration. {@code webhooks} are the {@code notify:} entries: where the service posts release calls.
 */
public record Config(Path file, Map<String, RuleSetting> rules, List<EntityGlob> external, List<PathGlob> exclude,
    List<Waiver> waivers, List<Webhook> webhooks) {

  public static Config none() {
    return new Config(null, Map.of(), List.of(), List.of(), List.of(), List.of());
  }

  /** The policy the rules run under, judging waivers on {@code today}. */
  public Policy policy(LocalDate today) {
    Map<String, Severity> severities = new HashMap<>();
    Set<String> off = new HashSet<>();
    rules.forEach((id, s) -> {
      if (s.off()) {
        off.add(id);
      } else if (s.severity() != null) {
        severities.put(id, s.severity());
      }
    });
    return new Policy(severities, off, external, waivers, today);
  }

  /** Files a directory walk leaves out. */
  public Predicate<Path> excluded() {
    return p -> exclude.stream().anyMatch(g -> g.matches(p));
  }

  public Optional<Double> duplicateThreshold() {
    return Optional.ofNullable(rules.get("duplicated-work")).map(RuleSetting::threshold);
  }

  public Optional<Long> manualFixVolume() {
    return Optional.ofNullable(rules.get("manual-fix-suffices")).map(RuleSetting::volume);
  }

  public Optional<Integer> busyUseCases() {
    return Optional.ofNullable(rules.get("generic-resource")).map(RuleSetting::useCases);
  }
}
