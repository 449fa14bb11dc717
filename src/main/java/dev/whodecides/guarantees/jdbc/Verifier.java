package dev.whodecides.guarantees.jdbc;

import dev.whodecides.guarantees.Check.Metric;
import dev.whodecides.guarantees.Check;
import dev.whodecides.guarantees.CheckResult.Outcome;
import dev.whodecides.guarantees.CheckResult;
import dev.whodecides.guarantees.Contract;
import dev.whodecides.guarantees.ContractResult;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Runs a contract's checks over one JDBC connection. Every column metric of a table is one
 * expression in a single aggregate query (one scan); custom SQL and multi-column duplicates run
 * on their own, custom SQL inside a read-only transaction with a statement timeout.
 */
public final class Verifier {

  private final Connection conn;
  private final Dialect dialect;
  private final String schema;
  private final int timeoutSeconds;
  private final Instant now;
  private final Map<String, Path> files;
  private final Map<String, FileTable> converted;
  private String server = "the server";

  public Verifier(Connection conn, Dialect dialect, String schema, int timeoutSeconds) {
    this(conn, dialect, schema, timeoutSeconds, Instant.now(), Map.of(), Map.of());
  }

  /**
   * Verifies over an opened server: a local server's file names appear in messages about missing
   * tables, and the values of its CSV and JSON tables are converted to the contract's types.
   */
  public Verifier(Connections.Opened db, int timeoutSeconds) {
    this(db.connection(), db.dialect(), db.schema(), timeoutSeconds, Instant.now(), db.files(), db.converted());
  }

  private Verifier(Connection conn, Dialect dialect, String schema, int timeoutSeconds, Instant now,
      Map<String, Path> files, Map<String, FileTable> converted) {
    this.conn = conn;
    this.dialect = dialect;
    this.schema = schema == null || schema.isBlank() ? null : schema;
    this.timeoutSeconds = timeoutSeconds;
    this.now = now;
    this.files = files;
    this.converted = converted;
  }

  /** A connection that broke while checks were running; the results so far are kept. */
  static final class ConnectionLost extends Exception {
    ConnectionLost(SQLException cause) {
      super(cause.getMessage(), cause);
    }
  }

  /** Verifies the checks, calling {@code onTable} as each table starts. */
  public ContractResult verify(Contract contract, String server, List<Check> checks, Consumer<String> onTable) {
    this.server = server;
    Map<String, List<Check>> byTable = checks.stream()
        .collect(Collectors.groupingBy(Check::table, LinkedHashMap::new, Collectors.toList()));
    Map<Check, CheckResult> results = new LinkedHashMap<>();
    Map<String, Integer> scans = new LinkedHashMap<>();
    String fatal = null;
    for (var e : byTable.entrySet()) {
      onTable.accept(e.getKey());
      try {
        scans.put(e.getKey(), table(e.getKey(), e.getValue(), results));
      } catch (ConnectionLost lost) {
        fatal = "lost the connection to " + server + " while checking " + e.getKey() + ": " + oneLine(lost.getMessage())
            + "; the results before it are kept";
        break;
      }
    }
    List<CheckResult> ordered = new ArrayList<>();
    for (Check c : checks) {
      CheckResult r = results.get(c);
      ordered.add(r != null ? r : CheckResult.error(c, fatal != null ? "not run: " + fatal : "not run"));
    }
    return new ContractResult(contract.id(), contract.file(), server, ordered, scans, fatal);
  }

  private String qualified(String table) {
    return schema == null ? Dialect.quote(table) : Dialect.quote(schema) + "." + Dialect.quote(table);
  }

