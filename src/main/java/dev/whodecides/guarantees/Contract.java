package dev.whodecides.guarantees;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An ODCS contract reduced to what verification needs: where the data lives and what it promises.
 * {@code lines} maps JSON pointers of the contract ({@code /schema/0/quality/1}) to their line, so
 * that what is said about a field can name its line; {@code notices} are what was accepted but
 * deserves a word (an extension of the standard that was ignored).
 */
public record Contract(
    String id,
    String file,
    Path path,
    List<Server> servers,
    List<SchemaObject> objects,
    List<Map<String, Object>> slaProperties,
    String slaDefaultElement,
    Map<String, Integer> lines,
    List<String> notices) {

  /**
   * One entry of {@code servers}. For duckdb, {@code database} is the path of the database file;
   * {@code catalog} is Trino's (and Databricks') level above the schema.
   */
  public record Server(String name, String type, String host, Integer port, String database, String schema,
      String path, String format, String catalog) {

    public Server(String name, String type, String host, Integer port, String database, String schema, String path,
        String format) {
      this(name, type, host, port, database, schema, path, format, null);
    }
  }

  /** One entry of {@code schema}: a table, view or file. */
  public record SchemaObject(String name, String physicalName, List<Property> properties,
      List<Map<String, Object>> quality) {

    /** The name the data source knows the object by. */
    public String table() {
      return physicalName != null && !physicalName.isBlank() ? physicalName : name;
    }
  }

  /**
   * One column, or a nested element of one: {@code items} is what an array holds, {@code fields}
   * what an object holds. {@code required}/{@code unique} also come from the older isNullable/isUnique.
   */
  public record Property(String name, String physicalName, String logicalType, String physicalType,
      boolean required, boolean unique, boolean primaryKey, Integer primaryKeyPosition, Map<String, Object> options,
      List<Map<String, Object>> quality, Property items, List<Property> fields) {

    public String column() {
      return physicalName != null && !physicalName.isBlank() ? physicalName : name;
    }
  }

  /** The server named {@code name}, or the first one when name is null. */
  public Optional<Server> server(String name) {
    if (name == null) {
      return servers.stream().findFirst();
    }
    return servers.stream().filter(s -> name.equals(s.name())).findFirst();
  }

  /** The line of a JSON pointer, or of its nearest enclosing field; 1 when unknown. */
  public int line(String pointer) {
    String p = pointer;
    while (true) {
      Integer l = lines.get(p);
      if (l != null) {
        return l;
      }
      int cut = p.lastIndexOf('/');
      if (cut < 0) {
        return 1;
      }
      p = p.substring(0, cut);
    }
  }

  /** {@code file:line} of a JSON pointer, for messages. */
  public String at(String pointer) {
    return file + ":" + line(pointer);
  }
}
