package dev.whodecides.guarantees;

import static dev.whodecides.guarantees.Verifications.SHARED;
import static dev.whodecides.guarantees.Verifications.contract;
import static dev.whodecides.guarantees.Verifications.outcomes;
import static dev.whodecides.guarantees.Verifications.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.whodecides.guarantees.jdbc.Connections;
import dev.whodecides.guarantees.jdbc.Dialect;
import dev.whodecides.guarantees.jdbc.Verifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verifies the datacontract-cli PostgreSQL examples against their own data.sql in a fresh
 * database. Expected values come from the ten rows of data.sql: field_one values are ten distinct
 * codes of the form AA-999-AA, field_two runs from 14 to 89 with no nulls, field_three from
 * 2023-03-15 to 2023-12-03.
 */
class PostgresVerifyIT {

  static final Path PG = SHARED.resolve("datacontract-cli-postgres");
  static PostgresDb db;

  @TempDir Path tmp;

  @BeforeAll
  static void load() throws Exception {
    db = PostgresDb.create();
    db.run(Files.readString(PG.resolve("data.sql")));
  }

  @AfterAll
  static void drop() throws Exception {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void odcsExamplePassesEveryCheckInOneAggregateScanPlusItsTwoSqlRules() throws Exception {
    try (Connection c = db.connect()) {
      ContractResult r = verify(c, Dialect.POSTGRES, "public", contract(PG.resolve("odcs.yaml")));
      assertThat(outcomes(r)).containsExactly(
          entry("objectExists my_table", "passed true"),
          entry("propertyExists my_table.field_one", "passed true"),
          entry("propertyType my_table.field_one", "passed varchar"),
          entry("physicalType my_table.field_one", "passed varchar"), // varchar matches varchar(10): no length declared
          entry("required my_table.field_one", "passed 0"),        // isNullable: false, no nulls
          entry("unique my_table.field_one", "passed 0"),          // isUnique: true, ten distinct codes
          entry("pattern my_table.field_one", "passed 0"),         // every code matches AA-999-AA
          entry("propertyExists my_table.field_two", "passed true"),
          entry("propertyType my_table.field_two", "passed int4"),
          entry("physicalType my_table.field_two", "passed int4"), // integer is int4
          entry("minimum my_table.field_two", "passed 0"),         // smallest value is 14 >= 10
          entry("sql my_table.field_two", "passed 0"),             // 0% nulls < 5
          entry("propertyExists my_table.field_three", "passed true"),
          entry("propertyType my_table.field_three", "passed timestamptz"),
          entry("physicalType my_table.field_three", "passed timestamptz"),
          entry("sql my_table", "passed 10"));                     // 10 non-null field_two < 3600
      assertThat(r.scans()).containsExactly(entry("my_table", 3)); // one aggregate scan and two sql rules
      assertThat(r.fatal()).isNull();
    }
  }

  @Test
  void servicelevelsExampleFailsOnlyFreshness() throws Exception {
    try (Connection c = db.connect()) {
      ContractResult r = verify(c, Dialect.POSTGRES, "public", contract(PG.resolve("servicelevels.odcs.yaml")));
      Map<String, String> o = outcomes(r);
      assertThat(o).hasSize(15); // 12 checks and three physical types
      o.forEach((k, v) -> {
        if (k.startsWith("freshness")) {
          // the newest field_three is 2023-12-03 18:38:38; far more than one hour ago
          assertThat(v).startsWith("failed ");
          assertThat(Double.parseDouble(v.substring(7))).isGreaterThan(24 * 300);
        } else {
          assertThat(v).as(k).startsWith("passed ");
        }
      });
      assertThat(o).containsKey("freshness my_table.field_three");
      assertThat(r.scans()).containsExactly(entry("my_table", 1));
    }
  }

  @Test
  void libraryMetricsAndOptionsCountTheOffendingRows(@TempDir Path dir) throws Exception {
    Contract k = contract(dir, "failing.odcs.yaml", """
        apiVersion: v3.1.0
        kind: DataContract
        id: failing
        version: 1.0.0
        status: active
        schema:
          - name: my_table
            quality:
              - metric: rowCount
                mustBeGreaterThan: 10
              - metric: rowCount
                mustBeBetween: [5, 10]
              - metric: duplicateValues
                arguments:
                  properties: [field_one, field_two]
                mustBe: 0
            properties:
              - name: field_one
                logicalType: string
                logicalTypeOptions:
                  maxLength: 8
                  minLength: 9
                  enum: [CX-263-DU, IK-894-MN]
                quality:
                  - metric: invalidValues
                    arguments:
                      pattern: '^[A-M]'
                    mustBeLessOrEqualTo: 50
                    unit: percent
              - name: field_two
                logicalType: integer
                logicalTypeOptions:
                  minimum: 20
                  maximum: 80
                  exclusiveMaximum: 85
                quality:
                  - metric: nullValues
                    mustBe: 0
                  - metric: missingValues
                    arguments:
                      missingValues: [14, 22]
                    mustBeLessThan: 2
                  - metric: invalidValues
                    arguments:
                      validValues: [50, 47]
                    mustNotBeBetween: [0, 7]
                  - type: sql
                    query: SELECT MAX({property}) FROM {object}
                    mustBeLessOrEqualTo: 89
              - name: field_three
                logicalType: string
        slaProperties:
          - property: retention
            value: 10
            unit: y
            element: my_table.field_three
        """);
    try (Connection c = db.connect()) {
      ContractResult r = verify(c, Dialect.POSTGRES, "public", k);
      Map<String, String> o = outcomes(r);
      assertThat(o).containsEntry("rowCount my_table", "failed 10 | passed 10")
          .containsEntry("duplicateValues my_table", "passed 0")
          .containsEntry("maxLength my_table.field_one", "failed 10")    // every code has 9 characters
          .containsEntry("minLength my_table.field_one", "passed 0")
          .containsEntry("enum my_table.field_one", "failed 8")          // 8 of 10 codes are not listed
          // VS-079-OH and ZE-172-FP do not start with A-M: 2 of 10 rows, 20% <= 50%
          .containsEntry("invalidValues my_table.field_one", "passed 20")
          // only 50 and 47 are valid: 8 invalid, and 8 is not between 0 and 7
          .containsEntry("invalidValues my_table.field_two", "passed 8")
          .containsEntry("minimum my_table.field_two", "failed 1")        // 14
          .containsEntry("maximum my_table.field_two", "failed 2")        // 85, 89
          .containsEntry("exclusiveMaximum my_table.field_two", "failed 2") // 85, 89 are not below 85
          .containsEntry("nullValues my_table.field_two", "passed 0")
          .containsEntry("missingValues my_table.field_two", "failed 2")  // 14 and 22 count as missing
          .containsEntry("sql my_table.field_two", "passed 89")
          .containsEntry("propertyType my_table.field_three", "failed timestamptz")
          .containsEntry("retention my_table.field_three", "passed " + r.checks().stream()
              .filter(x -> x.check().kind().equals("retention")).findFirst().orElseThrow().observed());
      // every column metric of my_table shares one scan; the sql rule and the two-column duplicates run alone
      assertThat(r.scans()).containsExactly(entry("my_table", 3));
    }
  }

  @Test
  void compositeKeysPhysicalTypesAndPlaceholdersOnPostgres(@TempDir Path dir) throws Exception {
    db.run("""
        CREATE TABLE order_lines (order_id int NOT NULL, line_no smallint, sku varchar(12), price numeric(8,2));
        INSERT INTO order_lines VALUES (1, 1, 'a', 1.00), (1, 2, 'b', 2.00), (2, 1, 'a', 3.00), (2, 1, 'c', 4.00),
          (3, NULL, 'd', 5.00);
        """);
    try (Connection c = db.connect()) {
      ContractResult r = verify(c, Dialect.POSTGRES, "public", contract(dir, "lines.odcs.yaml", """
          apiVersion: v3.1.0
          kind: DataContract
          id: lines
          version: 1.0.0
          status: active
          schema:
            - name: order_lines
              properties:
                - {name: order_id, physicalType: integer, primaryKey: true, primaryKeyPosition: 1}
                - {name: line_no, physicalType: int2, primaryKey: true, primaryKeyPosition: 2}
                - {name: sku, physicalType: varchar(10), logicalType: string}
                - {name: price, physicalType: "numeric(8,2)", logicalType: number}
              quality:
                - type: sql
                  query: SELECT COUNT(*) > 0 FROM ${table} WHERE price > 4.5
                  mustBe: true
          """));
      assertThat(outcomes(r)).containsEntry("primaryKey order_lines", "failed 2") // (2, 1) twice, and line_no null
          .containsEntry("physicalType order_lines.order_id", "passed int4")
          .containsEntry("physicalType order_lines.line_no", "passed int2")
          .containsEntry("physicalType order_lines.sku", "failed varchar")
          .containsEntry("physicalType order_lines.price", "passed numeric")
          .containsEntry("sql order_lines", "passed true");
      assertThat(r.checks().stream().filter(x -> x.check().kind().equals("physicalType")
          && x.check().property().equals("sku")).findFirst().orElseThrow().message())
          .isEqualTo("column \"sku\" is varchar(12) in the data, not its declared physicalType varchar(10)");
      assertThat(r.scans()).containsExactly(entry("order_lines", 2)); // the shared scan and the sql rule
    }
  }

  @Test
  void missingTableIsAFailedCheckNotACrash(@TempDir Path dir) throws Exception {
    Contract k = contract(dir, "missing.odcs.yaml", """
        apiVersion: v3.0.2
        kind: DataContract
        id: missing
        version: 1.0.0
        status: active
        schema:
          - name: no_such_table
            properties:
              - name: a
                required: true
          - name: my_table
            properties:
              - name: field_one
                required: true
        """);
    try (Connection c = db.connect()) {
      ContractResult r = verify(c, Dialect.POSTGRES, "public", k);
      assertThat(outcomes(r)).containsExactly(
          entry("objectExists no_such_table", "failed false"),
          entry("propertyExists no_such_table.a", "error null"),
          entry("required no_such_table.a", "error null"),
          entry("objectExists my_table", "passed true"),
          entry("propertyExists my_table.field_one", "passed true"),
          entry("required my_table.field_one", "passed 0"));
      assertThat(r.checks().get(0).message()).isEqualTo("table \"public\".\"no_such_table\" does not exist on server test");
      assertThat(r.checks().get(1).message())
          .isEqualTo("not measured: table \"public\".\"no_such_table\" does not exist on server test");
    }
  }

  @Test
  void errorMessagesNameTypesAndNeverTheValues(@TempDir Path dir) throws Exception {
    // field_one holds codes like CX-263-DU; PostgreSQL quotes the first one it cannot convert
    Contract k = contract(dir, "messages.odcs.yaml", """
        apiVersion: v3.1.0
        kind: DataContract
        id: messages
        version: 1.0.0
        status: active
        schema:
          - name: my_table
            properties:
              - name: field_one
                logicalType: integer
                logicalTypeOptions:
                  minimum: 0
                quality:
                  - type: sql
                    query: SELECT CAST({property} AS INTEGER) FROM {object} LIMIT 1
                    mustBe: 1
        slaProperties:
          - property: freshness
            value: 1
            unit: d
            element: my_table.field_two
        """);
    try (Connection c = db.connect()) {
      Map<String, String> m = new java.util.LinkedHashMap<>();
      for (CheckResult x : verify(c, Dialect.POSTGRES, "public", k).checks()) {
        m.put(x.check().kind() + " " + x.check().target(), x.message());
        assertThat(x.message()).doesNotContainPattern("[A-Z]{2}-[0-9]{3}-[A-Z]{2}").doesNotContain("Position", "ERROR:");
      }
      assertThat(m).containsEntry("propertyType my_table.field_one",
              "column \"field_one\" is varchar in the data, which does not fit its declared logicalType integer")
          .containsEntry("minimum my_table.field_one", "cannot measure minimum on column \"field_one\" (varchar in the"
              + " data, declared logicalType integer): operator does not exist: character varying < integer")
          .containsEntry("sql my_table.field_one", "query failed: a value in the data could not be converted or"
              + " computed (SQLSTATE 22P02)")
          .containsEntry("freshness my_table.field_two",
              "not measured: freshness needs a date or timestamp column; column \"field_two\" (int4 in the data) is neither");
    }
  }

  @Test
  void customSqlThatWritesIsRefusedAndSlowSqlTimesOut(@TempDir Path dir) throws Exception {
    Contract k = contract(dir, "custom.odcs.yaml", """
        apiVersion: v3.1.0
        kind: DataContract
        id: custom
        version: 1.0.0
        status: active
        schema:
          - name: my_table
            quality:
              - type: sql
                query: WITH d AS (DELETE FROM {object} RETURNING 1) SELECT COUNT(*) FROM d
                mustBe: 0
              - type: sql
                query: SELECT COUNT(*) FROM generate_series(1, 10000000000)
                mustBe: 1
              - type: sql
                query: SELECT COUNT(*) FROM {object};
                mustBe: 10
        """);
    try (Connection c = db.connect()) {
      long start = System.nanoTime();
      ContractResult r = new Verifier(c, Dialect.POSTGRES, "public", 1)
          .verify(k, "test", Planner.plan(k), t -> { });
      assertThat(r.checks().get(1).result()).isEqualTo(CheckResult.Outcome.FAILED);
      assertThat(r.checks().get(1).message()).startsWith("refused: its WITH part d changes data (DELETE)");
      assertThat(r.checks().get(2).result()).isEqualTo(CheckResult.Outcome.ERROR);
      assertThat(r.checks().get(2).message()).contains("timeout");
      assertThat(r.checks().get(3).result()).isEqualTo(CheckResult.Outcome.PASSED);
      // ten billion rows would take minutes; the one-second statement timeout stops them
      assertThat((System.nanoTime() - start) / 1e9).isLessThan(10);
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM my_table")) {
        rs.next();
        assertThat(rs.getInt(1)).as("the DELETE was not sent").isEqualTo(10);
      }
    }
  }

