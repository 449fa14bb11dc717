package dev.whodecides.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a value is written in a catalog file: the line and column of {@code spec.owner} in the
 * document that starts at a given place. Loading keeps no positions (they would cost memory on
 * every value of a large catalog); a file is read again, with positions, the first time a finding
 * in it asks, and only then. One instance serves one report.
 */
public final class SourcePositions {

  private final Map<String, Map<Long, YamlDocument>> files = new ConcurrentHashMap<>();

  /**
   * The {@code {line, column}} of what {@code path} (a JSON pointer such as {@code /spec/owner})
   * names in the document of {@code file} that starts at {@code line}:{@code column}. In a list,
   * {@code value} picks the entry: the one written so, else the one naming an entity of that name
   * ({@code team-b} finds {@code group:default/team-b}). A missing field gives the nearest field
   * above it that is written; a map or list gives its key, as does {@code atKey}. The document's own
   * place when the file or document cannot be found.
   */
  public int[] locate(String file, int line, int column, String path, String value, boolean atKey) {
    int[] fallback = {line, column};
    if (file == null || path == null || path.isEmpty() || line <= 0) {
      return fallback;
    }
    YamlDocument doc = documents(file).get(key(line, column));
    if (doc == null) {
      return fallback;
    }
    String[] segments = path.substring(1).split("/", -1);
    Object node = doc.value();
    StringBuilder at = new StringBuilder();
    String found = null;
    boolean container = false;
    for (String raw : segments) {
      String segment = raw.replace("~1", "/").replace("~0", "~");
      Object next = null;
      String step = null;
      if (node instanceof Map<?, ?> m && m.containsKey(segment)) {
        next = m.get(segment);
        step = segment;
      } else if (node instanceof List<?> l && segment.matches("\\d+") && Integer.parseInt(segment) < l.size()) {
        next = l.get(Integer.parseInt(segment));
        step = segment;
      } else {
        break;
      }
      at.append('/').append(step);
      if (!doc.positions().containsKey(at.toString())) {
        break;
      }
      found = at.toString();
      node = next;
      container = next instanceof Map || next instanceof List;
    }
    if (found == null) {
      return fallback;
    }
    if (node instanceof List<?> list && value != null && found.equals(pathOf(segments))) {
      int i = entry(list, value);
      if (i >= 0 && doc.positions().containsKey(found + "/" + i)) {
        int[] p = doc.positions().get(found + "/" + i);
        return new int[] {p[0], p[1]};
      }
    }
    int[] p = doc.positions().get(found);
    boolean key = atKey || container || !found.equals(pathOf(segments));
    return key ? new int[] {p[2], p[3]} : new int[] {p[0], p[1]};
  }

  private static String pathOf(String[] segments) {
    StringBuilder b = new StringBuilder();
    for (String s : segments) {
      b.append('/').append(s.replace("~1", "/").replace("~0", "~"));
    }
    return b.toString();
  }

  /** The entry written as {@code value}, else the first naming an entity called {@code value}'s name. */
  private static int entry(List<?> list, String value) {
    for (int i = 0; i < list.size(); i++) {
      if (value.equals(String.valueOf(list.get(i)))) {
        return i;
      }
    }
    String name = nameOf(value);
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) instanceof String s && nameOf(s).equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private static String nameOf(String reference) {
    String s = reference.trim();
    s = s.substring(s.indexOf(':') + 1);
    return s.substring(s.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
  }

  private Map<Long, YamlDocument> documents(String file) {
    return files.computeIfAbsent(file, f -> {
      Map<Long, YamlDocument> docs = new HashMap<>();
      Path path = Path.of(f);
      if (!Files.isRegularFile(path)) {
        return docs;
      }
      try {
        YamlReader.readAsBackstageWithPositions(path, d -> docs.put(key(d.line(), d.column()), d));
      } catch (YamlReader.YamlError | IOException | RuntimeException e) {
        // The documents before a YAML error are kept; anything else leaves findings where they are.
      }
      return docs;
    });
  }

  private static long key(int line, int column) {
    return ((long) line << 32) | (column & 0xffffffffL);
  }
}
