package dev.whodecides.guarantees.jdbc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The SQL differences whodecides needs between engines: regular expressions, text length, and how
 * old a timestamp is.
 */
public enum Dialect {
  POSTGRES, DUCKDB,
  /** Trino and the engines that speak its SQL (Starburst, Athena engine version 3). */
  TRINO,
  ANSI;

  private static final Pattern TEMPORAL =
      Pattern.compile("(date|time|timestamp)(\\(\\d+\\))?( with time zone)?", Pattern.CASE_INSENSITIVE);
  private static final DateTimeFormatter UTC_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter LOCAL_MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT);
  private static final DateTimeFormatter UTC_MICROS = LOCAL_MICROS.withZone(ZoneOffset.UTC);

  public static Dialect ofUrl(String url) {
    String u = url.toLowerCase(Locale.ROOT);
    if (u.startsWith("jdbc:postgresql:")) {
      return POSTGRES;
    }
    if (u.startsWith("jdbc:duckdb:")) {
      return DUCKDB;
    }
    // Starburst ships Trino's driver; Athena's drivers (v2 awsathena, v3 athena) front Trino's SQL.
    if (u.startsWith("jdbc:trino:") || u.startsWith("jdbc:awsathena:") || u.startsWith("jdbc:athena:")) {
      return TRINO;
    }
    return ANSI;
  }

  /**
   * An identifier, always quoted, with embedded quotes doubled: never spliced text. Double quotes
   * are the standard's and every dialect here reads them (Trino folds them to lower case).
   */
  public static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  /** A string literal with embedded single quotes doubled. */
  public static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /** A condition true when {@code expr} contains a match of the regular expression. */
  String matches(String expr, String regex) {
    return switch (this) {
      case POSTGRES -> "CAST(" + expr + " AS TEXT) ~ " + literal(regex);
      case DUCKDB -> "regexp_matches(CAST(" + expr + " AS VARCHAR), " + literal(regex) + ")";
      case TRINO -> "regexp_like(CAST(" + expr + " AS VARCHAR), " + literal(regex) + ")";
      case ANSI -> "REGEXP_LIKE(CAST(" + expr + " AS VARCHAR(65535)), " + literal(regex) + ")";
    };
  }

  /** The length in characters of {@code expr} as text. */
  String length(String expr) {
    return switch (this) {
      case ANSI -> "CHAR_LENGTH(CAST(" + expr + " AS VARCHAR(65535)))";
      case TRINO -> "length(CAST(" + expr + " AS VARCHAR))";
      default -> "LENGTH(CAST(" + expr + " AS VARCHAR))";
    };
  }

  /**
   * A bound from the contract, written as text, for a column of {@code columnType} (as the engine
   * names it). Trino compares a date or timestamp only with a date or timestamp, and reads neither
   * from ISO 8601 text with its {@code T} and {@code Z}; so there an ISO date or time becomes a
   * typed literal rendered from the parsed value (an instant in UTC when the text has an offset),
   * and other text is cast to the column's type. The other engines convert a plain literal themselves.
   */
  String bound(String text, String columnType) {
    if (this != TRINO || columnType == null || !TEMPORAL.matcher(columnType).matches()) {
      return literal(text);
    }
    String t = text.strip();
    try {
      return "TIMESTAMP '" + UTC_MICROS.format(OffsetDateTime.parse(t.replace(' ', 'T')).toInstant()) + " UTC'";
    } catch (DateTimeParseException notWithOffset) {
      // next form
    }
    try {
      return "TIMESTAMP '" + LOCAL_MICROS.format(LocalDateTime.parse(t.replace(' ', 'T'))) + "'";
    } catch (DateTimeParseException notLocal) {
      // next form
    }
    try {
      return "DATE '" + LocalDate.parse(t) + "'";
    } catch (DateTimeParseException notDate) {
      return "CAST(" + literal(text) + " AS " + columnType + ")";
    }
  }

  String text(String expr) {
    return this == ANSI ? "CAST(" + expr + " AS VARCHAR(65535))" : "CAST(" + expr + " AS VARCHAR)";
  }

  /** Whether the engine computes ages itself ({@link #ageMillis}). */
  boolean measuresAge() {
    return this == TRINO;
  }

  /**
   * Milliseconds from the timestamp {@code expr} to {@code now}, computed by the engine with
   * interval arithmetic; null where whodecides reads the timestamp and subtracts it itself.
   * The engine knows its own types (dates, timestamps with or without a zone, any precision), so
   * nothing is lost converting values through the driver. A timestamp without a zone is read in
   * the session's zone, which Trino's driver sets to the JVM's, as the other dialects do.
   */
  String ageMillis(String expr, Instant now) {
    return measuresAge() ? "to_milliseconds(TIMESTAMP '" + UTC_MILLIS.format(now) + " UTC' - " + expr + ")" : null;
  }
}