  @Test
  void lostConnectionKeepsTheResultsSoFar(@TempDir Path dir) throws Exception {
    Contract k = contract(dir, "lost.odcs.yaml", """
        apiVersion: v3.1.0
        kind: DataContract
        id: lost
        version: 1.0.0
        status: active
        schema:
          - name: my_table
            properties:
              - name: field_one
                required: true
          - name: other_table
            properties:
              - name: x
                required: true
        """);
    try (Connection c = db.connect(); Connection admin = db.connect()) {
      int pid;
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
        rs.next();
        pid = rs.getInt(1);
      }
      // the server ends the session as the second table starts, as a restart or a killed backend would
      ContractResult r = new Verifier(c, Dialect.POSTGRES, "public", 30)
          .verify(k, "test", Planner.plan(k), table -> {
            if (table.equals("other_table")) {
              try (Statement st = admin.createStatement()) {
                st.execute("SELECT pg_terminate_backend(" + pid + ")");
              } catch (SQLException e) {
                throw new AssertionError(e);
              }
            }
          });
      assertThat(r.fatal()).contains("lost the connection").contains("other_table");
      assertThat(outcomes(r)).containsEntry("objectExists my_table", "passed true")
          .containsEntry("required my_table.field_one", "passed 0");
      assertThat(r.checks().subList(3, r.checks().size()))
          .allSatisfy(x -> {
            assertThat(x.result()).isEqualTo(CheckResult.Outcome.ERROR);
            assertThat(x.message()).contains("lost the connection");
          });
    }
  }

  @Test
  void credentialsComeFromTheEnvironmentAndAreNeverPrinted(@TempDir Path dir) throws Exception {
    Contract k = contract(dir, "creds.odcs.yaml", """
        apiVersion: v3.1.0
        kind: DataContract
        id: creds
        version: 1.0.0
        status: active
        servers:
          - server: local-pg
            type: postgres
            host: %s
            port: %s
            database: %s
            schema: public
        schema:
          - name: my_table
        """.formatted(PostgresDb.HOST, PostgresDb.PORT, db.name));
    Map<String, String> env = Map.of("WHODECIDES_LOCAL_PG_USERNAME", PostgresDb.USER,
        "WHODECIDES_LOCAL_PG_PASSWORD", "s3cret-Pa55");
    try (Connections.Opened o = Connections.open(k, k.servers().get(0), "local-pg", null, env)) {
      ContractResult r = new Verifier(o.connection(), o.dialect(), o.schema(), 10)
          .verify(k, "local-pg", Planner.plan(k), t -> { });
      assertThat(VerifyReport.json(List.of(r)) + VerifyReport.text(List.of(r)))
          .contains("\"passed\" : 1").doesNotContain("s3cret");
    }
    Map<String, String> wrong = Map.of("WHODECIDES_LOCAL_PG_USERNAME", "nobody_here",
        "WHODECIDES_LOCAL_PG_PASSWORD", "s3cret-Pa55");
    try (Connections.Opened o = Connections.open(k, k.servers().get(0), "local-pg", null, wrong)) {
      throw new AssertionError("a user that does not exist connected");
    } catch (SQLException e) {
      assertThat(e.getMessage()).contains("nobody_here").doesNotContain("s3cret");
    }
  }
}
