package dev.whodecides.report;

import dev.whodecides.release.Bar;
import dev.whodecides.release.ReleaseGate;
import dev.whodecides.release.ReleaseRecord;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A release call and the release gate's answer as JSON: {@code release check --format json}, the
 * service's {@code /api/releases} and {@code /api/releases/check} give them in these shapes.
 */
public final class ReleaseCheckJson {

  private ReleaseCheckJson() {}

  /** One stored call, fields in this order. */
  public record RecordJson(long id, String product, String version, String decision, String by,
      Map<String, Double> metrics, Map<String, String> bar, String acceptedRisk, String rationale, String waitUntil,
      Long supersedes, String recordedAt, String statement) {}

  /** The gate's answer, fields in this order: the {@code release check} contract. */
  public record CheckJson(boolean allowed, String product, String version, RecordJson record, String reason) {}

  public static RecordJson record(ReleaseRecord r) {
    Map<String, String> bar = new LinkedHashMap<>();
    for (Bar b : r.bar()) {
      bar.put(b.metric(), b.expression());
    }
    return new RecordJson(r.id(), r.product(), r.version(), r.decision(), r.by(), r.metrics(), bar, r.acceptedRisk(),
        r.rationale(), r.waitUntil() == null ? null : r.waitUntil().toString(), r.supersedes(),
        r.recordedAt().toString(), r.statement());
  }

  public static CheckJson check(ReleaseGate.Answer a) {
    return new CheckJson(a.allowed(), a.product(), a.version(), a.record() == null ? null : record(a.record()),
        a.reason());
  }
}
