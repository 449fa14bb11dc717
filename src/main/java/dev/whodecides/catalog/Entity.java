package dev.whodecides.catalog;

import dev.whodecides.vocabulary.EntityRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One catalog document: its envelope, its spec as plain YAML values, and where it was written.
 * Values are what SnakeYAML gives for YAML: maps, lists, strings, numbers, booleans.
 */
public record Entity(
    String apiVersion,
    String kind,
    EntityRef ref,
    Map<String, Object> metadata,
    Map<String, Object> spec,
    String file,
    int line,
    int column) {

  public String name() {
    return ref.name();
  }

  /**
   * The name to show a person: a profile's displayName (how a User or Group calls itself), else
   * metadata.title, else the entity's name. Every view uses this one order.
   */
  public String displayName() {
    if (spec.get("profile") instanceof Map<?, ?> p && p.get("displayName") instanceof String s && !s.isBlank()) {
      return s;
    }
    String title = title();
    return title != null && !title.isBlank() ? title : name();
  }

  public String title() {
    Object t = metadata.get("title");
    return t == null ? null : t.toString();
  }

  @SuppressWarnings("unchecked")
  public Map<String, Object> annotations() {
    Object a = metadata.get("annotations");
    return a instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  public String annotation(String key) {
    Object v = annotations().get(key);
    return v == null ? null : v.toString();
  }

  /** A spec field read as text, or null when absent or not a scalar. */
  public String text(String field) {
    Object v = spec.get(field);
    if (v == null || v instanceof Map || v instanceof List) {
      return null;
    }
    return v.toString();
  }

  /** A spec field read as a list of texts; a single scalar counts as a list of one. */
  public List<String> texts(String field) {
    Object v = spec.get(field);
    if (v == null) {
      return List.of();
    }
    if (v instanceof List<?> list) {
      List<String> out = new ArrayList<>(list.size());
      for (Object o : list) {
        if (o != null && !(o instanceof Map) && !(o instanceof List)) {
          out.add(o.toString());
        }
      }
      return Collections.unmodifiableList(out);
    }
    if (v instanceof Map) {
      return List.of();
    }
    return List.of(v.toString());
  }

  public boolean is(String kindName) {
    return kind.equalsIgnoreCase(kindName);
  }

  /** Location to print: {@code file:line:column}. */
  public String where() {
    return file + ":" + line + ":" + column;
  }
}
