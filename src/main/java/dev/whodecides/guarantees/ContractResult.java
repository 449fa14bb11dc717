package dev.whodecides.guarantees;

import java.util.List;
import java.util.Map;

/** All results of verifying one contract against one server, with the scans each table took. */
public record ContractResult(String contract, String file, String server, List<CheckResult> checks,
    Map<String, Integer> scans, String fatal) {

  public long count(CheckResult.Outcome o) {
    return checks.stream().filter(c -> c.result() == o).count();
  }
}
