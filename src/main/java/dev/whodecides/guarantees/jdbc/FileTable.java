package dev.whodecides.guarantees.jdbc;

import java.util.Locale;
import java.util.Map;

/**
 * A table read from CSV or JSON files. {@code raw} is the relation with the values as read (CSV:
 * all text; JSON: as DuckDB reads JSON); the table's own name is a view of the same rows converted
 * to the contract's logical types, which is what SQL rules see. Checks scan {@code raw} once and
 * convert inline, so that the same scan also counts the values that do not convert. A column the
 * contract gives no type keeps the type DuckDB guesses for it ({@code guessed}, CSV only).
 */
public record FileTable(String raw, Map<String, String> logicalTypes, Map<String, String> guessed) {

  /** The DuckDB type a logical type converts to; null for string and for what is not a scalar. */
  static String target(String logicalType) {
    if (logicalType == null) {
      return null;
    }
    return switch (logicalType.toLowerCase(Locale.ROOT)) {
      case "integer", "long" -> "BIGINT";
      case "number", "double", "float", "decimal" -> "DOUBLE";
      case "boolean" -> "BOOLEAN";
      case "date" -> "DATE";
      case "timestamp" -> "TIMESTAMP";
      case "time" -> "TIME";
      default -> null;
    };
  }

  /** The logical type declared for a column (matched case-insensitively), or null. */
  String logicalType(String column) {
    String t = logicalTypes.get(column);
    if (t != null) {
      return t;
    }
    return logicalTypes.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(column)).map(Map.Entry::getValue)
        .findFirst().orElse(null);
  }

  /** The SQL of a quoted raw column converted to its declared type (the column itself when nothing converts). */
  String typed(String quotedColumn, String column) {
    String target = type(column);
    return target == null ? quotedColumn : "TRY_CAST(" + quotedColumn + " AS " + target + ")";
  }

  /** The DuckDB type a column is converted to: its declared logical type's, else DuckDB's guess; null for none. */
  String type(String column) {
    String declared = logicalType(column);
    if (declared != null) {
      return target(declared);
    }
    String guess = guessed.get(column);
    return guess == null || guess.equalsIgnoreCase("VARCHAR") ? null : guess;
  }

  /** Counts the values of a column that are present but do not convert to the declared type. */
  String failures(String quotedColumn, String column) {
    String target = target(logicalType(column));
    if (target == null) {
      return "0";
    }
    String converted = "TRY_CAST(" + quotedColumn + " AS " + target + ")";
    String bad = quotedColumn + " IS NOT NULL AND (" + converted + " IS NULL"
        // DuckDB rounds 12.5 to an integer 13; a whole number must come back as itself.
        + (target.equals("BIGINT") ? " OR TRY_CAST(" + quotedColumn + " AS DOUBLE) <> " + converted : "") + ")";
    return "SUM(CASE WHEN " + bad + " THEN 1 ELSE 0 END)";
  }

  /** Whether the column's declared type is one values are converted to. */
  boolean converts(String column) {
    return target(logicalType(column)) != null || "string".equalsIgnoreCase(logicalType(column));
  }
}
