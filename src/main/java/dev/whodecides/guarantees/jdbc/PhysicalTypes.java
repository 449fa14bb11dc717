package dev.whodecides.guarantees.jdbc;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a column's native type is the {@code physicalType} a contract declares. Spellings of one
 * type are the same type ({@code int} and {@code int4}, {@code decimal} and {@code numeric}); a length,
 * precision or scale counts only when the contract declares it; a declared {@code timestamp} also
 * accepts a column with a time zone, since contracts are rarely written at that level.
 */
final class PhysicalTypes {

  private PhysicalTypes() {}

  private static final Pattern DECLARED = Pattern.compile("\\s*([a-zA-Z][a-zA-Z0-9_ ]*?)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?\\s*");

  private static final Map<String, String> COMMON = Map.ofEntries(
      Map.entry("int", "integer"), Map.entry("int4", "integer"), Map.entry("integer", "integer"),
      Map.entry("signed", "integer"), Map.entry("serial", "integer"),
      Map.entry("bigint", "bigint"), Map.entry("int8", "bigint"), Map.entry("long", "bigint"),
      Map.entry("bigserial", "bigint"),
      Map.entry("smallint", "smallint"), Map.entry("int2", "smallint"), Map.entry("short", "smallint"),
      Map.entry("tinyint", "tinyint"), Map.entry("int1", "tinyint"),
      Map.entry("hugeint", "hugeint"), Map.entry("int128", "hugeint"),
      Map.entry("bool", "boolean"), Map.entry("boolean", "boolean"), Map.entry("logical", "boolean"),
      Map.entry("numeric", "numeric"), Map.entry("decimal", "numeric"),
      Map.entry("double", "double"), Map.entry("double precision", "double"), Map.entry("float8", "double"),
      Map.entry("real", "real"), Map.entry("float4", "real"),
      Map.entry("varchar", "varchar"), Map.entry("character varying", "varchar"),
      Map.entry("char", "char"), Map.entry("character", "char"), Map.entry("bpchar", "char"),
      Map.entry("text", "text"),
      Map.entry("date", "date"),
      Map.entry("time", "time"), Map.entry("time without time zone", "time"),
      Map.entry("timetz", "timetz"), Map.entry("time with time zone", "timetz"),
      Map.entry("timestamp", "timestamp"), Map.entry("timestamp without time zone", "timestamp"),
      Map.entry("datetime", "timestamp"),
      Map.entry("timestamptz", "timestamptz"), Map.entry("timestamp with time zone", "timestamptz"),
      Map.entry("uuid", "uuid"), Map.entry("json", "json"), Map.entry("jsonb", "jsonb"),
      Map.entry("bytea", "blob"), Map.entry("blob", "blob"), Map.entry("varbinary", "blob"),
      Map.entry("binary", "blob"), Map.entry("interval", "interval"));

  /** Null when {@code actual} is the declared type, else the type found, with its size when that is what differs. */
  static String mismatch(String declared, String actual, int precision, int scale, Dialect dialect) {
    Matcher d = DECLARED.matcher(declared);
    Matcher a = DECLARED.matcher(actual);
    if (!d.matches()) {
      return null; // a nested or engine-specific declaration this check cannot read; the logical type covers it
    }
    String want = canonical(d.group(1), dialect);
    String have = a.matches() ? canonical(a.group(1), dialect) : actual.toLowerCase(Locale.ROOT);
    boolean same = want.equals(have) || (want.equals("timestamp") && have.equals("timestamptz"));
    if (!same) {
      return actual;
    }
    if (d.group(2) != null) {
      // The engine reports size in the type name (DuckDB's DECIMAL(10,2)) or through the driver.
      int p = a.matches() && a.group(2) != null ? Integer.parseInt(a.group(2)) : precision;
      int s = a.matches() && a.group(3) != null ? Integer.parseInt(a.group(3)) : scale;
      int wantP = Integer.parseInt(d.group(2));
      int wantS = d.group(3) == null ? (want.equals("numeric") ? 0 : -1) : Integer.parseInt(d.group(3));
      if (p != wantP || (wantS >= 0 && s != wantS)) {
        return actual + describeSize(p, want.equals("numeric") ? s : -1);
      }
    }
    return null;
  }

  private static String describeSize(int p, int s) {
    return p <= 0 ? "" : "(" + p + (s >= 0 ? "," + s : "") + ")";
  }

  private static String canonical(String name, Dialect dialect) {
    String n = name.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    if (dialect == Dialect.DUCKDB) {
      // In DuckDB text, string and char are all VARCHAR, and float is a 4-byte REAL.
      if (List.of("text", "string", "char", "character", "bpchar", "nvarchar").contains(n)) {
        return "varchar";
      }
      if (n.equals("float")) {
        return "real";
      }
    }
    if (dialect == Dialect.POSTGRES && n.equals("float")) {
      return "double";
    }
    return COMMON.getOrDefault(n, n);
  }
}
