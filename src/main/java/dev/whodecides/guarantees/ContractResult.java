package dev.whodecides.guarantees;

import java.util.List;
import java.util.Map;

/**
 * All results of verifying one contract against one server, with the scans each table took and,
 * under {@code --check-role}, what the connecting role may do.
 */
public record ContractResult(String contract, String file, String server, List<CheckResult> checks,
    Map<String, Integer> scans, String fatal, RoleCheck role) {

  /** The connecting role's name and, when it can do more than read, a warning; null fields when unknown. */
  public record RoleCheck(String name, String warning) {}

  /** A result without a role check. */
  public ContractResult(String contract, String file, String server, List<CheckResult> checks,
      Map<String, Integer> scans, String fatal) {
    this(contract, file, server, checks, scans, fatal, null);
  }

  public ContractResult withRole(RoleCheck r) {
    return new ContractResult(contract, file, server, checks, scans, fatal, r);
  }

  public long count(CheckResult.Outcome o) {
    return checks.stream().filter(c -> c.result() == o).count();
  }
}
