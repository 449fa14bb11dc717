package dev.whodecides.guarantees.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The parser's verdict on rules as contracts write them (accepted) and as an attacker would
 * (refused, with the reason the report shows). Engines are exercised in SqlRuleSafetyIT.
 */
class SqlGuardTest {

  static Stream<String> accepted() {
    return Stream.of(
        "SELECT COUNT(*) FROM \"public\".\"my_table\"",
        "select count(*) from Air_Quality where DataValue <= 0 or DataValue >= 500",
        "SELECT (COUNT(*) FILTER (WHERE field_two IS NULL) * 100.0 / COUNT(*)) AS null_percentage\nFROM my_table\n",
        "SELECT MAX(\"field_two\") FROM \"my_table\"",
        "WITH d AS (SELECT id FROM t GROUP BY id HAVING COUNT(*) > 1) SELECT COUNT(*) FROM d",
        "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT SUM(n) FROM r",
        "SELECT COUNT(*) FROM t WHERE code !~ '^[A-Z]{2}-\\d{3}$'",
        "SELECT COUNT(*) FROM t WHERE regexp_matches(code, '^\\d+$')",
        "SELECT COUNT(*) FROM t WHERE ts < now() - INTERVAL '1 day'",
        "SELECT COUNT(*) FROM t WHERE CAST(a AS INTEGER) > 3 AND b::text <> ''",
        "SELECT COUNT(*) FROM (SELECT a, ROW_NUMBER() OVER (PARTITION BY a ORDER BY b) AS n FROM t) x WHERE n > 1",
        "SELECT COUNT(*) FROM t a JOIN u b ON a.id = b.id WHERE NOT EXISTS (SELECT 1 FROM v WHERE v.id = a.id)",
        "SELECT 1 UNION ALL SELECT 2",
        "(SELECT COUNT(*) FROM t)",
        "SELECT COUNT(*) FROM t -- a trailing comment\n",
        "SELECT /* the rows that matter */ COUNT(*) FROM t",
        "SELECT COUNT(*) FROM t WHERE note = 'it''s; DROP TABLE t; --'",
        "SELECT COUNT(*) FROM t WHERE thread_count > 0");
  }

