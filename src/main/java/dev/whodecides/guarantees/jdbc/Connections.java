package dev.whodecides.guarantees.jdbc;

import dev.whodecides.guarantees.Contract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Opens the connection a contract's server describes: PostgreSQL and Trino over JDBC, DuckDB files,
 * local CSV/Parquet/JSON files through embedded DuckDB, or any JDBC URL the user gives.
 */
public final class Connections {

  private Connections() {}

  /**
   * An open connection, the SQL dialect to speak on it, the schema holding the tables and, for a
   * local server, the file each table reads (present or not), so messages can name it.
   */
  public record Opened(Connection connection, Dialect dialect, String schema, Map<String, Path> files)
      implements AutoCloseable {

    public Opened(Connection connection, Dialect dialect, String schema) {
      this(connection, dialect, schema, Map.of());
    }

    @Override
    public void close() throws SQLException {
      connection.close();
    }
  }

  /** A problem the user can fix (unknown server type, missing file); one line. */
  public static final class ServerError extends Exception {
    public ServerError(String message) {
      super(message);
    }
  }

  /** The environment prefix of a server's credentials: WHODECIDES_&lt;SERVER&gt;_. */
  public static String envPrefix(String server) {
    return "WHODECIDES_" + server.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_";
  }

  public static Opened open(Contract contract, Contract.Server server, String serverName, String jdbcUrl,
      Map<String, String> env) throws ServerError, SQLException {
    Properties props = new Properties();
    String user = env.get(envPrefix(serverName) + "USERNAME");
    String password = env.get(envPrefix(serverName) + "PASSWORD");
    if (user != null) {
      props.setProperty("user", user);
    }
    if (password != null) {
      props.setProperty("password", password);
    }
    String schema = server == null ? null : server.schema();
    if (jdbcUrl != null) {
      Dialect d = Dialect.ofUrl(jdbcUrl);
      if (d == Dialect.TRINO && jdbcUrl.startsWith("jdbc:trino:") && !jdbcUrl.contains("user=")) {
        props.putIfAbsent("user", System.getProperty("user.name", "whodecides")); // Trino refuses a query without one
      }
      Connection c = DriverManager.getConnection(jdbcUrl, props);
      if (d == Dialect.DUCKDB) {
        lockDown(c, List.of());
      }
      return new Opened(c, d, schema);
    }
    if (server == null) {
      throw new ServerError(contract.file() + ": the contract names no server; add one under servers or pass --jdbc-url");
    }
    String type = server.type() == null ? "" : server.type().toLowerCase(Locale.ROOT);
    switch (type) {
      case "postgres", "postgresql" -> {
        String url = "jdbc:postgresql://" + (server.host() == null ? "localhost" : server.host()) + ":"
            + (server.port() == null ? 5432 : server.port()) + "/" + (server.database() == null ? "" : server.database());
        props.setProperty("connectTimeout", "10");
        props.setProperty("ApplicationName", "whodecides verify");
        return new Opened(DriverManager.getConnection(url, props), Dialect.POSTGRES, schema == null ? "public" : schema);
      }
      case "duckdb" -> {
        if (server.path() == null) {
          throw new ServerError(contract.file() + ": duckdb server " + serverName + " needs a path to the database file");
        }
        Path db = contract.path().toAbsolutePath().getParent().resolve(server.path()).normalize();
        if (!Files.isRegularFile(db)) {
          throw new ServerError(contract.file() + ": duckdb database " + db + " of server " + serverName + " does not exist");
        }
        Properties ro = new Properties();
        ro.setProperty("duckdb.read_only", "true");
        Connection c = DriverManager.getConnection("jdbc:duckdb:" + db, ro);
        lockDown(c, List.of());
        return new Opened(c, Dialect.DUCKDB, schema);
      }
      case "trino" -> {
        return trino(contract, server, serverName, props);
      }
      case "local", "file", "csv", "parquet", "json" -> {
        return local(contract, server, serverName);
      }
      default -> throw new ServerError(contract.file() + ": server " + serverName + " has type '" + server.type()
          + "'; whodecides connects to postgres, trino, duckdb and local files itself, other engines through --jdbc-url");
    }
  }