  /** Checks one table and returns how many queries scanned it. */
  private int table(String table, List<Check> checks, Map<Check, CheckResult> out) throws ConnectionLost {
    String from = qualified(table);
    FileTable file = converted.get(table);
    // A CSV or JSON table is scanned as read, its values converted inline (see FileTable).
    String scanned = file != null ? file.raw() : from;
    Map<String, String> columns = new LinkedHashMap<>(); // exact name -> type name
    Map<String, int[]> sizes = new LinkedHashMap<>(); // exact name -> precision, scale
    try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + scanned + " WHERE 1 = 0")) {
      ResultSetMetaData md = rs.getMetaData();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        columns.put(md.getColumnName(i), md.getColumnTypeName(i).toLowerCase(Locale.ROOT));
        sizes.put(md.getColumnName(i), new int[] {md.getPrecision(i), md.getScale(i)});
      }
    } catch (SQLException e) {
      lost(e);
      String why = unreadable(table, from, e);
      // Without an object-exists check (an SLA on a table outside the schema) every check fails.
      boolean existence = checks.stream().anyMatch(c -> c.metric() == Metric.OBJECT_EXISTS);
      for (Check c : checks) {
        out.put(c, c.metric() == Metric.OBJECT_EXISTS || !existence
            ? new CheckResult(c, Outcome.FAILED, false, why)
            : CheckResult.error(c, "not measured: " + why));
      }
      return 0;
    }
    // logicalType per column, so a failing measurement can name the declared and the found type
    Map<String, String> declared = new LinkedHashMap<>();
    for (Check c : checks) {
      if (c.metric() == Metric.PROPERTY_TYPE && c.column() != null) {
        declared.put(c.column(), c.text());
      }
    }
    List<Check> aggregate = new ArrayList<>();
    List<Check> separate = new ArrayList<>();
    for (Check c : checks) {
      switch (c.metric()) {
        case OBJECT_EXISTS -> out.put(c, new CheckResult(c, Outcome.PASSED, true, "table " + from + " exists"
            + (files.containsKey(table) ? " (file " + files.get(table) + ")" : "")));
        case PROPERTY_EXISTS -> {
          String col = column(columns, c.column());
          out.put(c, col != null
              ? new CheckResult(c, Outcome.PASSED, true, "column " + Dialect.quote(col) + " exists")
              : new CheckResult(c, Outcome.FAILED, false, "column " + Dialect.quote(c.column()) + " is missing from " + from));
        }
        case PROPERTY_TYPE -> {
          String col = column(columns, c.column());
          if (col == null) {
            out.put(c, CheckResult.error(c, "not measured: column " + Dialect.quote(c.column()) + " is missing"));
          } else if (file != null && file.converts(col)) {
            aggregate.add(c); // counted in the scan: the values that do not convert
          } else {
            out.put(c, typeCheck(c, col, columns.get(col)));
          }
        }
        case PHYSICAL_TYPE -> {
          String col = column(columns, c.column());
          if (col == null) {
            out.put(c, CheckResult.error(c, "not measured: column " + Dialect.quote(c.column()) + " is missing"));
          } else {
            String type = columns.get(col);
            String why = PhysicalTypes.mismatch(c.text(), type, sizes.get(col)[0], sizes.get(col)[1], dialect);
            out.put(c, new CheckResult(c, why == null ? Outcome.PASSED : Outcome.FAILED, type,
                "column " + Dialect.quote(col) + " is " + (why == null ? type : why) + " in the data, "
                    + (why == null ? "its declared physicalType " : "not its declared physicalType ") + c.text()));
          }
        }
        default -> {
          List<String> needed = c.columns() != null ? c.columns() : c.column() == null ? List.of() : List.of(c.column());
          String missing = needed.stream().filter(n -> column(columns, n) == null).findFirst().orElse(null);
          String col = column(columns, c.column());
          if (missing != null) {
            out.put(c, CheckResult.error(c, "not measured: column " + Dialect.quote(missing) + " is missing from " + from));
          } else if ((c.metric() == Metric.NEWEST_AGE || c.metric() == Metric.OLDEST_AGE)
              && !temporalOrText(found(col, columns, file))) {
            out.put(c, CheckResult.error(c, "not measured: " + c.kind() + " needs a date or timestamp column; "
                + typed(col, found(col, columns, file), declared.get(c.column())) + " is neither"));
          } else if (c.metric().sharesScan()
              && !(c.metric() == Metric.PRIMARY_KEY && c.columns() != null && dialect == Dialect.ANSI)) {
            aggregate.add(c);
          } else {
            separate.add(c);
          }
        }
      }
    }
    int scans = 0;
    if (!aggregate.isEmpty()) {
      scans++;
      scan(scanned, file, columns, declared, aggregate, out);
    }
    for (Check c : separate) {
      if (c.metric() == Metric.SQL) {
        scans += custom(from, columns, c, out) ? 1 : 0; // a refused rule reads nothing
      } else {
        scans++;
        duplicateRows(scanned, file, columns, c, out);
      }
    }
    return scans;
  }

  /** A logical type against a column type, nested types included. */
  private static CheckResult typeCheck(Check c, String col, String type) {
    List<String> problems = c.declared() != null ? Types.problems(c.declared(), col, type)
        : Types.compatible(c.text(), type) ? List.of() : List.of(col + ": declared " + c.text() + ", found " + type);
    // what lies inside an array or object is named by its path; the column itself needs no repeating
    List<String> inside = problems.stream().filter(p -> !p.startsWith(col + ": ")).toList();
    return problems.isEmpty()
        ? new CheckResult(c, Outcome.PASSED, type, "column " + Dialect.quote(col) + " is " + type
            + " in the data, which fits its declared logicalType " + c.text())
        : new CheckResult(c, Outcome.FAILED, type, "column " + Dialect.quote(col) + " is " + type
            + " in the data, which does not fit its declared logicalType " + c.text()
            + (inside.isEmpty() ? "" : ": " + String.join("; ", inside)));
  }

  private static String column(Map<String, String> columns, String name) {
    if (name == null) {
      return null;
    }
    if (columns.containsKey(name)) {
      return name;
    }
    return columns.keySet().stream().filter(n -> n.equalsIgnoreCase(name)).findFirst().orElse(null);
  }

  /** The single aggregate query: COUNT(*) first, then one expression per distinct metric. */
  private void scan(String from, FileTable file, Map<String, String> columns, Map<String, String> declared,
      List<Check> checks, Map<Check, CheckResult> out) throws ConnectionLost {
    List<String> exprs = new ArrayList<>();
    exprs.add("COUNT(*)");
    Map<Check, Integer> index = new LinkedHashMap<>();
    for (Check c : checks) {
      String expr = expression(c, columns, file);
      int i = exprs.indexOf(expr);
      if (i < 0) {
        exprs.add(expr);
        i = exprs.size() - 1;
      }
      index.put(c, i);
    }
    String sql = "SELECT " + String.join(", ", exprs) + " FROM " + from;
    try (Statement st = conn.createStatement()) {
      st.setQueryTimeout(timeoutSeconds);
      try (ResultSet rs = st.executeQuery(sql)) {
        rs.next();
        double rows = number(rs.getObject(1));
        for (Check c : checks) {
          out.put(c, c.metric() == Metric.PROPERTY_TYPE
              ? conversions(c, number(rs.getObject(index.get(c) + 1)), rows, columns.get(column(columns, c.column())))
              : judge(c, rs.getObject(index.get(c) + 1), rows));
        }
      }
    } catch (SQLException e) {
      lost(e);
      // One bad expression (a regular expression the engine rejects, a minimum on text) must not
      // hide the others: measure each on its own to find which one it was.
      for (Check c : checks) {
        String one = "SELECT COUNT(*), " + exprs.get(index.get(c)) + " FROM " + from;
        try (Statement st = conn.createStatement()) {
          st.setQueryTimeout(timeoutSeconds);
          try (ResultSet rs = st.executeQuery(one)) {
            rs.next();
            out.put(c, c.metric() == Metric.PROPERTY_TYPE
                ? conversions(c, number(rs.getObject(2)), number(rs.getObject(1)), columns.get(column(columns, c.column())))
                : judge(c, rs.getObject(2), number(rs.getObject(1))));
          }
        } catch (SQLException e2) {
          lost(e2);
          String col = column(columns, c.column());
          out.put(c, CheckResult.error(c, "cannot measure " + c.kind()
              + (col == null ? "" : " on " + typed(col, columns.get(col), declared.get(c.column())))
              + ": " + EngineErrors.describe(e2, timeoutSeconds)));
        }
      }
    }
  }

  /** The aggregate that measures one check; columns of a CSV or JSON table are converted to their declared types. */
  String expression(Check c, Map<String, String> columns, FileTable file) {
    String column = column(columns, c.column());
    String col = column == null ? null : value(column, file);
    String type = found(column, columns, file);
    return switch (c.metric()) {
      case PROPERTY_TYPE -> file.failures(Dialect.quote(column), column);
      case ROW_COUNT -> "COUNT(*)";
      case NULLS -> "COUNT(*) - COUNT(" + col + ")";
      case DUPLICATES -> "COUNT(" + col + ") - COUNT(DISTINCT " + col + ")";
      case PRIMARY_KEY -> {
        if (c.columns() == null) {
          yield "COUNT(*) - COUNT(DISTINCT " + col + ")";
        }
        // A composite key: rows with an empty part, and rows repeating a whole key, both count.
        List<String> parts = c.columns().stream().map(n -> value(column(columns, n), file)).toList();
        String filled = String.join(" AND ", parts.stream().map(p -> p + " IS NOT NULL").toList());
        yield "COUNT(*) - COUNT(DISTINCT CASE WHEN " + filled + " THEN (" + String.join(", ", parts) + ") END)";
      }
      case MISSING -> {
        List<String> lits = literals(c.values());
        yield sum(col + " IS NULL" + (lits.isEmpty() ? "" : " OR " + dialect.text(col) + " IN (" + String.join(", ", lits) + ")"));
      }
      case INVALID_VALUES, NOT_IN_ENUM -> {
        List<String> lits = literals(c.values());
        yield lits.isEmpty() ? "COUNT(" + col + ")"
            : sum(col + " IS NOT NULL AND " + dialect.text(col) + " NOT IN (" + String.join(", ", lits) + ")");
      }
      case INVALID_PATTERN -> sum(col + " IS NOT NULL AND NOT " + dialect.matches(col, c.text()));
      case PATTERN_MISMATCH -> sum(col + " IS NOT NULL AND NOT " + dialect.matches(col, String.valueOf(c.values().get(0))));
      case TOO_SHORT -> sum(dialect.length(col) + " < " + num(c));
      case TOO_LONG -> sum(dialect.length(col) + " > " + num(c));
      case BELOW_MIN -> sum(col + " < " + bound(c, type));
      case ABOVE_MAX -> sum(col + " > " + bound(c, type));
      case NOT_ABOVE -> sum(col + " <= " + bound(c, type));
      case NOT_BELOW -> sum(col + " >= " + bound(c, type));
      case NEWEST_AGE -> age("MAX(" + col + ")");
      case OLDEST_AGE -> age("MIN(" + col + ")");
      default -> throw new IllegalStateException(c.metric() + " does not share a scan");
    };
  }

  /** The type a column's values have as checks see them: converted, for a CSV or JSON table, else as the engine reads them. */
  private static String found(String column, Map<String, String> columns, FileTable file) {
    if (column == null) {
      return null;
    }
    String converted = file == null ? null : file.type(column);
    return converted != null ? converted.toLowerCase(Locale.ROOT) : columns.get(column);
  }

  /** A column as an expression: quoted, and converted to its declared type when it comes from a CSV or JSON file. */
  private static String value(String column, FileTable file) {
    String q = Dialect.quote(column);
    return file == null ? q : file.typed(q, column);
  }

  /** The engine's own age of a timestamp where its dialect computes one, else the timestamp itself. */
  private String age(String timestamp) {
    String millis = dialect.ageMillis(timestamp, now);
    return millis == null ? timestamp : millis;
  }

  private static String sum(String condition) {
    return "SUM(CASE WHEN " + condition + " THEN 1 ELSE 0 END)";
  }

  /** A numeric literal from the contract, rendered from a parsed number: never spliced text. */
  private static String num(Check c) {
    Object v = c.values().get(0);
    return v instanceof Number n ? new BigDecimal(n.toString()).toPlainString() : Dialect.literal(String.valueOf(v));
  }

  /** A minimum or maximum: a number as such, anything else (a date, a timestamp) as the dialect compares it. */
  private String bound(Check c, String type) {
    Object v = c.values().get(0);
    return v instanceof Number ? num(c) : dialect.bound(String.valueOf(v), type);
  }

  private static List<String> literals(List<Object> values) {
    List<String> out = new ArrayList<>();
    if (values != null) {
      for (Object v : values) {
        if (v != null) {
          out.add(Dialect.literal(v.toString()));
        }
      }
    }
    return out;
  }

  /** The type check of a CSV or JSON column: how many of its values do not convert to the declared type. */
  private static CheckResult conversions(Check c, double count, double rows, String found) {
    String column = "column " + Dialect.quote(c.column()) + " (" + found + " as read)";
    return CheckResult.judged(c, count == 0, boxed(count), count == 0
        ? "every value present in " + (long) rows + (rows == 1 ? " row" : " rows") + " of " + column
            + " converts to its declared logicalType " + c.text()
        : (long) count + " values in " + (long) rows + " rows of " + column + " do not convert to its declared"
            + " logicalType " + c.text());
  }

  private CheckResult judge(Check c, Object value, double rows) {
    if ((c.metric() == Metric.NEWEST_AGE || c.metric() == Metric.OLDEST_AGE) && dialect.measuresAge()) {
      if (value == null) {
        return new CheckResult(c, Outcome.FAILED, null, "no values in " + c.target() + " to measure " + c.kind() + " from");
      }
      double age = round(number(value) / 1000.0 / c.unitSeconds());
      boolean ok = c.threshold().test(age);
      return CheckResult.judged(c, ok, age,
          (c.metric() == Metric.NEWEST_AGE ? "newest" : "oldest") + " value is " + Json.num(age) + " "
              + c.threshold().unit() + " old");
    }
    if (c.metric() == Metric.NEWEST_AGE || c.metric() == Metric.OLDEST_AGE) {
      if (value == null) {
        return new CheckResult(c, Outcome.FAILED, null, "no values in " + c.target() + " to measure " + c.kind() + " from");
      }
      Instant t = instant(value);
      if (t == null) {
        // text that is not a date; the value itself stays out of the message
        return CheckResult.error(c, "not measured: " + c.kind() + " needs dates or timestamps, and the text in "
            + c.target() + " does not read as one");
      }
      double age = round((now.getEpochSecond() - t.getEpochSecond()) / c.unitSeconds());
      boolean ok = c.threshold().test(age);
      return CheckResult.judged(c, ok, age,
          (c.metric() == Metric.NEWEST_AGE ? "the newest" : "the oldest") + " value is " + Json.num(age) + " "
              + c.threshold().unit() + " old");
    }
    double count = value == null ? 0 : number(value);
    double observed = c.threshold().percent() ? (rows == 0 ? 0 : round(count * 100.0 / rows)) : count;
    boolean ok = c.threshold().test(observed);
    String what = switch (c.metric()) {
      case ROW_COUNT -> "rows";
      case NULLS -> "null values";
      case MISSING -> "missing values";
      case INVALID_VALUES, INVALID_PATTERN -> "invalid values";
      case DUPLICATES -> "duplicate values";
      case PRIMARY_KEY -> c.columns() == null ? "null or duplicate keys"
          : "rows with an empty or repeated key (" + c.text() + ")";
      case TOO_SHORT -> "values shorter than " + c.text();
      case TOO_LONG -> "values longer than " + c.text();
      case PATTERN_MISMATCH -> "values not matching " + c.text();
      case BELOW_MIN -> "values below " + c.text();
      case ABOVE_MAX -> "values above " + c.text();
      case NOT_ABOVE -> "values not above " + c.text();
      case NOT_BELOW -> "values not below " + c.text();
      case NOT_IN_ENUM -> "values outside " + c.text();
      default -> "";
    };
    String msg = (long) count + " " + what + (c.metric() == Metric.ROW_COUNT ? "" : " in " + (long) rows + " rows")
        + (c.threshold().percent() ? " (" + Json.num(observed) + "%)" : "");
    return CheckResult.judged(c, ok, boxed(observed), msg);
  }

  /** Repeated rows over several columns; for a composite key (in plain ANSI SQL) rows with an empty part count too. */
  private void duplicateRows(String from, FileTable file, Map<String, String> columns, Check c,
      Map<Check, CheckResult> out) throws ConnectionLost {
    List<String> parts = c.columns().stream().map(n -> value(column(columns, n), file)).toList();
    String cols = String.join(", ", parts);
    String filled = c.metric() != Metric.PRIMARY_KEY ? ""
        : " WHERE " + String.join(" AND ", parts.stream().map(p -> p + " IS NOT NULL").toList());
    String sql = "SELECT COUNT(*), COUNT(*) - (SELECT COUNT(*) FROM (SELECT DISTINCT " + cols + " FROM " + from + filled
        + ") d) FROM " + from;
    try (Statement st = conn.createStatement()) {
      st.setQueryTimeout(timeoutSeconds);
      try (ResultSet rs = st.executeQuery(sql)) {
        rs.next();
        out.put(c, judge(c, rs.getObject(2), number(rs.getObject(1))));
      }
    } catch (SQLException e) {
      lost(e);
      out.put(c, CheckResult.error(c, "query failed: " + EngineErrors.describe(e, timeoutSeconds)));
    }
  }

  /**
   * A contract's own SQL: placeholders become quoted names, then {@link SqlGuard} decides whether it
   * may run at all; it runs read-only, with a statement timeout. Returns whether it was sent.
   */
  private boolean custom(String from, Map<String, String> columns, Check c, Map<Check, CheckResult> out)
      throws ConnectionLost {
    String sql = c.text().strip();
    while (sql.endsWith(";")) {
      sql = sql.substring(0, sql.length() - 1).strip();
    }
    String col = c.column() == null ? null : column(columns, c.column());
    sql = Placeholders.fill(sql, from, c.column() == null ? null : Dialect.quote(col == null ? c.column() : col),
        schema == null ? null : Dialect.quote(schema));
    // Checked after the placeholders are replaced, so the text judged is the text that would run.
    Optional<String> refused = SqlGuard.refusal(sql);
    if (refused.isPresent()) {
      out.put(c, refusal(c, refused.get()));
      return false;
    }
    boolean auto = true;
    try {
      auto = conn.getAutoCommit();
      conn.setAutoCommit(false);
      try {
        conn.setReadOnly(true);
      } catch (SQLException ignored) {
        // an engine without read-only transactions still gets the rollback below
      }
      try (Statement st = conn.createStatement()) {
        if (dialect == Dialect.POSTGRES) {
          st.execute("SET TRANSACTION READ ONLY");
          st.execute("SET LOCAL statement_timeout = " + (timeoutSeconds * 1000L));
          // the rule's backslashes then mean what the parser took them to mean
          st.execute("SET LOCAL standard_conforming_strings = on");
        }
        Optional<String> engine = SqlGuard.engineRefusal(conn, dialect, sql);
        if (engine.isPresent()) {
          out.put(c, refusal(c, engine.get()));
          return false;
        }
        st.setQueryTimeout(timeoutSeconds);
        st.setEscapeProcessing(false); // a JDBC {fn ...} or {call ...} escape would rewrite the checked text
        try (ResultSet rs = st.executeQuery(sql)) {
          if (!rs.next()) {
            out.put(c, CheckResult.error(c, "the query returned no row"));
          } else {
            Object v = rs.getObject(1);
            Double d = v instanceof Number n ? Double.valueOf(n.doubleValue()) : v instanceof String text ? parsed(text)
                : v instanceof Boolean b ? Double.valueOf(b ? 1 : 0) : null; // a yes-or-no query: mustBe: true
            if (d == null) {
              // what the value was stays out of the message: it is the data
              String type = rs.getMetaData().getColumnTypeName(1).toLowerCase(Locale.ROOT);
              out.put(c, CheckResult.error(c, v == null ? "the query returned NULL, not a number"
                  : "the query's first column is " + type + (v instanceof String ? " that does not read as a number" : "")
                      + "; make the rule return a count or another number"));
            } else {
              boolean ok = c.threshold().test(d);
              out.put(c, CheckResult.judged(c, ok, v instanceof Boolean ? v : boxed(d),
                  "query returned " + (v instanceof Boolean ? v : Json.num(d))));
            }
          }
        }
      } finally {
        conn.rollback();
        try {
          conn.setReadOnly(false);
        } catch (SQLException ignored) {
          // see above
        }
        conn.setAutoCommit(auto);
      }
    } catch (SQLException e) {
      lost(e);
      String by = engineRefused(e);
      if (by != null) {
        out.put(c, new CheckResult(c, Outcome.FAILED, null, by));
        return true;
      }
      out.put(c, CheckResult.error(c, "query failed: " + EngineErrors.describe(e, timeoutSeconds)));
    }
    return true;
  }

  /** Why a table could not be read, naming the file or table and the server. */
  private String unreadable(String table, String from, SQLException e) {
    Path file = files.get(table);
    if (file != null) {
      return java.nio.file.Files.exists(file)
          ? "file " + file + " of server " + server + " cannot be read: " + EngineErrors.describe(e, timeoutSeconds)
          : "file " + file + " of server " + server + " does not exist";
    }
    if (EngineErrors.missingTable(e)) {
      return "table " + from + " does not exist on server " + server;
    }
    if (EngineErrors.notAllowed(e)) {
      return "the role may not read table " + from + " on server " + server;
    }
    return "table " + from + " on server " + server + " cannot be read: " + EngineErrors.describe(e, timeoutSeconds);
  }

  /** {@code column "x" (varchar in the data, declared logicalType integer)}. */
  private static String typed(String column, String found, String declared) {
    return "column " + Dialect.quote(column) + " (" + found + " in the data"
        + (declared == null ? "" : ", declared logicalType " + declared) + ")";
  }

  /** Whether an age can be measured on the column: dates and timestamps, or text holding them. */
  private static boolean temporalOrText(String type) {
    return type == null || type.contains("date") || type.contains("time") || Types.compatible("string", type);
  }

  private static Double parsed(String text) {
    try {
      return Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static CheckResult refusal(Check c, String why) {
    return new CheckResult(c, Outcome.FAILED, null, "refused: " + why + "; the rule was not run");
  }

  /** The engine's own lock stopped the rule: a refusal like the guard's, so the check fails. */
  private String engineRefused(SQLException e) {
    String m = String.valueOf(e.getMessage());
    if (dialect == Dialect.DUCKDB && m.contains("Permission Error")) {
      return "refused by DuckDB: the rule reaches a file, extension or setting the contract does not name";
    }
    if ("25006".equals(e.getSQLState())) {
      return "refused by PostgreSQL: the rule tries to change something inside the read-only transaction";
    }
    return null;
  }

  /** Rethrows as {@link ConnectionLost} when the connection itself is gone. */
  private void lost(SQLException e) throws ConnectionLost {
    String state = e.getSQLState();
    boolean closed;
    try {
      closed = conn.isClosed();
    } catch (SQLException x) {
      closed = true;
    }
    if (closed || (state != null && (state.startsWith("08") || state.equals("57P01")))) {
      throw new ConnectionLost(e);
    }
  }

  static String oneLine(String s) {
    return s == null ? "" : s.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining(" "));
  }

  private static double number(Object o) {
    if (o instanceof Number n) {
      return n.doubleValue();
    }
    if (o instanceof Boolean b) {
      return b ? 1 : 0;
    }
    return o == null ? 0 : Double.parseDouble(o.toString().strip());
  }

  private static Object boxed(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : (Object) d;
  }

  private static double round(double d) {
    return Math.round(d * 100) / 100.0;
  }

  private static Instant instant(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof Timestamp t) {
      return t.toInstant();
    }
    if (v instanceof Date d) {
      return d.toLocalDate().atStartOfDay(ZoneId.systemDefault()).toInstant();
    }
    if (v instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (v instanceof LocalDateTime l) {
      return l.atZone(ZoneId.systemDefault()).toInstant();
    }
    if (v instanceof LocalDate d) {
      return d.atStartOfDay(ZoneId.systemDefault()).toInstant();
    }
    if (v instanceof java.util.Date d) {
      return d.toInstant();
    }
    // Text, as a CSV column the contract gives no type holds: a timestamp with or without offset, or a date.
    String text = v.toString().strip().replace(' ', 'T');
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (RuntimeException e) {
      // try the forms without an offset
    }
    try {
      return LocalDateTime.parse(text).atZone(ZoneId.systemDefault()).toInstant();
    } catch (RuntimeException e) {
      // try a date
    }
    try {
      return LocalDate.parse(text).atStartOfDay(ZoneId.systemDefault()).toInstant();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Number formatting for messages. */
  static final class Json {
    static String num(double d) {
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
  }
}
