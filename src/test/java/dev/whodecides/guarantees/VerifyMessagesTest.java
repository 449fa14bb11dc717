package dev.whodecides.guarantees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.whodecides.guarantees.jdbc.Connections;
import dev.whodecides.guarantees.jdbc.Verifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The messages verify writes when something is wrong, over CSV files: each names the file, table
 * or column and what was expected and found, and none repeats a value from the data or Java's own
 * exception text. The data holds values no message may show: ann, bob, cid, shipped, lost.
 */
class VerifyMessagesTest {

  @TempDir Path dir;

  /** Values of DuckDbVerifyTest.CSV that must never reach a message. */
  static final List<String> DATA = List.of("ann", "bob", "cid", "shipped", "lost", "10.5", "2026-01-0");

  @BeforeEach
  void data() throws Exception {
    Files.writeString(dir.resolve("orders.csv"), DuckDbVerifyTest.CSV);
  }

  private Map<String, CheckResult> verify(String schema) throws Exception {
    Path file = dir.resolve("messages.odcs.yaml");
    Files.writeString(file, """
        apiVersion: v3.1.0
        kind: DataContract
        id: messages
        version: 1.0.0
        status: active
        servers:
          - server: files
            type: local
            path: "{model}.csv"
            format: csv
        """ + schema);
    Contract k = Verifications.contract(file);
    ContractResult r;
    try (Connections.Opened o = Connections.open(k, k.servers().get(0), "files", null, Map.of())) {
      r = new Verifier(o, 30).verify(k, "files", Planner.plan(k), t -> { });
    }
    Map<String, CheckResult> m = new LinkedHashMap<>();
    for (CheckResult c : r.checks()) {
      m.put(c.check().kind() + " " + c.check().target(), c);
      for (String value : DATA) {
        assertThat(c.message()).as("no data values").doesNotContainPattern("(?<![A-Za-z])" + java.util.regex.Pattern.quote(value)
            + "(?![A-Za-z])");
      }
      assertThat(c.message()).as("no Java exception text")
          .doesNotContain("Exception", "java.", "For input string", "Did you mean", "LINE 1");
    }
    return m;
  }

  @Test
  void aMissingFileIsNamedWithItsServer() throws Exception {
    Map<String, CheckResult> r = verify("""
        schema:
          - name: returns
            properties:
              - name: id
                required: true
        """);
    Path missing = dir.resolve("returns.csv").toAbsolutePath().normalize();
    assertThat(r.get("objectExists returns").result()).isEqualTo(CheckResult.Outcome.FAILED);
    assertThat(r.get("objectExists returns").message()).isEqualTo("file " + missing + " of server files does not exist");
    assertThat(r.get("required returns.id").message())
        .isEqualTo("not measured: file " + missing + " of server files does not exist");
  }

  @Test
  void anExistingFileIsNamedToo() throws Exception {
    Map<String, CheckResult> r = verify("""
        schema:
          - name: orders
        """);
    assertThat(r.get("objectExists orders").message())
        .isEqualTo("table \"orders\" exists (file " + dir.resolve("orders.csv").toAbsolutePath().normalize() + ")");
  }

  @Test
  void aTypeProblemNamesTheColumnTheDeclaredTypeAndTheFoundType() throws Exception {
    Map<String, CheckResult> r = verify("""
        schema:
          - name: orders
            properties:
              - name: customer
                logicalType: integer
                logicalTypeOptions:
                  minimum: 0
              - name: status
                logicalType: string
        """);
    // A CSV is read as text and converted to the declared types: the names fail to convert, the
    // codes do; the minimum is measured on what converts.
    assertThat(r.get("propertyType orders.customer").message()).isEqualTo("4 values in 4 rows of column \"customer\""
        + " (varchar as read) do not convert to its declared logicalType integer");
    assertThat(r.get("propertyType orders.status").message()).isEqualTo("every value present in 4 rows of column"
        + " \"status\" (varchar as read) converts to its declared logicalType string");
    assertThat(r.get("minimum orders.customer").result()).isEqualTo(CheckResult.Outcome.PASSED);
  }