  /**
   * A Trino coordinator: ODCS gives host, port, catalog and schema. Trino wants a user name even
   * without authentication (the OS user's, as its own CLI does); a password needs TLS, which a
   * host written as {@code https://...} asks for too.
   */
  private static Opened trino(Contract contract, Contract.Server server, String serverName, Properties props)
      throws ServerError, SQLException {
    if (server.host() == null || server.catalog() == null) {
      throw new ServerError(contract.file() + ": trino server " + serverName + " needs host, port, catalog and schema");
    }
    String host = server.host();
    boolean tls = props.containsKey("password") || host.toLowerCase(Locale.ROOT).startsWith("https://");
    host = host.replaceFirst("(?i)^https?://", "").replaceFirst("/+$", "");
    int port = server.port() != null ? server.port() : tls ? 443 : 8080;
    String url = "jdbc:trino://" + host + ":" + port + "/" + server.catalog()
        + (server.schema() == null ? "" : "/" + server.schema());
    props.putIfAbsent("user", System.getProperty("user.name", "whodecides"));
    props.setProperty("source", "whodecides");
    if (tls) {
      props.setProperty("SSL", "true");
    }
    Connection c = DriverManager.getConnection(url, props);
    // The driver connects lazily: ask once now, so an unreachable coordinator or refused login is
    // one connection error rather than one per table.
    try (Statement st = c.createStatement()) {
      st.execute("SELECT 1");
    } catch (SQLException e) {
      c.close();
      throw new SQLException(unreachable(e, host + ":" + port), e.getSQLState(), e);
    }
    return new Opened(c, Dialect.TRINO, server.schema());
  }

  /** The driver's reason in words: no Java class names. */
  private static String unreachable(SQLException e, String where) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
          || t instanceof java.net.SocketTimeoutException) {
        return "no Trino coordinator answers at " + where;
      }
    }
    return String.valueOf(e.getMessage()).replaceAll("\\b(?:[a-z]\\w*\\.)+\\w*(?:Exception|Error): ", "");
  }

  /**
   * Shuts an embedded DuckDB off from everything but the data the contract names, before any rule
   * runs: no other file, extension, attached database or setting change. {@code readable} are the
   * files the views read; DuckDB reads a view's file again at each query, so they stay allowed.
   */
  static void lockDown(Connection c, List<String> readable) throws SQLException {
    try (Statement st = c.createStatement()) {
      if (!readable.isEmpty()) {
        st.execute("SET allowed_paths = [" + readable.stream().map(Dialect::literal).collect(Collectors.joining(", ")) + "]");
      }
      st.execute("SET autoinstall_known_extensions = false");
      st.execute("SET autoload_known_extensions = false");
      st.execute("SET enable_external_access = false");
      st.execute("SET lock_configuration = true");
    }
  }

  /** Files become DuckDB views named after each object, so every check quotes names the same way. */
  private static Opened local(Contract contract, Contract.Server server, String serverName) throws ServerError, SQLException {
    if (server.path() == null) {
      throw new ServerError(contract.file() + ": local server " + serverName + " needs a path");
    }
    String format = (server.format() != null ? server.format() : server.type()).toLowerCase(Locale.ROOT);
    String reader = switch (format) {
      case "csv" -> "read_csv_auto";
      case "parquet" -> "read_parquet";
      case "json" -> "read_json_auto";
      default -> throw new ServerError(contract.file() + ": local server " + serverName + " has format '" + format
          + "'; use csv, parquet or json");
    };
    Path base = contract.path().toAbsolutePath().getParent();
    Connection c = DriverManager.getConnection("jdbc:duckdb:");
    List<String> read = new ArrayList<>();
    Map<String, Path> files = new LinkedHashMap<>();
    try (Statement st = c.createStatement()) {
      for (Contract.SchemaObject o : contract.objects()) {
        String p = server.path().replace("{model}", o.name()).replace("{object}", o.name());
        Path file = base.resolve(p).normalize();
        if (Files.isDirectory(file)) {
          file = file.resolve(o.table() + "." + format);
        }
        files.put(o.table(), file);
        if (!Files.exists(file)) {
          continue; // the object-exists check reports it, naming the file
        }
        st.execute("CREATE VIEW " + Dialect.quote(o.table()) + " AS SELECT * FROM " + reader + "("
            + Dialect.literal(file.toString()) + ")");
        read.add(file.toString());
      }
      lockDown(c, read);
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return new Opened(c, Dialect.DUCKDB, null, files);
  }
}
