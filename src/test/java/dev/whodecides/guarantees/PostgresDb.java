package dev.whodecides.guarantees;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway database on the local PostgreSQL (127.0.0.1:5432, trust auth). Without a server the
 * tests are skipped on a laptop and fail under CI, where {@code .ci/run} starts one.
 */
public final class PostgresDb implements AutoCloseable {

  public static final String HOST = System.getProperty("whodecides.pg.host", "127.0.0.1");
  public static final String PORT = System.getProperty("whodecides.pg.port", "5432");
  public static final String USER = System.getProperty("whodecides.pg.user", "postgres");

  public final String name = "whodecides_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  public final String url = "jdbc:postgresql://" + HOST + ":" + PORT + "/" + name + "?user=" + USER;

  private PostgresDb() {}

  /** Creates a fresh database, or skips/fails the test when no server is reachable. */
  public static PostgresDb create() {
    PostgresDb db = new PostgresDb();
    try (Connection c = admin(); Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + db.name);
    } catch (SQLException e) {
      String how = "PostgreSQL is not reachable at " + HOST + ":" + PORT + " (" + e.getMessage() + "); start it with"
          + " `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start` (trust auth, user " + USER
          + ") or run .ci/run, which starts it";
      if (System.getenv("CI") != null) {
        fail("CI is set but " + how);
      }
      Assumptions.abort("skipped: " + how);
    }
    return db;
  }

  private static Connection admin() throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/postgres?user=" + USER + "&connectTimeout=5");
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url);
  }

  public void run(String sql) throws SQLException {
    try (Connection c = connect(); Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  @Override
  public void close() throws SQLException {
    try (Connection c = admin(); Statement st = c.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }
}
