package dev.whodecides.guarantees;

import static dev.whodecides.guarantees.Verifications.contract;
import static dev.whodecides.guarantees.Verifications.outcomes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.whodecides.guarantees.jdbc.Connections;
import dev.whodecides.guarantees.jdbc.Dialect;
import dev.whodecides.guarantees.jdbc.Verifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user with only files: CSV and Parquet verified through embedded DuckDB, paths relative to the contract. */
class DuckDbVerifyTest {

  @TempDir Path dir;

  static final String CSV = """
      order_id,customer,amount,status,ordered_at
      1,ann,10.5,shipped,2026-01-01 10:00:00
      2,bob,,shipped,2026-01-02 10:00:00
      3,ann,99.0,lost,2026-01-03 10:00:00
      3,cid,5.0,open,2026-01-04 10:00:00
      """;

  static String contractFor(String format, String path) {
    return """
        apiVersion: v3.1.0
        kind: DataContract
        id: orders-%1$s
        version: 1.0.0
        status: active
        servers:
          - server: files
            type: local
            path: %2$s
            format: %1$s
        schema:
          - name: orders
            quality:
              - metric: rowCount
                mustBe: 4
            properties:
              - name: order_id
                logicalType: integer
                primaryKey: true
              - name: customer
                logicalType: string
                required: true
              - name: amount
                logicalType: number
                logicalTypeOptions:
                  minimum: 0
                quality:
                  - metric: nullValues
                    mustBeLessOrEqualTo: 25
                    unit: percent
              - name: status
                logicalType: string
                quality:
                  - metric: invalidValues
                    arguments:
                      validValues: [open, shipped]
                    mustBe: 0
        slaProperties:
          - property: latency
            value: 100000
            unit: d
            element: orders.ordered_at
        """.formatted(format, path);
  }

  static final Map<String, String> EXPECTED = Map.ofEntries(
      entry("objectExists orders", "passed true"),
      entry("rowCount orders", "passed 4"),
      entry("propertyExists orders.order_id", "passed true"),
      entry("primaryKey orders.order_id", "failed 1"),           // order 3 appears twice
      entry("propertyExists orders.customer", "passed true"),
      entry("required orders.customer", "passed 0"),
      entry("propertyExists orders.amount", "passed true"),
      entry("minimum orders.amount", "passed 0"),
      entry("nullValues orders.amount", "passed 25"),            // 1 of 4 rows: 25% <= 25%
      entry("propertyExists orders.status", "passed true"),
      entry("invalidValues orders.status", "failed 1"));        // "lost"

  private ContractResult verifyFiles(Path contractFile) throws Exception {
    Contract k = Verifications.contract(contractFile);
    try (Connections.Opened o = Connections.open(k, k.servers().get(0), "files", null, Map.of())) {
      return new Verifier(o, 30).verify(k, "files", Planner.plan(k), t -> { });
    }
  }

  private void assertExpected(ContractResult r) {
    Map<String, String> o = outcomes(r);
    EXPECTED.forEach((k, v) -> assertThat(o).containsEntry(k, v));
    assertThat(o.get("latency orders.ordered_at")).startsWith("passed ");
    assertThat(o.keySet().stream().filter(k -> k.startsWith("propertyType"))).allMatch(k -> o.get(k).startsWith("passed"));
    assertThat(r.scans()).containsExactly(entry("orders", 1));
  }

  @Test
  void csvFileNextToTheContract() throws Exception {
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(dir.resolve("data/orders.csv"), CSV);
    Path c = dir.resolve("orders.odcs.yaml");
    Files.writeString(c, contractFor("csv", "data/{model}.csv"));
    assertExpected(verifyFiles(c));
  }

