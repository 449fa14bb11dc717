package dev.whodecides.guarantees.jdbc;

import java.util.List;
import java.util.Locale;

/** Whether a database column type can hold an ODCS logical type. */
final class Types {

  private Types() {}

  private static final List<String> TEXT = List.of("char", "text", "string", "clob", "uuid", "enum", "name", "citext");
  private static final List<String> INTEGER = List.of("int", "serial", "long", "short", "byte", "number", "numeric", "decimal");
  private static final List<String> NUMBER = List.of("int", "serial", "numeric", "decimal", "number", "float", "double",
      "real", "money");
  private static final List<String> DATE = List.of("date", "timestamp");
  private static final List<String> TIMESTAMP = List.of("timestamp", "datetime", "date", "time");

  static boolean compatible(String logicalType, String dbType) {
    String t = dbType.toLowerCase(Locale.ROOT);
    List<String> ok = switch (logicalType.toLowerCase(Locale.ROOT)) {
      case "string" -> TEXT;
      case "integer", "long" -> INTEGER;
      case "number", "double", "float", "decimal" -> NUMBER;
      case "boolean" -> List.of("bool", "bit");
      case "date" -> DATE;
      case "timestamp", "time" -> TIMESTAMP;
      default -> null; // object, array and the like: the engine's representation varies too much to judge
    };
    return ok == null || ok.stream().anyMatch(t::contains);
  }
}
