package dev.whodecides.guarantees;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whodecides.guarantees.VerifyCliTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verify --check-role} against real roles of the local PostgreSQL: the superuser the tests
 * connect as, a role that may only read, and one that may read the server's files.
 */
class CheckRoleIT {

  static PostgresDb db;
  static final String SUFFIX = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  static final String READER = "whodecides_reader_" + SUFFIX;
  static final String FILES = "whodecides_files_" + SUFFIX;

  @TempDir Path dir;

  @BeforeAll
  static void roles() throws Exception {
    db = PostgresDb.create();
    db.run("CREATE TABLE orders (id INTEGER); INSERT INTO orders VALUES (1), (2)");
    db.run("CREATE ROLE " + READER + " LOGIN; CREATE ROLE " + FILES + " LOGIN; GRANT pg_read_server_files TO " + FILES
        + "; GRANT SELECT ON orders TO " + READER + ", " + FILES);
  }

  @AfterAll
  static void drop() throws Exception {
    if (db != null) {
      db.close();
      try (var c = java.sql.DriverManager.getConnection(db.url.replace(db.name, "postgres"));
           var st = c.createStatement()) {
        st.execute("DROP ROLE IF EXISTS " + READER);
        st.execute("DROP ROLE IF EXISTS " + FILES);
      }
    }
  }

  private Run verify(String user, String... more) throws Exception {
    Path contract = dir.resolve("orders.odcs.yaml");
    Files.writeString(contract, """
        apiVersion: v3.1.0
        kind: DataContract
        id: orders
        version: 1.0.0
        status: active
        schema:
          - name: orders
            quality:
              - type: sql
                query: SELECT COUNT(*) FROM {object}
                mustBe: 2
        """);
    String url = db.url.replace("user=" + PostgresDb.USER, "user=" + user);
    String[] args = new String[4 + more.length];
    args[0] = "verify";
    args[1] = contract.toString();
    args[2] = "--jdbc-url";
    args[3] = url;
    System.arraycopy(more, 0, args, 4, more.length);
    return VerifyCliTest.run(args);
  }

  @Test
  void aSuperuserIsWarnedAboutOnStandardErrorAndInEveryFormat() throws Exception {
    Run json = verify(PostgresDb.USER, "--check-role", "--format", "json");
    assertThat(json.status()).as(json.err()).isZero(); // a warning, not a failure
    assertThat(json.err()).contains("whodecides: warning: ").contains("role " + PostgresDb.USER + " is a superuser")
        .contains("verify as a role without superuser");
    JsonNode role = new ObjectMapper().readTree(json.out()).get("contracts").get(0).get("role");
    assertThat(role.get("name").asText()).isEqualTo(PostgresDb.USER);
    assertThat(role.get("warning").asText()).startsWith("role " + PostgresDb.USER + " is a superuser;");

    Run text = verify(PostgresDb.USER, "--check-role");
    assertThat(text.out()).contains("  warning: role " + PostgresDb.USER + " is a superuser");
    Run junit = verify(PostgresDb.USER, "--check-role", "--format", "junit");
    assertThat(junit.out()).contains("<property name=\"role\" value=\"" + PostgresDb.USER + "\"/>")
        .contains("<property name=\"roleWarning\" value=\"role " + PostgresDb.USER + " is a superuser");
  }

  @Test
  void aRoleThatMayReadServerFilesIsWarnedAbout() throws Exception {
    Run r = verify(FILES, "--check-role", "--format", "json");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.err()).contains("role " + FILES + " is a member of pg_read_server_files");
  }

  @Test
  void aReadOnlyRolePassesQuietly() throws Exception {
    Run r = verify(READER, "--check-role", "--format", "json");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    JsonNode role = new ObjectMapper().readTree(r.out()).get("contracts").get(0).get("role");
    assertThat(role.get("name").asText()).isEqualTo(READER);
    assertThat(role.get("warning").isNull()).isTrue();
    assertThat(verify(READER, "--check-role").out()).contains("role " + READER + " is no superuser");
  }

  @Test
  void withoutTheOptionNothingIsCheckedOrAdded() throws Exception {
    Run r = verify(PostgresDb.USER, "--format", "json");
    assertThat(r.err()).isEmpty();
    assertThat(new ObjectMapper().readTree(r.out()).get("contracts").get(0).has("role")).isFalse();
  }

  @Test
  void onDuckDbThereIsNoRoleToCheck() throws Exception {
    Files.writeString(dir.resolve("orders.csv"), "id\n1\n2\n");
    Path contract = dir.resolve("files.odcs.yaml");
    Files.writeString(contract, """
        apiVersion: v3.1.0
        kind: DataContract
        id: files
        version: 1.0.0
        status: active
        servers:
          - server: files
            type: local
            path: orders.csv
            format: csv
        schema:
          - name: orders
        """);
    Run r = VerifyCliTest.run("verify", contract.toString(), "--check-role");
    assertThat(r.status()).isZero();
    assertThat(r.err()).contains("--check-role checks PostgreSQL roles; server files is not PostgreSQL");
  }
}
