package dev.whodecides.guarantees.jdbc;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names a contract's SQL rule may leave to the verifier: {@code ${table}} or {@code {object}}
 * for the object's table, {@code ${column}} or {@code {property}} for the rule's column,
 * {@code ${schema}} for the server's schema. ODCS's own example writes {@code ${table}} and
 * {@code ${column}}; datacontract-cli's contracts also write {@code {model}} and {@code {field}}.
 * Each becomes a quoted identifier, never spliced text from the data.
 */
final class Placeholders {

  private static final Pattern NAME = Pattern.compile("\\$?\\{(table|object|model|column|property|field|schema)}");

  private Placeholders() {}

  /** {@code sql} with every placeholder replaced; one without a value (no column, no schema) is left as written. */
  static String fill(String sql, String table, String column, String schema) {
    Matcher m = NAME.matcher(sql);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      String value = switch (m.group(1)) {
        case "table", "object", "model" -> table;
        case "column", "property", "field" -> column;
        default -> schema;
      };
      m.appendReplacement(b, Matcher.quoteReplacement(value == null ? m.group() : value));
    }
    m.appendTail(b);
    return b.toString();
  }
}
