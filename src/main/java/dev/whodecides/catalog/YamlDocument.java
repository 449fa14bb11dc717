package dev.whodecides.catalog;

import java.util.List;
import java.util.Map;

/**
 * One YAML document of a file, converted to plain values, with where it starts and the duplicate
 * keys found in it (YAML forbids them; SnakeYAML's composer does not check). {@code positions},
 * filled only when asked for, maps the path of each value ({@code "/waivers/0/until"}) to
 * {@code {value line, value column, key line, key column}}, all 1-based.
 */
public record YamlDocument(Object value, int line, int column, List<String> duplicateKeys, Map<String, int[]> positions) {

  public YamlDocument(Object value, int line, int column, List<String> duplicateKeys) {
    this(value, line, column, duplicateKeys, Map.of());
  }
}
