package dev.whodecides.catalog;

import java.util.List;

/**
 * One YAML document of a file, converted to plain values, with where it starts and the duplicate
 * keys found in it (YAML forbids them; SnakeYAML's composer does not check).
 */
public record YamlDocument(Object value, int line, int column, List<String> duplicateKeys) {}
