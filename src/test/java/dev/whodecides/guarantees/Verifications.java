package dev.whodecides.guarantees;

import dev.whodecides.guarantees.jdbc.Dialect;
import dev.whodecides.guarantees.jdbc.Verifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helpers: read a contract, verify it on a connection, index results by check and target. */
final class Verifications {

  private Verifications() {}

  static final Path SHARED = Path.of("..", "shared", "examples");

  static Contract contract(Path file) throws ContractError {
    return ContractReader.read(file, file.toString());
  }

  static Contract contract(Path dir, String name, String yaml) throws ContractError {
    try {
      Path f = dir.resolve(name);
      Files.writeString(f, yaml);
      return contract(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ContractResult verify(Connection c, Dialect d, String schema, Contract contract) throws ContractError {
    return new Verifier(c, d, schema, 30).verify(contract, "test", Planner.plan(contract), t -> { });
  }

  /** "kind target" to "result observed", e.g. "unique my_table.field_one" to "passed 0". */
  static Map<String, String> outcomes(ContractResult r) {
    Map<String, String> m = new LinkedHashMap<>();
    for (CheckResult c : r.checks()) {
      String key = c.check().kind() + " " + c.check().target();
      String value = c.result().id() + " " + c.observed();
      m.merge(key, value, (a, b) -> a + " | " + b);
    }
    return m;
  }

  static List<String> results(ContractResult r) {
    return r.checks().stream().map(c -> c.result().id()).toList();
  }
}
