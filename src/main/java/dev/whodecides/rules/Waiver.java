package dev.whodecides.rules;

import java.time.LocalDate;

/**
 * A team's decision to accept the findings of {@code rule} on the entities {@code entity} matches,
 * for a stated reason, signed by someone, until a date (included); written at {@code file:line:column}
 * of the configuration.
 */
public record Waiver(String rule, EntityGlob entity, String reason, String by, LocalDate until,
    String file, int line, int column) {

  /** True when the finding is one this waiver covers (whatever the date). */
  public boolean covers(Finding f) {
    return f.rule().equals(rule) && entity.matches(f.entity());
  }

  /** True when {@code today} is after {@code until}: the waiver no longer applies. */
  public boolean expiredOn(LocalDate today) {
    return today.isAfter(until);
  }
}
