package dev.whodecides.guarantees.jdbc;

import dev.whodecides.guarantees.Contract;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether a database column type can hold an ODCS logical type, nested types included: an array's
 * items and an object's properties are checked against the engine's list and struct types
 * (DuckDB's {@code BIGINT[]} and {@code STRUCT(a INTEGER, b VARCHAR)}, PostgreSQL's {@code _int8}).
 */
final class Types {

  private Types() {}

  private static final List<String> TEXT = List.of("char", "text", "string", "clob", "uuid", "enum", "name", "citext");
  private static final List<String> INTEGER = List.of("int", "serial", "long", "short", "byte", "number", "numeric", "decimal");
  private static final List<String> NUMBER = List.of("int", "serial", "numeric", "decimal", "number", "float", "double",
      "real", "money");
  private static final List<String> DATE = List.of("date", "timestamp");
  private static final List<String> TIMESTAMP = List.of("timestamp", "datetime", "date", "time");
  /** Types whose content is typed per value, so nothing nested can be checked from the column type. */
  private static final List<String> DYNAMIC = List.of("json", "jsonb", "variant", "any", "union", "record", "hstore");

  /** Whether a scalar column type can hold {@code logicalType}; object and array are judged by {@link #problems}. */
  static boolean compatible(String logicalType, String dbType) {
    String t = dbType.toLowerCase(Locale.ROOT);
    List<String> ok = switch (logicalType.toLowerCase(Locale.ROOT)) {
      case "string" -> TEXT;
      case "integer", "long" -> INTEGER;
      case "number", "double", "float", "decimal" -> NUMBER;
      case "boolean" -> List.of("bool", "bit");
      case "date" -> DATE;
      case "timestamp", "time" -> TIMESTAMP;
      default -> null;
    };
    return ok == null || ok.stream().anyMatch(t::contains);
  }

  /**
   * What in column type {@code dbType} does not hold {@code declared}, one entry per place, each
   * naming its path ({@code tags[].foo}); empty when it does.
   */
  static List<String> problems(Contract.Property declared, String column, String dbType) {
    List<String> out = new ArrayList<>();
    check(declared, parse(dbType.strip()), column, out);
    return out;
  }

  private static void check(Contract.Property declared, Node node, String path, List<String> out) {
    String logical = declared.logicalType() == null ? null : declared.logicalType().toLowerCase(Locale.ROOT);
    if (node.dynamic()) {
      return;
    }
    if ("array".equals(logical)) {
      if (node.element == null) {
        out.add(path + ": declared array, found " + node.text);
      } else if (declared.items() != null) {
        check(declared.items(), node.element, path + "[]", out);
      }
      return;
    }
    if ("object".equals(logical)) {
      if (node.element != null || (node.fields == null && !node.map)) {
        out.add(path + ": declared object, found " + node.text);
      } else if (node.fields != null) {
        for (Contract.Property f : declared.fields()) {
          Node child = node.field(f.column());
          if (child == null) {
            out.add(path + "." + f.column() + ": declared, but the column's type has no such field");
          } else {
            check(f, child, path + "." + f.column(), out);
          }
        }
      }
      return;
    }
    if (logical == null) {
      return;
    }
    if (node.element != null || node.fields != null || node.map) {
      out.add(path + ": declared " + declared.logicalType() + ", found " + node.text);
    } else if (!compatible(logical, node.text)) {
      out.add(path + ": declared " + declared.logicalType() + ", found " + node.text);
    }
  }

  /** A parsed column type: a scalar, a list of {@code element}, a struct of {@code fields}, or a map. */
  private record Node(String text, Node element, Map<String, Node> fields, boolean map) {

    boolean dynamic() {
      String t = text.toLowerCase(Locale.ROOT);
      return element == null && fields == null && !map && DYNAMIC.stream().anyMatch(t::startsWith);
    }

    Node field(String name) {
      Node n = fields.get(name);
      if (n != null) {
        return n;
      }
      return fields.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
          .findFirst().orElse(null);
    }
  }

  static Node parse(String type) {
    String t = type.strip();
    if (t.endsWith("]")) {
      int open = t.lastIndexOf('[');
      if (open > 0) {
        return new Node(t, parse(t.substring(0, open)), null, false);
      }
    }
    if (t.startsWith("_") && t.length() > 1) {
      return new Node(t, parse(t.substring(1)), null, false); // PostgreSQL's name of an array type
    }
    String upper = t.toUpperCase(Locale.ROOT);
    if (upper.startsWith("STRUCT(") && t.endsWith(")")) {
      Map<String, Node> fields = new LinkedHashMap<>();
      for (String part : split(t.substring(7, t.length() - 1))) {
        String p = part.strip();
        String name;
        String rest;
        if (p.startsWith("\"")) {
          int end = p.indexOf('"', 1);
          while (end > 0 && end + 1 < p.length() && p.charAt(end + 1) == '"') {
            end = p.indexOf('"', end + 2);
          }
          name = p.substring(1, end).replace("\"\"", "\"");
          rest = p.substring(end + 1);
        } else {
          int sp = p.indexOf(' ');
          name = sp < 0 ? p : p.substring(0, sp);
          rest = sp < 0 ? "" : p.substring(sp);
        }
        fields.put(name, parse(rest));
      }
      return new Node(t, null, fields, false);
    }
    if (upper.startsWith("MAP(")) {
      return new Node(t, null, null, true);
    }
    return new Node(t, null, null, false);
  }

  /** Splits on commas outside parentheses and quotes. */
  private static List<String> split(String s) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        depth++;
      } else if (!quoted && c == ')') {
        depth--;
      } else if (!quoted && depth == 0 && c == ',') {
        out.add(s.substring(start, i));
        start = i + 1;
      }
    }
    out.add(s.substring(start));
    return out;
  }
}
