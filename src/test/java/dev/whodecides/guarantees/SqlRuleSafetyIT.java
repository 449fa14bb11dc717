package dev.whodecides.guarantees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.whodecides.guarantees.jdbc.Connections;
import dev.whodecides.guarantees.jdbc.Dialect;
import dev.whodecides.guarantees.jdbc.SqlGuard;
import dev.whodecides.guarantees.jdbc.Verifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile {@code sql} rules, as an untrusted contract could carry them, run through the real
 * connection and verifier on three engines: a local CSV server (embedded DuckDB), a DuckDB
 * database file and the local PostgreSQL, where whodecides connects as the superuser, the worst
 * case. Every rule must fail its check with a reason and leave no file, no schema change and no
 * row change behind. The canary tests prove the watched directory is writable by each engine, so
 * "no file" means the write was stopped, not that it could never have happened.
 */
class SqlRuleSafetyIT {

  enum Engine { CSV, DUCKDB_FILE, POSTGRES }

  static final int TIMEOUT = 5;

  /** {@code ${out}}: a file in the watched directory; {@code ${secret}}: a file no contract names. */
  static final List<String[]> RULES = List.of(
      new String[] {"copy to a file", "COPY (SELECT 1) TO '${out}'"},
      new String[] {"copy the table to a file", "COPY {object} TO '${out}'"},
      new String[] {"copy to a program", "COPY (SELECT 1) TO PROGRAM 'touch ${out}'"},
      new String[] {"copy a file into the table", "COPY {object} FROM '/etc/passwd'"},
      new String[] {"export the database", "EXPORT DATABASE '${out}'"},
      new String[] {"stacked copy", "SELECT 1; COPY (SELECT 1) TO '${out}'"},
      new String[] {"stacked drop", "SELECT 1; DROP TABLE {object}"},
      new String[] {"commit, then drop", "COMMIT; DROP TABLE {object}"},
      new String[] {"line comment, then a statement", "SELECT 1 --\n; DROP TABLE {object}"},
      new String[] {"block comment hiding a semicolon", "SELECT 1 /* ; */ ; DELETE FROM {object}"},
      new String[] {"escape string hiding a statement", "SELECT E'\\''; DROP TABLE {object}; --'"},
      new String[] {"dollar quote hiding a statement", "SELECT $$'$$; DROP TABLE {object}; --'"},
      new String[] {"attach a database", "ATTACH '${out}' AS pwned"},
      new String[] {"install an extension", "INSTALL httpfs"},
      new String[] {"load an extension", "LOAD httpfs"},
      new String[] {"read_csv of /etc/passwd", "SELECT COUNT(*) FROM read_csv('/etc/passwd')"},
      new String[] {"read_text of an unnamed file", "SELECT COUNT(*) FROM read_text('${secret}')"},
      new String[] {"a file named as a table", "SELECT COUNT(*) FROM '${secret}'"},
      new String[] {"a file quoted as a table", "SELECT COUNT(*) FROM \"${secret}\""},
      new String[] {"glob the file system", "SELECT COUNT(*) FROM glob('/*')"},
      new String[] {"pg_read_file", "SELECT LENGTH(pg_read_file('/etc/passwd'))"},
      new String[] {"pg_read_binary_file, qualified and quoted", "SELECT LENGTH(pg_catalog.\"pg_read_binary_file\"('/etc/passwd'))"},
      new String[] {"pg_ls_dir", "SELECT COUNT(*) FROM pg_ls_dir('.')"},
      new String[] {"lo_export to a file", "SELECT lo_export(lo_from_bytea(0, 'x'), '${out}')"},
      new String[] {"lo_import of /etc/passwd", "SELECT lo_import('/etc/passwd')"},
      new String[] {"dblink", "SELECT COUNT(*) FROM dblink('dbname=postgres', 'CREATE TABLE pwned (x int)') AS t(x text)"},
      new String[] {"pg_sleep past the timeout", "SELECT 1 FROM pg_sleep(60)"},
      new String[] {"pg_sleep hidden in a WHERE", "SELECT COUNT(*) FROM {object} WHERE pg_sleep(60) IS NOT NULL"},
      new String[] {"JDBC escape calling a sleep", "{call pg_sleep(60)}"},
      new String[] {"SELECT INTO", "SELECT * INTO pwned FROM {object}"},
      new String[] {"CREATE TABLE AS", "CREATE TABLE pwned AS SELECT * FROM {object}"},
      new String[] {"DROP TABLE", "DROP TABLE {object}"},
      new String[] {"ALTER TABLE", "ALTER TABLE {object} ADD COLUMN pwned INTEGER"},
      new String[] {"TRUNCATE", "TRUNCATE {object}"},
      new String[] {"GRANT", "GRANT ALL ON {object} TO PUBLIC"},
      new String[] {"INSERT", "INSERT INTO {object} SELECT * FROM {object}"},
      new String[] {"UPDATE", "UPDATE {object} SET id = id + 1"},
      new String[] {"DELETE", "DELETE FROM {object}"},
      new String[] {"EXPLAIN ANALYZE of a DELETE", "EXPLAIN ANALYZE DELETE FROM {object}"},
      new String[] {"data-modifying WITH", "WITH d AS (DELETE FROM {object} RETURNING 1) SELECT COUNT(*) FROM d"},
      new String[] {"DO block", "DO $$ BEGIN EXECUTE 'DROP TABLE victims'; END $$"},
      new String[] {"SET", "SET enable_external_access = true"},
      new String[] {"set_config", "SELECT set_config('default_transaction_read_only', 'off', false)"},
      new String[] {"PRAGMA", "PRAGMA enable_profiling"},
      new String[] {"CALL", "CALL pg_sleep(1)"},
      new String[] {"CHECKPOINT", "CHECKPOINT"},
      new String[] {"row locks", "SELECT id FROM {object} FOR UPDATE"},
      new String[] {"SQL as text to query()", "SELECT * FROM query('COPY (SELECT 1) TO ''${out}''')"},
      new String[] {"SQL as text to query_to_xml()", "SELECT query_to_xml('DELETE FROM victims', true, true, '')"},
      new String[] {"end other sessions", "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"});

