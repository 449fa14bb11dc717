package dev.whodecides.release;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A stored ship-or-wait call: append-only; a correction is a new record whose {@code supersedes}
 * names the one it replaces. References are canonical.
 */
public record ReleaseRecord(
    Long id, String product, String version, String decision, String by, Map<String, Double> metrics,
    List<Bar> bar, String acceptedRisk, String rationale, LocalDate waitUntil, Long supersedes, Instant recordedAt,
    String statement) {

  public ReleaseRecord withId(long newId) {
    return new ReleaseRecord(newId, product, version, decision, by, metrics, bar, acceptedRisk, rationale, waitUntil,
        supersedes, recordedAt, statement);
  }
}
