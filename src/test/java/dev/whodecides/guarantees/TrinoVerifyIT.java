package dev.whodecides.guarantees;

import static dev.whodecides.guarantees.VerifyCliTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whodecides.guarantees.VerifyCliTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code whodecides verify} on a real Trino: the contract's checks become Trino SQL (quoted
 * identifiers, regexp_like, interval arithmetic for ages, typed timestamp bounds), each table is
 * read by one query, and the engine's own query log shows what was sent.
 */
class TrinoVerifyIT {

  static TrinoEngine trino;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    trino = TrinoEngine.start();
    // Timestamps relative to the engine's clock, so the ages below hold whenever the test runs.
    trino.run("loader",
        "CREATE SCHEMA memory.shop",
        """
        CREATE TABLE memory.shop.orders (order_id bigint, "customer email" varchar, status varchar,
          amount decimal(10, 2), country varchar, ordered_at timestamp(6), shipped_on varchar)""",
        """
        INSERT INTO memory.shop.orders VALUES
          (1, 'ann@example.org', 'shipped',  10.50, 'DE',  localtimestamp - INTERVAL '2' HOUR, '2026-01-03'),
          (2, 'bob@example.org', 'shipped',  99.00, 'FR',  localtimestamp - INTERVAL '1' DAY,  '2026-01-04'),
          (3, NULL,              'open',      5.00, 'DE',  localtimestamp - INTERVAL '3' DAY,  NULL),
          (4, 'dan@example',     'lost',     -1.00, 'USA', localtimestamp - INTERVAL '10' DAY, '2026-01-05'),
          (5, 'eve@example.org', 'open',     20.00, 'IT',  localtimestamp - INTERVAL '20' DAY, NULL),
          (6, 'ann@example.org', 'returned', 35.00, 'ES',  localtimestamp - INTERVAL '30' DAY, '2026-01-06'),
          (7, 'fay@example.org', 'shipped', 120.00, 'PT',  localtimestamp - INTERVAL '40' DAY, '2026-01-07'),
          (8, 'gus@example.org', 'open',     NULL,  'NL',  localtimestamp - INTERVAL '5' HOUR, NULL)""",
        """
        CREATE TABLE memory.shop.customers AS SELECT * FROM (VALUES
          (BIGINT '1', 'ann@example.org', DECIMAL '165.50'),
          (BIGINT '2', 'bob@example.org', DECIMAL '99.00'),
          (BIGINT '3', 'dan@example',     DECIMAL '-5.00')) AS t(customer_id, email, lifetime_value)""");
  }

  @AfterAll
  static void stop() {
    if (trino != null) {
      trino.close();
    }
  }

  /** The contract, with the server the test started; {@code physicalName}s are as Trino names them. */
  Path contract() throws Exception {
    Path f = dir.resolve("shop.odcs.yaml");
    Files.writeString(f, """
        apiVersion: v3.1.0
        kind: DataContract
        id: shop
        version: 1.0.0
        status: active
        servers:
          - server: warehouse
            type: trino
            host: 127.0.0.1
            port: %d
            catalog: memory
            schema: shop
        schema:
          - name: orders
            quality:
              - metric: rowCount
                mustBeGreaterThan: 5
            properties:
              - name: order_id
                logicalType: integer
                primaryKey: true
              - name: customer email
                logicalType: string
                required: true
                unique: true
                logicalTypeOptions:
                  pattern: '^[^@ ]+@[^@ ]+\\.[a-z]{2,}$'
              - name: status
                logicalType: string
                quality:
                  - metric: invalidValues
                    arguments:
                      validValues: [open, shipped, returned]
                    mustBe: 0
              - name: amount
                logicalType: number
                logicalTypeOptions:
                  minimum: 0
                  maximum: 1000
                quality:
                  - metric: nullValues
                    mustBeLessOrEqualTo: 20
                    unit: percent
              - name: country
                logicalType: string
                logicalTypeOptions:
                  minLength: 2
                  maxLength: 2
              - name: ordered_at
                logicalType: timestamp
                logicalTypeOptions:
                  minimum: '2020-01-01T00:00:00Z'
              - name: shipped_on
                logicalType: date
          - name: customers
            properties:
              - name: customer_id
                logicalType: integer
              - name: email
                logicalType: string
              - name: lifetime_value
                logicalType: number
            quality:
              - type: sql
                description: No customer owes money.
                query: SELECT COUNT(*) FROM {object} WHERE lifetime_value < 0
                mustBe: 0
        slaProperties:
          - property: latency
            value: 1
            unit: d
            element: orders.ordered_at
          - property: retention
            value: 30
            unit: d
            element: orders.ordered_at
        """.formatted(trino.port));
    return f;
  }

  /** Every check of the contract and what it must find in the rows loaded above. */
  static final Map<String, String> EXPECTED = Map.ofEntries(
      entry("objectExists orders", "passed true"),
      entry("propertyExists orders.order_id", "passed true"),
      entry("propertyType orders.order_id", "passed bigint"),
      entry("primaryKey orders.order_id", "passed 0"),
      entry("propertyExists orders.customer email", "passed true"),
      entry("propertyType orders.customer email", "passed varchar"),
      entry("required orders.customer email", "failed 1"),          // order 3 has none
      entry("unique orders.customer email", "failed 1"),            // ann ordered twice
      entry("pattern orders.customer email", "failed 1"),           // dan@example has no domain
      entry("propertyExists orders.status", "passed true"),
      entry("propertyType orders.status", "passed varchar"),
      entry("invalidValues orders.status", "failed 1"),             // lost
      entry("propertyExists orders.amount", "passed true"),
      entry("propertyType orders.amount", "passed decimal(10,2)"),
      entry("minimum orders.amount", "failed 1"),                   // -1.00
      entry("maximum orders.amount", "passed 0"),
      entry("nullValues orders.amount", "passed 12.5"),             // 1 of 8 rows
      entry("propertyExists orders.country", "passed true"),
      entry("propertyType orders.country", "passed varchar"),
      entry("minLength orders.country", "passed 0"),
      entry("maxLength orders.country", "failed 1"),                // USA
      entry("propertyExists orders.ordered_at", "passed true"),
      entry("propertyType orders.ordered_at", "passed timestamp(6)"),
      entry("minimum orders.ordered_at", "passed 0"),               // an ISO 8601 bound, typed for Trino
      entry("propertyExists orders.shipped_on", "passed true"),
      entry("propertyType orders.shipped_on", "failed varchar"),    // dates kept as text
      entry("rowCount orders", "passed 8"),
      entry("objectExists customers", "passed true"),
      entry("propertyExists customers.customer_id", "passed true"),
      entry("propertyType customers.customer_id", "passed bigint"),
      entry("propertyExists customers.email", "passed true"),
      entry("propertyType customers.email", "passed varchar(15)"),
      entry("propertyExists customers.lifetime_value", "passed true"),
      entry("propertyType customers.lifetime_value", "passed decimal(5,2)"),
      entry("sql customers", "failed 1"),                           // dan owes 5.00
      entry("latency orders.ordered_at", "passed 0.08"),            // newest: 2 hours = 0.08 d
      entry("retention orders.ordered_at", "failed 40.0"));         // oldest: 40 days

  @Test
  void theContractsTrinoServerGivesEveryOutcomeInOneScanPerTable() throws Exception {
    Run r = run("verify", contract().toString(), "--format", "json");
    assertThat(r.status()).as(r.err()).isEqualTo(1);
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertThat(outcomes(root.get("contracts").get(0))).containsExactlyInAnyOrderEntriesOf(EXPECTED);
    long failed = EXPECTED.values().stream().filter(v -> v.startsWith("failed")).count();
    assertThat(root.get("summary").toString())
        .isEqualTo("{\"passed\":" + (EXPECTED.size() - failed) + ",\"failed\":" + failed + ",\"errors\":0,\"warnings\":0}");

    // What Trino ran for this user: one query reading each table, written in its dialect.
    List<String> orders = scans(System.getProperty("user.name"), "\"shop\".\"orders\"");
    assertThat(orders).hasSize(1);
    assertThat(orders.get(0)).contains("regexp_like(CAST(\"customer email\" AS VARCHAR), ")
        .contains("to_milliseconds(TIMESTAMP '").contains("\"ordered_at\" < TIMESTAMP '2020-01-01 00:00:00.000000 UTC'")
        .contains("length(CAST(\"country\" AS VARCHAR))");
    assertThat(scans(System.getProperty("user.name"), "\"shop\".\"customers\""))
        .containsExactly("SELECT COUNT(*) FROM \"shop\".\"customers\" WHERE lifetime_value < 0");
  }

  @Test
  void aTrinoJdbcUrlSpeaksTheSameDialectAndTheTextReportCountsTheScans() throws Exception {
    String user = "whodecides_url";
    Run r = run("verify", contract().toString(), "--jdbc-url", trino.url("memory", "shop") + "?user=" + user);
    assertThat(r.status()).as(r.err()).isEqualTo(1);
    assertThat(r.out()).contains("  table orders: 1 scan\n").contains("  table customers: 1 scan\n")
        .contains("failed   timeliness    retention          orders.ordered_at  observed 40.0")
        .endsWith("28 passed, 9 failed, 0 errors in 1 contract\n");
    assertThat(scans(user, "\"shop\".\"orders\"")).hasSize(1);
    assertThat(scans(user, "\"shop\".\"customers\"")).hasSize(1);
  }

  @Test
  void hostileSqlRulesAreRefusedBeforeTrinoSeesThem() throws Exception {
    Path f = dir.resolve("hostile.odcs.yaml");
    Files.writeString(f, """
        apiVersion: v3.1.0
        kind: DataContract
        id: hostile
        version: 1.0.0
        status: active
        schema:
          - name: customers
            quality:
              - type: sql
                query: INSERT INTO {object} SELECT * FROM {object}
                mustBe: 0
              - type: sql
                query: "SELECT COUNT(*) FROM TABLE(memory.system.query(query => 'DELETE FROM shop.customers'))"
                mustBe: 0
              - type: sql
                query: SELECT 1; DROP TABLE {object}
                mustBe: 1
              - type: sql
                query: CREATE TABLE shop.copied AS SELECT * FROM {object}
                mustBe: 0
        """);
    String user = "whodecides_hostile";
    Run r = run("verify", f.toString(), "--format", "json", "--jdbc-url", trino.url("memory", "shop") + "?user=" + user);
    assertThat(r.status()).isEqualTo(1);
    List<JsonNode> rules = new ArrayList<>();
    new ObjectMapper().readTree(r.out()).get("contracts").get(0).get("checks").forEach(rules::add);
    assertThat(rules).filteredOn(c -> c.get("check").asText().equals("sql")).hasSize(4)
        .allSatisfy(c -> {
          assertThat(c.get("result").asText()).isEqualTo("failed");
          assertThat(c.get("message").asText()).startsWith("refused: ").endsWith("; the rule was not run");
        });
    // Trino saw only the probe of the table's columns, and the data is as loaded.
    try (Connection c = trino.connect("auditor"); Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT query FROM system.runtime.queries WHERE \"user\" = '" + user + "'")) {
        while (rs.next()) {
          assertThat(rs.getString(1)).doesNotContainIgnoringCase("insert").doesNotContainIgnoringCase("delete")
              .doesNotContainIgnoringCase("drop").doesNotContainIgnoringCase("create");
        }
      }
      try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM memory.shop.customers")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(3);
      }
      try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM memory.information_schema.tables"
          + " WHERE table_schema = 'shop' AND table_name = 'copied'")) {
        rs.next();
        assertThat(rs.getLong(1)).isZero();
      }
    }
  }

  /** "check object.property" to "result observed", as {@link Verifications#outcomes} gives them. */
  static Map<String, String> outcomes(JsonNode contract) {
    Map<String, String> m = new LinkedHashMap<>();
    for (JsonNode c : contract.get("checks")) {
      String target = c.get("object").asText() + (c.get("property").isNull() ? "" : "." + c.get("property").asText());
      m.put(c.get("check").asText() + " " + target, c.get("result").asText() + " " + c.get("observed").asText());
    }
    return m;
  }

  /**
   * The queries a user sent that read a table's rows, from Trino's own log
   * (system.runtime.queries); the {@code WHERE 1 = 0} probes that read column types are left out.
   */
  static List<String> scans(String user, String table) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = trino.connect("auditor"); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT query FROM system.runtime.queries WHERE \"user\" = '" + user
            + "' AND state = 'FINISHED' ORDER BY created")) {
      while (rs.next()) {
        String q = rs.getString(1);
        if (q.contains(table) && !q.endsWith("WHERE 1 = 0")) {
          out.add(q);
        }
      }
    }
    return out;
  }
}
