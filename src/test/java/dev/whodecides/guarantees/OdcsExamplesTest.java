package dev.whodecides.guarantees;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whodecides.guarantees.jdbc.Dialect;
import dev.whodecides.guarantees.jdbc.Verifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every official ODCS example parses and plans; those naming tables are verified against data
 * generated from their own schema in DuckDB, where every schema check must pass.
 */
class OdcsExamplesTest {

  static List<Path> examples() throws IOException {
    try (Stream<Path> s = Files.list(Verifications.SHARED.resolve("odcs"))) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void parsesPlansAndVerifiesAgainstGeneratedData(Path file) throws Exception {
    Contract k = Verifications.contract(file);
    List<Check> checks = Planner.plan(k);
    assertThat(k.id()).isNotBlank();
    List<Contract.SchemaObject> tables = k.objects().stream().filter(o -> !o.properties().isEmpty()).toList();
    if (tables.isEmpty()) {
      return;
    }
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      for (Contract.SchemaObject o : tables) {
        StringBuilder cols = new StringBuilder();
        StringBuilder row = new StringBuilder();
        for (Contract.Property p : o.properties()) {
          if (cols.indexOf(Dialect.quote(p.column()) + " ") >= 0) {
            continue;
          }
          String[] t = sqlType(p.logicalType());
          cols.append(cols.length() == 0 ? "" : ", ").append(Dialect.quote(p.column())).append(' ').append(t[0]);
          row.append(row.length() == 0 ? "" : ", ").append(t[1]);
        }
        st.execute("CREATE TABLE IF NOT EXISTS " + Dialect.quote(o.table()) + " (" + cols + ")");
        st.execute("INSERT INTO " + Dialect.quote(o.table()) + " VALUES (" + row + ")");
      }
      ContractResult r = new Verifier(c, Dialect.DUCKDB, null, 30)
          .verify(k, "generated", checks, t -> { });
      for (CheckResult x : r.checks()) {
        if (tables.stream().anyMatch(o -> o.table().equals(x.check().table()))) {
          switch (x.check().metric()) {
            case OBJECT_EXISTS, PROPERTY_EXISTS, PROPERTY_TYPE ->
                assertThat(x.result()).as("%s %s: %s", x.check().kind(), x.check().target(), x.message())
                    .isEqualTo(CheckResult.Outcome.PASSED);
            case SQL -> { } // the examples' SQL names tables and columns of their own world
            default -> assertThat(x.result()).as("%s %s: %s", x.check().kind(), x.check().target(), x.message())
                .isNotEqualTo(CheckResult.Outcome.ERROR);
          }
        }
      }
    }
  }

  private static String[] sqlType(String logicalType) {
    return switch (logicalType == null ? "string" : logicalType.toLowerCase(Locale.ROOT)) {
      case "integer" -> new String[] {"BIGINT", "1"};
      case "number" -> new String[] {"DOUBLE", "1.5"};
      case "boolean" -> new String[] {"BOOLEAN", "true"};
      case "date" -> new String[] {"DATE", "DATE '2024-01-01'"};
      case "timestamp" -> new String[] {"TIMESTAMP", "TIMESTAMP '2024-01-01 00:00:00'"};
      case "time" -> new String[] {"TIME", "TIME '10:00:00'"};
      case "object", "array" -> new String[] {"JSON", "'{}'"};
      default -> new String[] {"VARCHAR", "'a'"};
    };
  }
}
