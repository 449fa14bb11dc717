package dev.whodecides.guarantees;

import static dev.whodecides.guarantees.Verifications.outcomes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.whodecides.guarantees.jdbc.Connections;
import dev.whodecides.guarantees.jdbc.Verifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What ODCS says about the cases datacontract-cli's tests showed whodecides getting wrong: each
 * test is one behaviour, on real files or a real DuckDB database.
 */
class OdcsSemanticsTest {

  @TempDir Path dir;

  private ContractResult verify(String yaml) throws Exception {
    return verify(yaml, new ArrayList<>());
  }

  private ContractResult verify(String yaml, List<String> notices) throws Exception {
    Path file = dir.resolve("c.odcs.yaml");
    Files.writeString(file, yaml);
    Contract k = Verifications.contract(file);
    notices.addAll(k.notices());
    List<Check> checks = Planner.plan(k, k.servers().get(0), notices);
    try (Connections.Opened o = Connections.open(k, k.servers().get(0), "s", null, Map.of())) {
      return new Verifier(o, 30).verify(k, "s", checks, t -> { });
    }
  }

  private static String local(String path, String format, String schema) {
    return """
        apiVersion: v3.1.0
        kind: DataContract
        id: t
        version: 1.0.0
        status: active
        servers:
          - server: s
            type: local
            path: %s
            format: %s
        schema:
        %s""".formatted(path, format, schema.indent(2));
  }