  static Path dir;
  static Path csv;
  static Path duckdbFile;
  static Path secret;
  static PostgresDb pg;
  static String duckdbData;

  @BeforeAll
  static void setUp() throws Exception {
    // World-writable, so the PostgreSQL server (another OS user) could write here if a rule got through.
    dir = Files.createTempDirectory("whodecides-hostile-");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
    Files.createDirectories(dir.resolve("data"));
    csv = dir.resolve("data/victims.csv");
    Files.writeString(csv, "id,name\n1,ann\n2,bob\n3,cid\n");
    secret = dir.resolve("secret.csv");
    Files.writeString(secret, "password\nhunter2\n");
    duckdbFile = dir.resolve("victims.duckdb");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + duckdbFile); Statement st = c.createStatement()) {
      st.execute("CREATE TABLE victims AS SELECT * FROM (VALUES (1, 'ann'), (2, 'bob'), (3, 'cid')) t(id, name)");
    }
    duckdbData = duckdbData();
    assertThat(duckdbData).contains("victims.id:INTEGER").contains("\n3:");
    pg = PostgresDb.create();
    pg.run("CREATE TABLE victims (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO victims VALUES (1, 'ann'), (2, 'bob'), (3, 'cid')");
  }

  @AfterAll
  static void tearDown() throws Exception {
    if (duckdbData != null) {
      assertThat(duckdbData()).as("the DuckDB file's tables and rows after every rule").isEqualTo(duckdbData);
    }
    if (pg != null) {
      pg.close();
    }
    if (dir != null) {
      try (Stream<Path> s = Files.walk(dir)) {
        s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
      }
    }
  }

  static Stream<Arguments> hostileRules() {
    List<Arguments> out = new ArrayList<>();
    for (Engine e : Engine.values()) {
      for (int i = 0; i < RULES.size(); i++) {
        out.add(Arguments.of(RULES.get(i)[0], e, i));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource
  void hostileRules(String name, Engine engine, int index) throws Exception {
    Path target = dir.resolve("out-" + engine + "-" + index);
    String rule = RULES.get(index)[1].replace("${out}", target.toString()).replace("${secret}", secret.toString());
    Map<String, String> filesBefore = files();
    String before = state(engine);

    long start = System.nanoTime();
    ContractResult r = verify(engine, rule);
    double seconds = (System.nanoTime() - start) / 1e9;

    CheckResult check = r.checks().stream().filter(c -> c.check().kind().equals("sql")).findFirst().orElseThrow();
    assertThat(check.result()).as(rule).isEqualTo(CheckResult.Outcome.FAILED);
    assertThat(check.message()).as(rule).startsWith("refused").doesNotContain("Exception");
    assertThat(check.observed()).isNull();
    assertThat(r.scans()).as("nothing was read").containsEntry("victims", 0);
    assertThat(seconds).as("stopped before any timeout").isLessThan(TIMEOUT);
    assertThat(target).as("no file written").doesNotExist();
    assertThat(files()).as("no file created or changed").isEqualTo(filesBefore);
    assertThat(state(engine)).as("no table, schema or row changed").isEqualTo(before);
  }

  @Test
  void theCommandLineReportsTheIssuesCopyRuleAsFailedAndWritesNothing() throws Exception {
    for (Engine engine : List.of(Engine.CSV, Engine.POSTGRES)) {
      Path target = dir.resolve("out-cli-" + engine);
      Path file = dir.resolve("cli-" + engine + ".odcs.yaml");
      String yaml = contractText(engine, "COPY (SELECT 1) TO '" + target + "'");
      Files.writeString(file, yaml);
      VerifyCliTest.Run r = engine == Engine.POSTGRES
          ? VerifyCliTest.run("verify", file.toString(), "--format", "json", "--jdbc-url", pg.url)
          : VerifyCliTest.run("verify", file.toString(), "--format", "json");
      Files.delete(file);
      assertThat(r.status()).as(r.err()).isEqualTo(1);
      com.fasterxml.jackson.databind.JsonNode check = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out())
          .at("/contracts/0/checks/1");
      assertThat(check.get("check").asText()).isEqualTo("sql");
      assertThat(check.get("result").asText()).isEqualTo("failed");
      assertThat(check.get("message").asText()).isEqualTo("refused: it is not one SQL query that whodecides can read"
          + " (it stops at 'COPY', line 1, column 1); the rule was not run");
      assertThat(target).doesNotExist();
    }
  }

  // ---- the layer behind the parser: the engines' own locks ----

  @Test
  void aLockedLocalServerStillReadsItsFilesButNoOther() throws Exception {
    Contract k = contract(Engine.CSV, "SELECT 1");
    try (Connections.Opened o = Connections.open(k, k.servers().get(0), "files", null, Map.of());
         Statement st = o.connection().createStatement()) {
      assertThat(count(st, "SELECT COUNT(*) FROM victims")).isEqualTo(3);
      assertThat(count(st, "SELECT COUNT(*) FROM victims")).as("the view reads its file again").isEqualTo(3);
      assertLocked(o.connection());
    }
  }

  @Test
  void aLockedDuckDbFileCannotReachOtherFiles() throws Exception {
    Contract k = contract(Engine.DUCKDB_FILE, "SELECT 1");
    try (Connections.Opened o = Connections.open(k, k.servers().get(0), "db", null, Map.of());
         Statement st = o.connection().createStatement()) {
      assertThat(count(st, "SELECT COUNT(*) FROM victims")).isEqualTo(3);
      assertLocked(o.connection());
    }
  }

  private void assertLocked(Connection c) throws IOException {
    Path out = dir.resolve("locked-" + System.nanoTime());
    for (String sql : List.of(
        "SELECT COUNT(*) FROM read_csv('" + secret + "')",
        "SELECT COUNT(*) FROM '" + secret + "'",
        "SELECT COUNT(*) FROM read_text('/etc/passwd')",
        "COPY (SELECT 1) TO '" + out + "'",
        "ATTACH '" + out + "' AS pwned",
        "LOAD httpfs",
        "SET enable_external_access = true",
        "SET lock_configuration = false")) {
      assertThatThrownBy(() -> {
        try (Statement st = c.createStatement()) {
          st.execute(sql);
        }
      }).as(sql).isInstanceOf(SQLException.class);
    }
    assertThat(out).doesNotExist();
  }

  @Test
  void canariesShowEachEngineCouldHaveWrittenTheWatchedDirectory() throws Exception {
    Path duck = dir.resolve("canary-duckdb");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      st.execute("COPY (SELECT 1) TO '" + duck + "'");
    }
    Path postgres = dir.resolve("canary-postgres");
    try (Connection c = DriverManager.getConnection(pg.url); Statement st = c.createStatement()) {
      st.execute("COPY (SELECT 1) TO '" + postgres + "'");
    }
    assertThat(duck).exists();
    assertThat(postgres).as("the PostgreSQL server process can write here").exists();
    Files.delete(duck);
    Files.delete(postgres);
  }

  @Test
  void theEnginesOwnParsersSeeAStatementThatAStandardParserWouldMiss() throws Exception {
    // E'\'' ends one character later in PostgreSQL and DuckDB than in standard SQL
    String hidden = "SELECT E'\\''; DROP TABLE victims; --'";
    try (Connection c = DriverManager.getConnection(pg.url)) {
      assertThat(SqlGuard.engineRefusal(c, Dialect.POSTGRES, hidden)).hasValue(
          "PostgreSQL reads it as more than one statement; a rule is exactly one SELECT");
      assertThat(SqlGuard.engineRefusal(c, Dialect.POSTGRES, "SELECT COUNT(*) FROM victims")).isEmpty();
    }
    try (Connection c = DriverManager.getConnection(pg.url + "&preferQueryMode=simple")) {
      assertThat(SqlGuard.engineRefusal(c, Dialect.POSTGRES, "SELECT 1")).hasValueSatisfying(
          m -> assertThat(m).contains("preferQueryMode=simple"));
    }
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      assertThat(SqlGuard.engineRefusal(c, Dialect.DUCKDB, hidden)).hasValue(
          "DuckDB's own parser does not read it as one SELECT");
      assertThat(SqlGuard.engineRefusal(c, Dialect.DUCKDB, "SELECT 1")).isEmpty();
    }
  }

  // ---- helpers ----

  private ContractResult verify(Engine engine, String rule) throws Exception {
    Contract k = contract(engine, rule);
    Map<String, String> env = Map.of("WHODECIDES_PG_USERNAME", PostgresDb.USER);
    String server = k.servers().get(0).name();
    try (Connections.Opened o = Connections.open(k, k.servers().get(0), server, null, env)) {
      return new Verifier(o.connection(), o.dialect(), o.schema(), TIMEOUT).verify(k, server, Planner.plan(k), t -> { });
    }
  }

  private Contract contract(Engine engine, String rule) throws ContractError, IOException {
    Path file = Files.createTempFile(dir, "hostile-", ".odcs.yaml");
    try {
      Files.writeString(file, contractText(engine, rule));
      Contract k = Verifications.contract(file);
      if (engine != Engine.DUCKDB_FILE) {
        return k;
      }
      // ODCS names a DuckDB file in `database`; the file lives outside the contract's folder here.
      return new Contract(k.id(), k.file(), k.path(),
          List.of(new Contract.Server("db", "duckdb", null, null, duckdbFile.toString(), null, null, null)),
          k.objects(), k.slaProperties(), k.slaDefaultElement(), k.lines(), k.notices());
    } finally {
      Files.delete(file);
    }
  }

  private static String contractText(Engine engine, String rule) {
    String server = switch (engine) {
      case CSV -> """
          servers:
            - server: files
              type: local
              path: data/{model}.csv
              format: csv
          """;
      case POSTGRES -> """
          servers:
            - server: pg
              type: postgres
              host: %s
              port: %s
              database: %s
              schema: public
          """.formatted(PostgresDb.HOST, PostgresDb.PORT, pg.name);
      case DUCKDB_FILE -> "";
    };
    StringBuilder y = new StringBuilder("""
        apiVersion: v3.1.0
        kind: DataContract
        id: hostile
        version: 1.0.0
        status: active
        """).append(server).append("""
        schema:
          - name: victims
            quality:
              - type: sql
                mustBe: 1
                query: |-
        """);
    rule.lines().forEach(l -> y.append("          ").append(l).append('\n'));
    return y.toString();
  }

  /** Every file under the watched directory with a digest of its bytes. */
  private static Map<String, String> files() throws IOException {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      s.filter(Files::isRegularFile).forEach(p -> m.put(dir.relativize(p).toString(), digest(p)));
    }
    return m;
  }

  private static String digest(Path p) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The tables, columns, rows and large objects the engine holds, as one comparable text. */
  private static String state(Engine engine) throws Exception {
    return switch (engine) {
      case CSV -> files().toString();
      // read-only, so its bytes (and the absence of a write-ahead log) are its tables and rows: files() holds them
      case DUCKDB_FILE -> files().toString();
      case POSTGRES -> {
        try (Connection c = DriverManager.getConnection(pg.url); Statement st = c.createStatement()) {
          yield text(st, "SELECT string_agg(table_schema || '.' || table_name || '.' || column_name || ':' || data_type, ','"
              + " ORDER BY 1) FROM information_schema.columns WHERE table_schema NOT IN ('pg_catalog', 'information_schema')")
              + text(st, "SELECT COUNT(*) || ':' || md5(string_agg(id || '=' || name, ',' ORDER BY id)) FROM victims")
              + text(st, "SELECT COUNT(*) FROM pg_largeobject_metadata");
        }
      }
    };
  }

  private static String duckdbData() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + duckdbFile, readOnly());
         Statement st = c.createStatement()) {
      return text(st, "SELECT string_agg(table_name || '.' || column_name || ':' || data_type, ',' ORDER BY table_name,"
          + " column_name) FROM information_schema.columns")
          + text(st, "SELECT COUNT(*) || ':' || md5(string_agg(id || '=' || name, ',' ORDER BY id)) FROM victims");
    }
  }

  private static Properties readOnly() {
    Properties p = new Properties();
    p.setProperty("duckdb.read_only", "true");
    return p;
  }

  private static String text(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1) + "\n";
    }
  }

  private static long count(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