  @ParameterizedTest
  @MethodSource
  void accepted(String sql) {
    assertThat(SqlGuard.refusal(sql)).as(sql).isEmpty();
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of("COPY (SELECT 1) TO '/tmp/x'", "not one SQL query that whodecides can read (it stops at 'COPY', line 1, column 1)"),
        Arguments.of("ATTACH '/tmp/x.db' AS x", "not one SQL query"),
        Arguments.of("INSTALL httpfs", "not one SQL query"),
        Arguments.of("LOAD httpfs", "not one SQL query"),
        Arguments.of("PRAGMA enable_profiling", "not one SQL query"),
        Arguments.of("SET statement_timeout = 0", "it is a SET statement; a rule must be a SELECT or WITH ... SELECT"),
        Arguments.of("CALL pg_sleep(1)", "it is a CALL statement"),
        Arguments.of("DROP TABLE t", "it is a DROP statement"),
        Arguments.of("CREATE TABLE x AS SELECT 1", "it is a CREATE statement"),
        Arguments.of("ALTER TABLE t ADD COLUMN x INT", "it is an ALTER statement"),
        Arguments.of("INSERT INTO t SELECT * FROM t", "it is an INSERT statement"),
        Arguments.of("UPDATE t SET a = 1", "it is an UPDATE statement"),
        Arguments.of("DELETE FROM t", "it is a DELETE statement"),
        Arguments.of("WITH x AS (SELECT 1) DELETE FROM t", "it is a DELETE statement"),
        Arguments.of("EXPLAIN ANALYZE DELETE FROM t", "it is an EXPLAIN statement"),
        Arguments.of("TRUNCATE t", "it is a TRUNCATE statement"),
        Arguments.of("GRANT ALL ON t TO PUBLIC", "it is a GRANT statement"),
        Arguments.of("VALUES (1)", "it is a VALUES statement"),
        Arguments.of("", "it holds no SQL statement"),
        Arguments.of("SELECT 1; DROP TABLE t", "it holds 2 statements; a rule is exactly one SELECT"),
        Arguments.of("SELECT 1 --\n; DROP TABLE t", "it holds 2 statements"),
        Arguments.of("SELECT 1 /* */; DELETE FROM t", "it holds 2 statements"),
        Arguments.of("SELECT 1 INTO pwned", "it is a SELECT ... INTO, which writes a table or a file"),
        Arguments.of("SELECT * FROM (SELECT 1 INTO x) y", "SELECT ... INTO"),
        Arguments.of("SELECT * FROM t FOR UPDATE", "it locks rows (FOR UPDATE)"),
        Arguments.of("SELECT * FROM t FOR SHARE", "it locks rows (FOR SHARE)"),
        Arguments.of("WITH d AS (DELETE FROM t RETURNING 1) SELECT COUNT(*) FROM d", "its WITH part d changes data (DELETE)"),
        Arguments.of("WITH d AS (INSERT INTO t VALUES (1) RETURNING 1) SELECT 1", "changes data (INSERT)"),
        Arguments.of("WITH d AS (UPDATE t SET a = 1 RETURNING 1) SELECT 1", "changes data (UPDATE)"),
        Arguments.of("SELECT E'\\''; DROP TABLE t; --'", "E'...' escape string"),
        Arguments.of("SELECT $$'$$; DROP TABLE t; --'", "it holds 2 statements"),
        Arguments.of("SELECT * FROM read_csv('/etc/passwd')", "it calls read_csv, which reads, lists or writes files"),
        Arguments.of("SELECT COUNT(*) FROM read_text('/etc/passwd')", "it calls read_text"),
        Arguments.of("SELECT COUNT(*) FROM '/etc/passwd'", "it reads a file by name"),
        Arguments.of("SELECT COUNT(*) FROM \"/tmp/secret.csv\"", "it reads a file by name"),
        Arguments.of("SELECT pg_read_file('/etc/passwd')", "it calls pg_read_file, which reads, lists or writes files"),
        Arguments.of("SELECT pg_catalog.\"pg_read_binary_file\"('/etc/passwd')", "it calls pg_read_binary_file"),
        Arguments.of("SELECT COUNT(*) FROM pg_ls_dir('.')", "it calls pg_ls_dir"),
        Arguments.of("SELECT lo_export(lo_from_bytea(0, 'x'), '/tmp/x')", "it calls lo_export"),
        Arguments.of("SELECT * FROM dblink('dbname=postgres', 'SELECT 1') AS t(x int)",
            "it calls dblink, which reaches another database or the network"),
        Arguments.of("SELECT 1 FROM t WHERE pg_sleep(10) IS NOT NULL", "it calls pg_sleep, which sleeps"),
        Arguments.of("SELECT CASE WHEN a > 0 THEN (SELECT pg_sleep_for('1 minute')) END FROM t", "it calls pg_sleep_for"),
        Arguments.of("SELECT set_config('default_transaction_read_only', 'off', false)", "it calls set_config"),
        Arguments.of("SELECT pg_terminate_backend(pid) FROM pg_stat_activity", "it calls pg_terminate_backend"),
        Arguments.of("SELECT query_to_xml('SELECT 1', true, true, '')", "it calls query_to_xml, which runs SQL given to it"),
        Arguments.of("SELECT * FROM query('SELECT 1')", "it calls query, which runs SQL"),
        Arguments.of("SELECT getenv('HOME')", "it calls getenv"),
        Arguments.of("SELECT nextval('s')", "it calls nextval, which changes a sequence"),
        Arguments.of("SELECT COUNT(*) FROM t WHERE CAST(pg_read_file('/etc/passwd') AS TEXT) <> ''", "it calls pg_read_file"),
        // a call inside a comment is refused too: the second, textual look does not trust the tree walk alone
        Arguments.of("SELECT 1 /* pg_sleep(5) */", "it calls pg_sleep"));
  }

  @ParameterizedTest
  @MethodSource
  void refused(String sql, String reason) {
    assertThat(SqlGuard.refusal(sql)).as(sql).hasValueSatisfying(r -> assertThat(r).contains(reason));
  }
}
