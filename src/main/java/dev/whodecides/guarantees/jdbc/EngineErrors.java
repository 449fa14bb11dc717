package dev.whodecides.guarantees.jdbc;

import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An engine's error as one line a person can act on. Conversion errors quote the offending value
 * ({@code invalid input syntax for type integer: "abc"}), so those say what kind of failure it was
 * and never the value; the rest keep their first line, which names tables, columns and types.
 */
final class EngineErrors {

  private EngineErrors() {}

  /** DuckDB's error kinds whose text quotes data. */
  private static final List<String> DUCKDB_DATA = List.of("Conversion Error", "Invalid Input Error",
      "Out of Range Error", "Constraint Error", "Mismatch Type Error");
  private static final Pattern CSV_LINE = Pattern.compile("CSV Error on Line: (\\d+)");

  static boolean missingTable(SQLException e) {
    String m = first(e);
    return "42P01".equals(e.getSQLState()) || (m.startsWith("Catalog Error") && m.contains("does not exist"));
  }

  static boolean notAllowed(SQLException e) {
    return "42501".equals(e.getSQLState());
  }

  static boolean timedOut(SQLException e) {
    String m = first(e);
    return "57014".equals(e.getSQLState()) || m.startsWith("INTERRUPT") || m.contains("Interrupted");
  }

  /** What went wrong, without the engine's quotation of data. */
  static String describe(SQLException e, int timeoutSeconds) {
    if (timedOut(e)) {
      return "it ran past the timeout of " + timeoutSeconds + " s (--timeout) and was stopped";
    }
    String m = first(e);
    String state = e.getSQLState();
    String kind = DUCKDB_DATA.stream().filter(m::startsWith).findFirst().orElse(null);
    if ((state != null && state.startsWith("22")) || kind != null) {
      Matcher line = CSV_LINE.matcher(String.valueOf(e.getMessage()));
      return "a value in the data could not be converted or computed ("
          + (kind != null ? "DuckDB " + kind : "SQLSTATE " + state) + ")"
          + (line.find() ? " at line " + line.group(1) + " of the file" : "");
    }
    if (m.isEmpty()) {
      return "the engine gave no reason" + (state == null ? "" : " (SQLSTATE " + state + ")");
    }
    return m.length() > 300 ? m.substring(0, 300) + "..." : m;
  }

  /** The first line, without the driver's own prefixes. */
  private static String first(SQLException e) {
    String m = e.getMessage() == null ? "" : e.getMessage().strip();
    int nl = m.indexOf('\n');
    if (nl >= 0) {
      m = m.substring(0, nl).strip();
    }
    for (String prefix : List.of("java.sql.SQLException: ", "ERROR: ", "FATAL: ")) {
      if (m.startsWith(prefix)) {
        m = m.substring(prefix.length()).strip();
      }
    }
    return m;
  }
}
