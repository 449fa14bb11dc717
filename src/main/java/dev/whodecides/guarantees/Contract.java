package dev.whodecides.guarantees;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An ODCS contract reduced to what verification needs: where the data lives and what it promises. */
public record Contract(
    String id,
    String file,
    Path path,
    List<Server> servers,
    List<SchemaObject> objects,
    List<Map<String, Object>> slaProperties,
    String slaDefaultElement) {

  /** One entry of {@code servers}. {@code catalog} is Trino's (and Databricks') level above the schema. */
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

  /** One column. {@code required}/{@code unique} also come from the older isNullable/isUnique. */
  public record Property(String name, String physicalName, String logicalType, String physicalType,
      boolean required, boolean unique, boolean primaryKey, Map<String, Object> options,
      List<Map<String, Object>> quality) {

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
}
