package dev.whodecides.guarantees;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whodecides.cli.Main;
import dev.whodecides.store.Store;
import dev.whodecides.store.Verification;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** {@code whodecides verify} end to end over a CSV file: exit codes, JSON contract, JUnit XML, errors. */
class VerifyCliTest {

  @TempDir Path dir;
  Path good;
  Path bad;

  record Run(int status, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(status, out.toString(), err.toString());
  }

  @BeforeEach
  void files() throws Exception {
    Files.writeString(dir.resolve("orders.csv"), DuckDbVerifyTest.CSV);
    good = dir.resolve("good.odcs.yaml");
    Files.writeString(good, """
        apiVersion: v3.1.0
        kind: DataContract
        id: good
        version: 1.0.0
        status: active
        servers:
          - server: files
            type: local
            path: orders.csv
            format: csv
        schema:
          - name: orders
            properties:
              - name: customer
                logicalType: string
                required: true
        """);
    bad = dir.resolve("failing.odcs.yaml");
    Files.writeString(bad, DuckDbVerifyTest.contractFor("csv", "orders.csv"));
  }

  @Test
  void allPassedExitsZeroAndTextNamesTheScans() {
    Run r = run("verify", good.toString());
    assertThat(r.status()).as(r.err()).isEqualTo(0);
    assertThat(r.out()).contains("table orders: 1 scan").contains("passed").contains("4 passed, 0 failed, 0 errors");
  }

  @Test
  void jsonIsTheDocumentedContract() throws Exception {
    Run r = run("verify", good.toString(), bad.toString(), "--format", "json");
    assertThat(r.status()).isEqualTo(1);
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertThat(List.copyOf(iter(root.fieldNames()))).containsExactly("contracts", "summary");
    assertThat(List.copyOf(iter(root.get("summary").fieldNames()))).containsExactly("passed", "failed", "errors", "warnings");
    JsonNode c = root.get("contracts").get(1);
    assertThat(List.copyOf(iter(c.fieldNames()))).containsExactly("contract", "file", "server", "checks");
    assertThat(c.get("contract").asText()).isEqualTo("orders-csv");
    assertThat(c.get("file").asText()).isEqualTo(bad.toString());
    assertThat(c.get("server").asText()).isEqualTo("files");
    for (JsonNode check : c.get("checks")) {
      assertThat(List.copyOf(iter(check.fieldNames()))).containsExactly("check", "object", "property", "guarantee",
          "result", "observed", "threshold", "message");
      assertThat(check.get("guarantee").asText()).isIn("completeness", "timeliness", "integrity", "quality");
      assertThat(check.get("result").asText()).isIn("passed", "failed", "warning", "error");
    }
    JsonNode pk = null;
    for (JsonNode check : c.get("checks")) {
      if (check.get("check").asText().equals("primaryKey")) {
        pk = check;
      }
    }
    assertThat(pk.get("property").asText()).isEqualTo("order_id");
    assertThat(pk.get("result").asText()).isEqualTo("failed");
    assertThat(pk.get("observed").asLong()).isEqualTo(1);
    assertThat(pk.get("threshold").asText()).isEqualTo("= 0");
    assertThat(root.get("contracts").get(0).get("checks").get(0).get("property").isNull()).isTrue();
    assertThat(root.get("summary").get("failed").asInt()).isEqualTo(2);
    assertThat(root.get("summary").get("errors").asInt()).isEqualTo(0);
  }

