package dev.whodecides.guarantees.jdbc;

import java.util.Locale;

/** The SQL differences whodecides needs between engines: regular expressions and text length. */
public enum Dialect {
  POSTGRES, DUCKDB, ANSI;

  public static Dialect ofUrl(String url) {
    String u = url.toLowerCase(Locale.ROOT);
    return u.startsWith("jdbc:postgresql:") ? POSTGRES : u.startsWith("jdbc:duckdb:") ? DUCKDB : ANSI;
  }

  /** An identifier, always quoted, with embedded quotes doubled: never spliced text. */
  public static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  /** A string literal with embedded single quotes doubled. */
  public static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /** A condition true when {@code expr} matches the regular expression. */
  String matches(String expr, String regex) {
    return switch (this) {
      case POSTGRES -> "CAST(" + expr + " AS TEXT) ~ " + literal(regex);
      case DUCKDB -> "regexp_matches(CAST(" + expr + " AS VARCHAR), " + literal(regex) + ")";
      case ANSI -> "REGEXP_LIKE(CAST(" + expr + " AS VARCHAR(65535)), " + literal(regex) + ")";
    };
  }

  String length(String expr) {
    return this == ANSI ? "CHAR_LENGTH(CAST(" + expr + " AS VARCHAR(65535)))" : "LENGTH(CAST(" + expr + " AS VARCHAR))";
  }

  String text(String expr) {
    return this == ANSI ? "CAST(" + expr + " AS VARCHAR(65535))" : "CAST(" + expr + " AS VARCHAR)";
  }
}
