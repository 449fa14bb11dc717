package dev.whodecides.store;

import dev.whodecides.guarantees.VerifyReportReader;
import java.time.Instant;
import java.util.List;

/**
 * One contract's results from a {@code whodecides verify} report, as kept in the store. {@code id}
 * is null until stored; {@code result} is the contract's entry of the JSON report, as JSON text
 * ({@code {"contract","file","server","checks":[...]}}), so every check can be shown later.
 */
public record Verification(Long id, Instant importedAt, String contract, String file, String server,
    long passed, long failed, long errors, long warnings, String result) {

  /**
   * One row per contract of a verify report read at the edge ({@link VerifyReportReader}); the
   * store itself parses no report. The command line and the service both build rows here.
   */
  public static List<Verification> rows(List<VerifyReportReader.Entry> report, Instant importedAt) {
    if (report.isEmpty()) {
      throw new IllegalArgumentException("the verify report has no contracts; there is nothing to record");
    }
    return report.stream().map(e -> new Verification(null, importedAt, e.contract(), e.file(), e.server(), e.passed(),
        e.failed(), e.errors(), e.warnings(), e.json())).toList();
  }

  public Verification withId(long id) {
    return new Verification(id, importedAt, contract, file, server, passed, failed, errors, warnings, result);
  }
}
