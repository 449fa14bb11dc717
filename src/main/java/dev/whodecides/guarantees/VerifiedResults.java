package dev.whodecides.guarantees;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The checks that did not pass in a {@code whodecides verify --format json} report, by contract,
 * so that {@code lint --verified} can tell a promise that is made from one that is kept. A plain
 * value: the command line reads the file, {@link VerifyReportReader} parses it.
 */
public final class VerifiedResults {

  /** One contract of the report: its id, file, and the checks that failed or errored. */
  public record Verified(String contract, String file, List<String> broken) {}

  private final List<Verified> contracts;

  private VerifiedResults(List<Verified> contracts) {
    this.contracts = List.copyOf(contracts);
  }

  public static VerifiedResults none() {
    return new VerifiedResults(List.of());
  }

  /** The results of a report, read at the edge ({@link VerifyReportReader}). */
  public static VerifiedResults of(List<Verified> contracts) {
    return new VerifiedResults(contracts);
  }

  /**
   * The report entry for a contract: matched by id, or by file name when ids differ (a report made
   * from another working directory still names the same file).
   */
  public Optional<Verified> find(String contractId, String contractFile) {
    for (Verified v : contracts) {
      if (contractId != null && contractId.equals(v.contract())) {
        return Optional.of(v);
      }
    }
    if (contractFile != null) {
      Path mine = Path.of(contractFile).toAbsolutePath().normalize();
      for (Verified v : contracts) {
        if (v.file() != null && Path.of(v.file()).toAbsolutePath().normalize().equals(mine)) {
          return Optional.of(v);
        }
      }
    }
    return Optional.empty();
  }

  public boolean isEmpty() {
    return contracts.isEmpty();
  }
}
