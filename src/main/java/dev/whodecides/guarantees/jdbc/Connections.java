package dev.whodecides.guarantees.jdbc;

import dev.whodecides.guarantees.Contract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
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
   * An open connection, the SQL dialect to speak on it, the schema holding the tables, for a local
   * server the file each table reads (present or not, so messages can name it), and the tables read
   * from CSV or JSON files, whose values are converted to the contract's logical types.
   */
  public record Opened(Connection connection, Dialect dialect, String schema, Map<String, Path> files,
      Map<String, FileTable> converted) implements AutoCloseable {

    public Opened(Connection connection, Dialect dialect, String schema) {
      this(connection, dialect, schema, Map.of(), Map.of());
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
        lockDown(c, List.of(), List.of());
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
        if (schema != null && !schema.isBlank()) {
          props.setProperty("currentSchema", schema); // SQL rules name tables without a schema; they mean the server's
        }
        return new Opened(connect(new org.postgresql.Driver(), url, props), Dialect.POSTGRES,
            schema == null ? "public" : schema);
      }
      case "duckdb" -> {
        // ODCS names the database file in `database` (and has no `path` for duckdb).
        if (server.database() == null || server.database().isBlank()) {
          throw new ServerError(contract.file() + ": duckdb server " + serverName + " needs database, the path of the"
              + " DuckDB database file");
        }
        Path db = contract.path().toAbsolutePath().getParent().resolve(server.database()).normalize();
        if (!Files.isRegularFile(db)) {
          throw new ServerError(contract.file() + ": the duckdb database " + db + " of server " + serverName
              + " does not exist; check the server's database path (relative paths start at the contract's folder)");
        }
        Properties ro = new Properties();
        ro.setProperty("duckdb.read_only", "true");
        Connection c = connect(new org.duckdb.DuckDBDriver(), "jdbc:duckdb:" + db, ro);
        try {
          if (schema != null && !schema.isBlank()) {
            // SQL rules name tables without a schema; they mean the server's.
            try (Statement st = c.createStatement()) {
              st.execute("SET search_path = " + Dialect.literal(schema));
            }
          }
          lockDown(c, List.of(), List.of());
        } catch (SQLException e) {
          c.close();
          throw e;
        }
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
   * A glob is listed again at each query too, so its {@code directories} stay readable (only them:
   * nothing above them).
   */
  static void lockDown(Connection c, List<String> readable, List<String> directories) throws SQLException {
    try (Statement st = c.createStatement()) {
      if (!readable.isEmpty()) {
        st.execute("SET allowed_paths = [" + readable.stream().map(Dialect::literal).collect(Collectors.joining(", ")) + "]");
      }
      if (!directories.isEmpty()) {
        st.execute("SET allowed_directories = ["
            + directories.stream().map(Dialect::literal).collect(Collectors.joining(", ")) + "]");
      }
      st.execute("SET autoinstall_known_extensions = false");
      st.execute("SET autoload_known_extensions = false");
      st.execute("SET enable_external_access = false");
      st.execute("SET lock_configuration = true");
    }
  }

  /**
   * Files become DuckDB views named after each object, so every check quotes names the same way.
   * A path may be a file, a glob ({@code ./*.csv}: the files are read as one table, columns matched
   * by name), or a directory holding {@code <object>.<format>}. CSV is read as text and JSON as
   * DuckDB reads it; the object's view converts the columns to the contract's logical types.
   */
  private static Opened local(Contract contract, Contract.Server server, String serverName) throws ServerError, SQLException {
    if (server.path() == null) {
      throw new ServerError(contract.file() + ": local server " + serverName + " needs a path");
    }
    String format = (server.format() != null ? server.format() : server.type()).toLowerCase(Locale.ROOT);
    if (!List.of("csv", "parquet", "json").contains(format)) {
      throw new ServerError(contract.file() + ": local server " + serverName + " has format '" + format
          + "'; use csv, parquet or json");
    }
    Path base = contract.path().toAbsolutePath().getParent();
    Connection c = connect(new org.duckdb.DuckDBDriver(), "jdbc:duckdb:", new Properties());
    Map<String, FileTable> converted = new LinkedHashMap<>();
    Map<String, Path> files = new LinkedHashMap<>();
    List<String> read = new ArrayList<>();
    List<String> globbed = new ArrayList<>();
    try (Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA " + RAW);
      for (Contract.SchemaObject o : contract.objects()) {
        String p = server.path().replace("{model}", o.name()).replace("{object}", o.name());
        Path file = base.resolve(p).normalize();
        boolean glob = p.chars().anyMatch(ch -> ch == '*' || ch == '?' || ch == '[');
        if (!glob && Files.isDirectory(file)) {
          file = file.resolve(o.table() + "." + format);
        }
        files.put(o.table(), file);
        if (glob ? !matchesAny(st, file.toString()) : !Files.exists(file)) {
          continue; // the object-exists check reports it, naming the file
        }
        if (glob) {
          globbed.add(globRoot(file).toString());
        } else {
          read.add(file.toString());
        }
        String many = glob ? ", union_by_name = true" : "";
        String reader = switch (format) {
          case "csv" -> "read_csv(" + Dialect.literal(file.toString()) + ", all_varchar = true, header = true" + many + ")";
          case "json" -> "read_json_auto(" + Dialect.literal(file.toString()) + many + ")";
          default -> "read_parquet(" + Dialect.literal(file.toString()) + many + ")";
        };
        if (format.equals("parquet")) {
          st.execute("CREATE VIEW " + Dialect.quote(o.table()) + " AS SELECT * FROM " + reader);
          continue; // Parquet has real types: checked as they are
        }
        String raw = RAW + "." + Dialect.quote(o.table());
        st.execute("CREATE VIEW " + raw + " AS SELECT * FROM " + reader);
        Map<String, String> declared = new LinkedHashMap<>();
        for (Contract.Property prop : o.properties()) {
          if (prop.logicalType() != null) {
            declared.put(prop.column(), prop.logicalType());
          }
        }
        Map<String, String> guessed = new LinkedHashMap<>();
        if (format.equals("csv")) {
          // DuckDB's guess for the columns the contract leaves untyped, from the sample its sniffer reads
          try (ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM read_csv(" + Dialect.literal(file.toString())
              + ", header = true" + many + ")")) {
            while (rs.next()) {
              guessed.put(rs.getString(1), rs.getString(2));
            }
          }
        }
        FileTable ft = new FileTable(raw, declared, guessed);
        List<String> select = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT * FROM " + raw + " WHERE 1 = 0")) {
          ResultSetMetaData md = rs.getMetaData();
          for (int i = 1; i <= md.getColumnCount(); i++) {
            String q = Dialect.quote(md.getColumnName(i));
            select.add(ft.typed(q, md.getColumnName(i)) + " AS " + q);
          }
        }
        st.execute("CREATE VIEW " + Dialect.quote(o.table()) + " AS SELECT " + String.join(", ", select) + " FROM " + raw);
        converted.put(o.table(), ft);
      }
      lockDown(c, read, globbed);
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return new Opened(c, Dialect.DUCKDB, null, files, converted);
  }

  /**
   * Connects through the one driver the server needs. DriverManager would first load every driver
   * on the class path (DuckDB's starts a memory monitor), which a PostgreSQL run has no use for.
   */
  private static Connection connect(java.sql.Driver driver, String url, Properties props) throws SQLException {
    Connection c = driver.connect(url, props);
    if (c == null) {
      throw new SQLException("the driver " + driver.getClass().getName() + " does not accept " + url);
    }
    return c;
  }

  /** The schema holding the files as read, before conversion; not a name a contract's object can take by accident. */
  static final String RAW = "\"whodecides raw\"";

  /** The directory a glob starts from: its longest leading part without a wildcard. */
  private static Path globRoot(Path glob) {
    Path root = glob.getRoot();
    for (Path part : glob) {
      if (part.toString().chars().anyMatch(ch -> ch == '*' || ch == '?' || ch == '[')) {
        break;
      }
      root = root.resolve(part);
    }
    return root;
  }

  private static boolean matchesAny(Statement st, String glob) throws SQLException {
    try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM glob(" + Dialect.literal(glob) + ")")) {
      return rs.next() && rs.getLong(1) > 0;
    }
  }
}