  @Test
  void junitIsWellFormedXmlWithAFailurePerFailedCheck() throws Exception {
    Path out = dir.resolve("reports/verify.xml");
    Run r = run("verify", bad.toString(), "--format", "junit", "--output", out.toString());
    assertThat(r.status()).isEqualTo(1);
    Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(Files.readString(out).getBytes(StandardCharsets.UTF_8)));
    assertThat(d.getDocumentElement().getTagName()).isEqualTo("testsuites");
    assertThat(d.getElementsByTagName("failure").getLength()).isEqualTo(2);
    assertThat(d.getElementsByTagName("testcase").getLength()).isGreaterThan(10);
  }

  @Test
  void badContractIsOneLineNamingFileFieldAndLineWithExitTwo() throws Exception {
    Path broken = dir.resolve("broken.odcs.yaml");
    Files.writeString(broken, """
        apiVersion: v3.1.0
        kind: DataContract
        id: broken
        version: 1.0.0
        status: active
        schema:
          - name: orders
            properties:
              - name: customer
                logicalType: text
        """);
    Run r = run("verify", broken.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err().strip()).doesNotContain("\n").contains(broken + ":10:")
        .contains("schema[0].properties[0].logicalType").doesNotContain("Exception");
    assertThat(run("verify", dir.resolve("nope.yaml").toString()).status()).isEqualTo(2);
    Path notYaml = dir.resolve("x.yaml");
    Files.writeString(notYaml, "a: [1, 2\n");
    Run y = run("verify", notYaml.toString());
    assertThat(y.status()).isEqualTo(2);
    assertThat(y.err()).contains("x.yaml:").doesNotContain("\tat ");
  }

  @Test
  void unreachableServerGivesErrorsNotAStackTrace() {
    Run r = run("verify", good.toString(), "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/nothing?connectTimeout=2",
        "--format", "json");
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).contains("cannot connect").doesNotContain("\tat ");
    assertThat(r.out()).contains("\"errors\" : 4");
  }

  @Test
  void recordKeepsOneRowPerContractBesideTheFirstContract() throws Exception {
    Run plain = run("verify", good.toString(), bad.toString(), "--format", "json");
    Run first = run("verify", good.toString(), bad.toString(), "--format", "json", "--record");
    assertThat(first.status()).isEqualTo(plain.status()).isEqualTo(1);
    assertThat(first.err()).contains("recorded the results of 2 contracts in jdbc:sqlite:")
        .contains(dir.resolve(".whodecides/whodecides.db").toAbsolutePath().toString());
    assertThat(new ObjectMapper().readTree(first.out())).isEqualTo(new ObjectMapper().readTree(plain.out()));
    assertThat(run("verify", good.toString(), "--record").status()).isEqualTo(0);

    Store store = Store.open(null, good);
    List<Verification> latest = store.latestVerifications();
    assertThat(latest).extracting(Verification::contract).containsExactly("good", "orders-csv");
    assertThat(latest.get(0)).satisfies(v -> {
      assertThat(v.passed()).isEqualTo(4);
      assertThat(v.failed()).isZero();
      assertThat(v.server()).isEqualTo("files");
      assertThat(v.file()).isEqualTo(good.toString());
    });
    assertThat(latest.get(1)).satisfies(v -> {
      assertThat(v.failed()).isEqualTo(2);
      assertThat(v.errors()).isZero();
      JsonNode result = new ObjectMapper().readTree(v.result());
      assertThat(result.get("contract").asText()).isEqualTo("orders-csv");
      assertThat(result.get("checks").size()).isEqualTo(v.passed() + v.failed());
    });
    assertThat(store.verifications("good")).hasSize(2);
    assertThat(store.verifications("orders-csv")).hasSize(1);
  }

  @Test
  void recordToAnExplicitDatabaseAndDbAloneIsAMistake() {
    Path db = dir.resolve("elsewhere/records.db");
    assertThat(run("verify", bad.toString(), "--record", "--db", db.toString()).status()).isEqualTo(1);
    assertThat(Store.open(db.toString(), null).verifications("orders-csv")).singleElement()
        .satisfies(v -> assertThat(v.failed()).isEqualTo(2));
    assertThat(dir.resolve(".whodecides")).doesNotExist();
    Run alone = run("verify", bad.toString(), "--db", db.toString());
    assertThat(alone.status()).isEqualTo(2);
    assertThat(alone.err().strip()).doesNotContain("\n").contains("add --record");
    Run badDb = run("verify", good.toString(), "--record", "--db", "jdbc:oracle:thin:@x");
    assertThat(badDb.status()).isEqualTo(2);
    assertThat(badDb.out()).isEmpty();
    assertThat(badDb.err()).contains("not supported").doesNotContain("\tat ");
  }

  @Test
  void aFailedWarningRuleIsReportedButExitsZeroWhileAnErrorRuleExitsOne() throws Exception {
    String contract = """
        apiVersion: v3.1.0
        kind: DataContract
        id: warn
        version: 1.0.0
        status: active
        servers:
          - server: files
            type: local
            path: orders.csv
            format: csv
        schema:
          - name: orders
            quality:
              - metric: rowCount
                mustBeGreaterThan: 100
                severity: %s
            properties:
              - name: status
                quality:
                  - metric: invalidValues
                    mustBe: 0
        """;
    Path warn = dir.resolve("warn.odcs.yaml");
    Files.writeString(warn, contract.formatted("warning"));
    Run w = run("verify", warn.toString(), "--format", "json");
    assertThat(w.status()).as(w.err()).isEqualTo(0);
    JsonNode root = new ObjectMapper().readTree(w.out());
    assertThat(root.get("summary").get("warnings").asInt()).isEqualTo(1);
    assertThat(root.get("summary").get("failed").asInt()).isZero();
    JsonNode rowCount = null;
    for (JsonNode check : root.get("contracts").get(0).get("checks")) {
      if (check.get("check").asText().equals("rowCount")) {
        rowCount = check;
      }
    }
    assertThat(rowCount.get("result").asText()).isEqualTo("warning");
    // The library rule without arguments is left out, with one notice naming its file and line.
    assertThat(w.err().strip()).startsWith("notice: " + warn + ":20: the invalidValues rule of orders.status")
        .doesNotContain("\n");
    assertThat(run("verify", warn.toString()).out()).contains("warning ").contains("1 warnings");
    Path info = dir.resolve("info.odcs.yaml");
    Files.writeString(info, contract.formatted("info"));
    assertThat(run("verify", info.toString()).status()).isEqualTo(0);
    Path error = dir.resolve("error.odcs.yaml");
    Files.writeString(error, contract.formatted("error"));
    assertThat(run("verify", error.toString()).status()).isEqualTo(1);
    assertThat(run("verify", warn.toString(), "--record").status()).isEqualTo(0);
    assertThat(dev.whodecides.store.Store.open(null, warn).verifications("warn")).singleElement()
        .satisfies(v -> assertThat(v.warnings()).isEqualTo(1));
  }

  private static <T> List<T> iter(Iterator<T> it) {
    List<T> l = new ArrayList<>();
    it.forEachRemaining(l::add);
    return l;
  }
}