  @Test
  void parquetWrittenByDuckDbFromTheCsv() throws Exception {
    Path csv = dir.resolve("orders.csv");
    Files.writeString(csv, CSV);
    Files.createDirectories(dir.resolve("parquet"));
    Path parquet = dir.resolve("parquet/orders.parquet");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      st.execute("COPY (SELECT * FROM read_csv_auto('" + csv + "')) TO '" + parquet + "' (FORMAT PARQUET)");
    }
    Path c = dir.resolve("orders.odcs.yaml");
    Files.writeString(c, contractFor("parquet", "parquet")); // a directory: <object>.parquet inside it
    assertExpected(verifyFiles(c));
  }

  @Test
  void jsonLinesFile() throws Exception {
    Files.writeString(dir.resolve("orders.json"), """
        {"order_id": 1, "customer": "ann", "amount": 10.5, "status": "shipped", "ordered_at": "2026-01-01 10:00:00"}
        {"order_id": 2, "customer": "bob", "amount": null, "status": "shipped", "ordered_at": "2026-01-02 10:00:00"}
        {"order_id": 3, "customer": "ann", "amount": 99.0, "status": "lost", "ordered_at": "2026-01-03 10:00:00"}
        {"order_id": 3, "customer": "cid", "amount": 5.0, "status": "open", "ordered_at": "2026-01-04 10:00:00"}
        """);
    Path c = dir.resolve("orders.odcs.yaml");
    Files.writeString(c, contractFor("json", "orders.json"));
    ContractResult r = verifyFiles(c);
    Map<String, String> o = outcomes(r);
    assertThat(o).containsEntry("primaryKey orders.order_id", "failed 1").containsEntry("invalidValues orders.status", "failed 1")
        .containsEntry("nullValues orders.amount", "passed 25");
  }

  @Test
  void missingFileIsAFailedObjectCheck() throws Exception {
    Path c = dir.resolve("orders.odcs.yaml");
    Files.writeString(c, contractFor("csv", "nowhere/{model}.csv"));
    ContractResult r = verifyFiles(c);
    assertThat(outcomes(r)).containsEntry("objectExists orders", "failed false");
    assertThat(r.checks()).noneMatch(x -> x.result() == CheckResult.Outcome.PASSED);
  }

  @Test
  void namesWithQuotesSemicolonsAndCommentsAreAlwaysQuotedIdentifiers() throws Exception {
    String table = "evil\"; DROP TABLE victim; --";
    String column = "col' OR 1=1; /* x */ \"--";
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      st.execute("CREATE TABLE victim (id INTEGER)");
      st.execute("INSERT INTO victim VALUES (1)");
      st.execute("CREATE TABLE " + Dialect.quote(table) + " (" + Dialect.quote(column) + " VARCHAR)");
      st.execute("INSERT INTO " + Dialect.quote(table) + " VALUES ('a'), ('b'), (NULL)");
      Contract k = contract(dir, "evil.odcs.yaml", """
          apiVersion: v3.1.0
          kind: DataContract
          id: evil
          version: 1.0.0
          status: active
          schema:
            - name: 'evil"; DROP TABLE victim; --'
              properties:
                - name: 'col'' OR 1=1; /* x */ "--'
                  logicalType: string
                  required: true
                  unique: true
                  logicalTypeOptions:
                    pattern: "'; DROP TABLE victim; --"
                  quality:
                    - metric: invalidValues
                      arguments:
                        validValues: ["a'); DROP TABLE victim; --", "a"]
                      mustBe: 1
          """);
      ContractResult r = Verifications.verify(c, Dialect.DUCKDB, null, k);
      assertThat(outcomes(r)).containsExactly(
          entry("objectExists " + table, "passed true"),
          entry("propertyExists " + table + "." + column, "passed true"),
          entry("propertyType " + table + "." + column, "passed varchar"),
          entry("required " + table + "." + column, "failed 1"),
          entry("unique " + table + "." + column, "passed 0"),
          entry("pattern " + table + "." + column, "failed 2"),
          entry("invalidValues " + table + "." + column, "passed 1"));
      try (var rs = st.executeQuery("SELECT COUNT(*) FROM victim")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(1);
      }
    }
  }

  @Test
  void quotingDoublesEmbeddedQuotes() {
    assertThat(Dialect.quote("a\"b")).isEqualTo("\"a\"\"b\"");
    assertThat(Dialect.literal("it's")).isEqualTo("'it''s'");
  }
}