  @Test
  void freshnessOnAColumnThatHoldsNoTimesSaysSo() throws Exception {
    Map<String, CheckResult> r = verify("""
        schema:
          - name: orders
            properties:
              - name: amount
                logicalType: number
              - name: status
                logicalType: string
              - name: ordered_at
                logicalType: timestamp
        slaProperties:
          - property: freshness
            value: 1
            unit: d
            element: orders.amount
          - property: latency
            value: 1
            unit: d
            element: orders.status
          - property: retention
            value: 100
            unit: y
            element: orders.ordered_at
        """);
    assertThat(r.get("freshness orders.amount").result()).isEqualTo(CheckResult.Outcome.ERROR);
    assertThat(r.get("freshness orders.amount").message()).isEqualTo("not measured: freshness needs a date or"
        + " timestamp column; column \"amount\" (double in the data, declared logicalType number) is neither");
    assertThat(r.get("latency orders.status").result()).isEqualTo(CheckResult.Outcome.ERROR);
    assertThat(r.get("latency orders.status").message())
        .isEqualTo("not measured: latency needs dates or timestamps, and the text in orders.status does not read as one");
    // the oldest order is 2026-01-01 10:00; the message gives its age, not the value
    assertThat(r.get("retention orders.ordered_at").result()).isEqualTo(CheckResult.Outcome.PASSED);
    assertThat(r.get("retention orders.ordered_at").message()).matches("the oldest value is -?[0-9.]+ y old");
  }

  @Test
  void sqlResultsThatAreNotNumbersAreNamedByTypeNotValue() throws Exception {
    Map<String, CheckResult> r = verify("""
        schema:
          - name: orders
            properties:
              - name: customer
                quality:
                  - type: sql
                    query: SELECT MAX({property}) FROM {object}
                    mustBe: 1
              - name: status
                quality:
                  - type: sql
                    query: SELECT CAST({property} AS INTEGER) FROM {object} LIMIT 1
                    mustBe: 1
              - name: amount
                quality:
                  - type: sql
                    query: SELECT MAX({property}) FROM {object} WHERE {property} > 1000
                    mustBe: 1
              - name: order_id
                quality:
                  - type: sql
                    query: SELECT CAST(MAX({property}) AS VARCHAR) FROM {object}
                    mustBe: 3
        """);
    assertThat(r.get("sql orders.customer").result()).isEqualTo(CheckResult.Outcome.ERROR);
    assertThat(r.get("sql orders.customer").message()).isEqualTo("the query's first column is varchar that does not"
        + " read as a number; make the rule return a count or another number");
    assertThat(r.get("sql orders.status").message())
        .isEqualTo("query failed: a value in the data could not be converted or computed (DuckDB Conversion Error)");
    assertThat(r.get("sql orders.amount").message()).isEqualTo("the query returned NULL, not a number");
    // text that does read as a number is still a number
    assertThat(r.get("sql orders.order_id").result()).isEqualTo(CheckResult.Outcome.PASSED);
  }

  @Test
  void aContractFileThatIsNotThereIsNamed() {
    Path missing = dir.resolve("nowhere.odcs.yaml");
    assertThatThrownBy(() -> ContractReader.read(missing, "nowhere.odcs.yaml"))
        .isInstanceOf(ContractError.class).hasMessage("nowhere.odcs.yaml: no such contract file");
  }

  @Test
  void aContractThatIsNotUtf8IsNamed() throws Exception {
    Path latin1 = dir.resolve("latin1.odcs.yaml");
    Files.write(latin1, "id: caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> ContractReader.read(latin1, "latin1.odcs.yaml"))
        .isInstanceOf(ContractError.class).hasMessage("latin1.odcs.yaml: cannot read the contract: it is not UTF-8 text");
  }
}
