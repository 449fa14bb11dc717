package dev.whodecides.catalog;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads the YAML documents of one file with their line numbers. Uses SnakeYAML's node graph rather
 * than a data binding so that every document keeps the line it starts on; converts aliases once,
 * so an alias bomb costs no more memory than its text.
 */
public final class YamlReader {

  /** Files above this size are refused with a clear message rather than read into memory. */
  public static final long MAX_FILE_BYTES = 32L * 1024 * 1024;

  private YamlReader() {}

  /** Thrown for input that cannot be read as YAML text; carries a position when known. */
  public static final class YamlError extends Exception {
    private final int line;
    private final int column;

    YamlError(String message, int line, int column) {
      super(message);
      this.line = line;
      this.column = column;
    }

    public int line() {
      return line;
    }

    public int column() {
      return column;
    }
  }

  /**
   * Reads every document of {@code file} and hands each to {@code sink} as soon as it is read, so
   * the documents before a syntax error are kept.
   */
  public static void read(Path file, Consumer<YamlDocument> sink) throws YamlError, IOException {
    long size = Files.size(file);
    if (size > MAX_FILE_BYTES) {
      throw new YamlError(
          "file is " + (size / (1024 * 1024)) + " MB, more than the 32 MB limit; split it into smaller files", 0, 0);
    }
    byte[] bytes = Files.readAllBytes(file);
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new YamlError("is not UTF-8 text (binary data?); catalog files must be UTF-8 YAML", 0, 0);
    }
    int nul = text.indexOf('\0');
    if (nul >= 0) {
      int line = 1 + (int) text.substring(0, nul).chars().filter(c -> c == '\n').count();
      throw new YamlError("contains a NUL byte (binary data?); catalog files must be YAML text", line, 1);
    }
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    readText(new StringReader(text), sink);
  }

  static void readText(Reader reader, Consumer<YamlDocument> sink) throws YamlError {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true);
    options.setMaxAliasesForCollections(100);
    options.setNestingDepthLimit(64);
    options.setCodePointLimit((int) MAX_FILE_BYTES);
    options.setAllowRecursiveKeys(false);
    Yaml yaml = new Yaml(options);
    try {
      for (Node node : yaml.composeAll(reader)) {
        if (node == null) {
          continue;
        }
        Converter c = new Converter();
        Object value = c.convert(node);
        Mark m = node.getStartMark();
        sink.accept(new YamlDocument(value, m.getLine() + 1, m.getColumn() + 1, c.duplicates));
      }
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
      if (e.getContext() != null && e.getProblem() != null) {
        problem = e.getContext() + ", " + e.getProblem();
      }
      throw new YamlError(
          "YAML syntax error: " + oneLine(problem) + "; fix the YAML at this position",
          m == null ? 0 : m.getLine() + 1,
          m == null ? 0 : m.getColumn() + 1);
    } catch (YAMLException e) {
      throw new YamlError("cannot read YAML: " + oneLine(e.getMessage()), 0, 0);
    } catch (StackOverflowError e) {
      throw new YamlError("YAML nesting is too deep to read; flatten the document", 0, 0);
    }
  }

  private static String oneLine(String s) {
    if (s == null) {
      return "unknown problem";
    }
    String t = s.replaceAll("\\s+", " ").trim();
    return t.length() > 300 ? t.substring(0, 300) + "…" : t;
  }

  private static final class Converter {
    private final Map<Node, Object> seen = new IdentityHashMap<>();
    final List<String> duplicates = new ArrayList<>();

    Object convert(Node node) {
      Object done = seen.get(node);
      if (done != null) {
        return done;
      }
      if (node instanceof MappingNode mapping) {
        Map<String, Object> map = new LinkedHashMap<>();
        seen.put(node, map);
        for (NodeTuple t : mapping.getValue()) {
          Object k = convert(t.getKeyNode());
          String key = String.valueOf(k);
          if (t.getKeyNode().getTag().equals(Tag.MERGE)) {
            Object merged = convert(t.getValueNode());
            if (merged instanceof Map<?, ?> mm) {
              mm.forEach((mk, mv) -> map.putIfAbsent(String.valueOf(mk), mv));
            }
            continue;
          }
          if (map.containsKey(key)) {
            duplicates.add("'" + key + "' at line " + (t.getKeyNode().getStartMark().getLine() + 1));
          }
          map.put(key, convert(t.getValueNode()));
        }
        return map;
      }
      if (node instanceof SequenceNode seq) {
        List<Object> list = new ArrayList<>(seq.getValue().size());
        seen.put(node, list);
        for (Node n : seq.getValue()) {
          list.add(convert(n));
        }
        return list;
      }
      ScalarNode scalar = (ScalarNode) node;
      Object v = scalar(scalar);
      if (v != null) {
        seen.put(node, v);
      }
      return v;
    }

    private static Object scalar(ScalarNode s) {
      String v = s.getValue();
      Tag tag = s.getTag();
      if (Tag.NULL.equals(tag)) {
        return null;
      }
      if (Tag.BOOL.equals(tag)) {
        String l = v.toLowerCase();
        return l.equals("true") || l.equals("yes") || l.equals("on") || l.equals("y");
      }
      if (Tag.INT.equals(tag)) {
        try {
          String t = v.replace("_", "");
          if (t.startsWith("0x")) {
            return Long.parseLong(t.substring(2), 16);
          }
          BigInteger b = new BigInteger(t);
          return b.bitLength() < 63 ? (Object) b.longValue() : b;
        } catch (NumberFormatException e) {
          return v;
        }
      }
      if (Tag.FLOAT.equals(tag)) {
        try {
          return Double.parseDouble(v.replace("_", ""));
        } catch (NumberFormatException e) {
          return v;
        }
      }
      return v;
    }
  }
}