  private void duckdb(String file, String... sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve(file)); Statement st = c.createStatement()) {
      for (String s : sql) {
        st.execute(s);
      }
    }
  }

  @Test
  void compositePrimaryKeyIsOneKeyInPositionOrder() throws Exception {
    Files.writeString(dir.resolve("lines.csv"), """
        line_no,order_id,sku
        1,100,a
        2,100,b
        1,101,a
        """);
    String schema = """
        - name: lines
          properties:
            - name: line_no
              logicalType: integer
              primaryKey: true
              primaryKeyPosition: 2
            - name: order_id
              logicalType: integer
              primaryKey: true
              primaryKeyPosition: 1
        """;
    ContractResult ok = verify(local("lines.csv", "csv", schema));
    // Neither column is unique alone; together they are.
    assertThat(outcomes(ok)).containsEntry("primaryKey lines", "passed 0")
        .doesNotContainKeys("primaryKey lines.line_no", "primaryKey lines.order_id");
    CheckResult key = ok.checks().stream().filter(c -> c.check().kind().equals("primaryKey")).findFirst().orElseThrow();
    assertThat(key.check().columns()).containsExactly("order_id", "line_no");
    assertThat(ok.scans()).containsExactly(entry("lines", 1));

    Files.writeString(dir.resolve("lines.csv"), """
        line_no,order_id,sku
        1,100,a
        1,100,b
        ,101,a
        """);
    ContractResult bad = verify(local("lines.csv", "csv", schema));
    // the repeated (100, 1) and the row without a line number
    assertThat(outcomes(bad)).containsEntry("primaryKey lines", "failed 2");
  }

  @Test
  void severityWarningAndInfoWarnWhileAnErrorFails() throws Exception {
    Files.writeString(dir.resolve("t.csv"), "n\n1\n2\n3\n");
    ContractResult r = verify(local("t.csv", "csv", """
        - name: t
          quality:
            - metric: rowCount
              mustBeGreaterThan: 10
              severity: warning
            - metric: rowCount
              mustBeLessThan: 2
              severity: info
            - metric: rowCount
              mustBe: 3
              severity: error
        """));
    assertThat(Verifications.results(r)).containsExactly("passed", "warning", "warning", "passed");
    assertThat(VerifyReport.summary(List.of(r))).extracting(VerifyReport.Summary::warnings, VerifyReport.Summary::failed)
        .containsExactly(2L, 0L);
    assertThat(VerifyReport.text(List.of(r))).contains("2 passed, 0 failed, 2 warnings, 0 errors");
  }

  @Test
  void csvValuesAreConvertedToTheDeclaredTypesAndFailuresCounted() throws Exception {
    Files.writeString(dir.resolve("t.csv"), """
        zip,amount,day,flag
        01234,9,2024-01-31,true
        10115,10.5,2024-02-30,false
        99999,abc,2024-03-01,maybe
        """);
    ContractResult r = verify(local("t.csv", "csv", """
        - name: t
          properties:
            - name: zip
              logicalType: string
              logicalTypeOptions: {minLength: 5}
            - name: amount
              logicalType: integer
              logicalTypeOptions: {minimum: 9}
            - name: day
              logicalType: date
            - name: flag
              logicalType: boolean
        """));
    Map<String, String> o = outcomes(r);
    // A numeric-looking zip code is text when the contract says so: the leading zero stays.
    assertThat(o).containsEntry("propertyType t.zip", "passed 0").containsEntry("minLength t.zip", "passed 0");
    // 10.5 is not a whole number and abc no number at all; 9 >= 9 compares as numbers, not as text.
    assertThat(o).containsEntry("propertyType t.amount", "failed 2").containsEntry("minimum t.amount", "passed 0");
    assertThat(o).containsEntry("propertyType t.day", "failed 1").containsEntry("propertyType t.flag", "failed 1");
    assertThat(r.scans()).containsExactly(entry("t", 1));
    String message = r.checks().stream().filter(c -> c.check().kind().equals("propertyType")
        && c.check().property().equals("amount")).findFirst().orElseThrow().message();
    assertThat(message).isEqualTo("2 values in 3 rows of column \"amount\" (varchar as read) do not convert to its"
        + " declared logicalType integer").doesNotContain("abc");
  }

  @Test
  void sqlRulesSeeTheConvertedColumnsOfACsv() throws Exception {
    Files.writeString(dir.resolve("t.csv"), "n\n9\n10\n");
    ContractResult r = verify(local("t.csv", "csv", """
        - name: t
          properties:
            - name: n
              logicalType: integer
          quality:
            - type: sql
              query: SELECT MAX(n) FROM ${table}
              mustBe: 10
        """));
    assertThat(outcomes(r)).containsEntry("sql t", "passed 10"); // as text, '9' would be the largest
  }

  @Test
  void jsonValuesAreConvertedToo() throws Exception {
    Files.writeString(dir.resolve("t.json"), """
        {"id": 1, "code": 12, "at": "2024-01-01T10:00:00"}
        {"id": "two", "code": 13, "at": "yesterday"}
        """);
    Map<String, String> o = outcomes(verify(local("t.json", "json", """
        - name: t
          properties:
            - name: id
              logicalType: integer
            - name: code
              logicalType: string
            - name: at
              logicalType: timestamp
        """)));
    assertThat(o).containsEntry("propertyType t.id", "failed 1").containsEntry("propertyType t.code", "passed 0")
        .containsEntry("propertyType t.at", "failed 1");
  }

  @Test
  void aGlobReadsMatchingFilesAsOneTableByColumnName() throws Exception {
    Files.createDirectories(dir.resolve("parts"));
    Files.writeString(dir.resolve("parts/a.csv"), "id,name\n1,x\n");
    Files.writeString(dir.resolve("parts/b.csv"), "name,id\ny,2\nz,3\n");
    String schema = """
        - name: t
          quality:
            - metric: rowCount
              mustBe: 3
          properties:
            - name: id
              logicalType: integer
              unique: true
        """;
    assertThat(outcomes(verify(local("./parts/*.csv", "csv", schema))))
        .containsEntry("rowCount t", "passed 3").containsEntry("unique t.id", "passed 0")
        .containsEntry("propertyType t.id", "passed 0");
    assertThat(outcomes(verify(local("./nothing/*.csv", "csv", schema)))).containsEntry("objectExists t", "failed false");
  }

  @Test
  void duckdbDatabaseIsTheServersDatabaseAndItsSchemaResolvesRules() throws Exception {
    duckdb("shop.duckdb", "CREATE SCHEMA sales", "CREATE TABLE sales.orders (id INTEGER, note VARCHAR)",
        "INSERT INTO sales.orders VALUES (1, 'a'), (2, 'b')");
    String contract = """
        apiVersion: v3.1.0
        kind: DataContract
        id: t
        version: 1.0.0
        status: active
        servers:
          - server: s
            type: duckdb
            database: shop.duckdb
            schema: sales
        schema:
          - name: orders
            properties:
              - name: id
                logicalType: integer
                physicalType: INTEGER
              - name: note
                logicalType: string
                physicalType: BIGINT
            quality:
              - type: sql
                query: SELECT COUNT(*) FROM orders
                mustBe: 2
        """;
    Map<String, String> o = outcomes(verify(contract));
    assertThat(o).containsEntry("sql orders", "passed 2").containsEntry("physicalType orders.id", "passed integer")
        .containsEntry("physicalType orders.note", "failed varchar");
    assertThatThrownBy(() -> verify(contract.replace("database: shop.duckdb", "path: shop.duckdb")))
        .isInstanceOf(ContractError.class).hasMessageContaining("database");
  }

  @Test
  void placeholdersAndBooleanResults() throws Exception {
    Files.writeString(dir.resolve("t.csv"), "email\na@x\n\nb@y\n");
    Map<String, String> o = outcomes(verify(local("t.csv", "csv", """
        - name: t
          properties:
            - name: email
              logicalType: string
              quality:
                - type: sql
                  query: SELECT COUNT(*) FROM ${table} WHERE ${column} IS NOT NULL
                  mustBe: 2
                - type: sql
                  query: SELECT COUNT(*) = 3 FROM {object} WHERE {property} LIKE '%@%'
                  mustBe: true
                - type: sql
                  query: SELECT COUNT(*) = 2 FROM {model} WHERE {field} LIKE '%@%'
                  mustBe: true
                - type: sql
                  query: SELECT COUNT(*) < 1 FROM ${table}
                  mustBe: false
        """)));
    assertThat(o).containsEntry("sql t.email", "passed 2 | failed false | passed true | passed false");
  }

  @Test
  void slaElementWithoutObjectAndIsoDurations() throws Exception {
    Files.writeString(dir.resolve("t.csv"), "at\n2020-01-01 00:00:00\n2999-01-01 00:00:00\n");
    String contract = local("t.csv", "csv", """
        - name: t
          properties:
            - name: at
              logicalType: timestamp
        """) + """
        slaProperties:
          - property: retention
            value: P1Y
            element: at
          - property: freshness
            value: 3
            unit: d
            element: t.at
        """;
    Map<String, String> o = outcomes(verify(contract));
    assertThat(o.get("retention t.at")).startsWith("failed "); // the oldest value is years older than P1Y
    assertThat(o.get("freshness t.at")).startsWith("passed ");
    assertThat(Planner.isoSeconds("P1Y")).isEqualTo(365 * 86_400.0);
    assertThat(Planner.isoSeconds("P1DT12H")).isEqualTo(36 * 3600.0);
    assertThat(Planner.isoSeconds("PT90M")).isEqualTo(5400.0);
    assertThat(Planner.isoSeconds("P")).isNull();
    assertThat(Planner.isoSeconds("1y")).isNull();
  }

  @Test
  void rowCountPercentIsACountAndArgumentlessRulesAreDroppedWithANotice() throws Exception {
    Files.writeString(dir.resolve("t.csv"), "s\na\nb\n");
    List<String> notices = new ArrayList<>();
    ContractResult r = verify(local("t.csv", "csv", """
        - name: t
          quality:
            - metric: rowCount
              unit: percent
              mustBeGreaterThan: 10
          properties:
            - name: s
              logicalType: string
              quality:
                - metric: invalidValues
                  mustBe: 0
        """), notices);
    assertThat(outcomes(r)).containsEntry("rowCount t", "failed 2").doesNotContainKey("invalidValues t.s");
    assertThat(notices).hasSize(2).allMatch(n -> n.startsWith(dir.resolve("c.odcs.yaml") + ":"));
    assertThat(notices).anyMatch(n -> n.contains(":14:") && n.contains("unit: percent is ignored"))
        .anyMatch(n -> n.contains(":21:") && n.contains("invalidValues") && n.contains("validValues"));
  }

  @Test
  void nestedTypesOfParquetAreChecked() throws Exception {
    duckdb("scratch.duckdb", "COPY (SELECT [1, 2] AS xs, {'a': 1, 'b': 'x'} AS rec) TO '"
        + dir.resolve("n.parquet") + "' (FORMAT PARQUET)");
    Map<String, String> o = outcomes(verify(local("n.parquet", "parquet", """
        - name: n
          properties:
            - name: xs
              logicalType: array
              items: {logicalType: string}
            - name: rec
              logicalType: object
              properties:
                - {name: a, logicalType: integer}
                - {name: b, logicalType: string}
                - {name: c, logicalType: string}
        """)));
    assertThat(o.get("propertyType n.xs")).startsWith("failed");
    assertThat(o.get("propertyType n.rec")).startsWith("failed");
    ContractResult r = verify(local("n.parquet", "parquet", """
        - name: n
          properties:
            - name: xs
              logicalType: array
              items: {logicalType: integer}
            - name: rec
              logicalType: object
              properties:
                - {name: a, logicalType: integer}
        """));
    assertThat(Verifications.results(r)).containsOnly("passed");
    ContractResult bad = verify(local("n.parquet", "parquet", """
        - name: n
          properties:
            - name: rec
              logicalType: object
              properties:
                - {name: b, logicalType: integer}
                - {name: c, logicalType: string}
        """));
    assertThat(bad.checks().stream().filter(c -> c.check().kind().equals("propertyType")).findFirst().orElseThrow()
        .message()).contains("rec.b: declared integer, found varchar").contains("rec.c: declared, but");
  }
}
