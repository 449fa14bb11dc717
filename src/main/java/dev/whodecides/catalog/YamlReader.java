package dev.whodecides.catalog;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
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
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;

/**
 * Reads the YAML documents of one file with their line numbers: every document keeps the line it
 * starts on, and documents before a syntax error are kept.
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
    read(file, sink, false);
  }

  /** Like {@link #read(Path, Consumer)}, noting the position of every key and value. */
  public static void readWithPositions(Path file, Consumer<YamlDocument> sink) throws YamlError, IOException {
    read(file, sink, true);
  }

  private static void read(Path file, Consumer<YamlDocument> sink, boolean positions) throws YamlError, IOException {
    long size = Files.size(file);
    if (size > MAX_FILE_BYTES) {
      throw new YamlError(
          "file is " + (size / (1024 * 1024)) + " MB, more than the 32 MB limit; split it into smaller files", 0, 0);
    }
    byte[] bytes = Files.readAllBytes(file);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      // Name the line and column of the first byte that is not UTF-8, so it can be found and fixed.
      int at = in.position();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < at; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      int column = new String(bytes, lineStart, at - lineStart, StandardCharsets.UTF_8).length() + 1;
      boolean utf16 = bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
          || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE));
      throw new YamlError(utf16 ? "is UTF-16 text; save it as UTF-8"
          : "is not UTF-8 text (binary data?); catalog files must be UTF-8 YAML", line, column);
    }
    String text = out.flip().toString();
    int nul = text.indexOf('\0');
    if (nul >= 0) {
      int line = 1 + (int) text.substring(0, nul).chars().filter(c -> c == '\n').count();
      int column = nul - (text.lastIndexOf('\n', nul) + 1) + 1;
      throw new YamlError("contains a NUL byte (binary data?); catalog files must be YAML text", line, column);
    }
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    readText(new StringReader(text), sink, positions);
  }

  public static void readText(Reader reader, Consumer<YamlDocument> sink) throws YamlError {
    readText(reader, sink, false);
  }

  /**
   * Reads documents noting where every key and value starts ({@link YamlDocument#positions()}), for
   * files whose mistakes must be named at their exact line and column (the configuration).
   */
  public static void readTextWithPositions(Reader reader, Consumer<YamlDocument> sink) throws YamlError {
    readText(reader, sink, true);
  }

  private static void readText(Reader reader, Consumer<YamlDocument> sink, boolean positions) throws YamlError {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit((int) MAX_FILE_BYTES);
    options.setNestingDepthLimit(MAX_DEPTH);
    Yaml yaml = new Yaml(options);
    Builder builder = new Builder(sink, positions);
    try {
      for (Event event : yaml.parse(reader)) {
        builder.accept(event);
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

  /** Deeper YAML than this is refused; no catalog needs more than a handful of levels. */
  static final int MAX_DEPTH = 100;
  /** Aliases per document above this are refused: a catalog has no need for them. */
  static final int MAX_ALIASES = 1000;
  /**
   * Values that aliases may add to one document when expanded. Aliases share their anchor's value,
   * so memory is safe anyway, but whatever walks the values later (a contract's nested properties,
   * a key turned into text) would pay for every expanded copy: an alias bomb would hang it.
   */
  static final long MAX_EXPANDED = 1_000_000;

  private static String oneLine(String s) {
    if (s == null) {
      return "unknown problem";
    }
    String t = s.replaceAll("\\s+", " ").trim();
    return t.length() > 300 ? t.substring(0, 300) + "…" : t;
  }

  /**
   * Builds plain values from SnakeYAML's parser events. Working from events rather than SnakeYAML's
   * node graph skips its regular-expression tag resolution (the bulk of the time on large
   * catalogs); scalars are typed here with cheap checks. Aliases share the value of their anchor,
   * so an alias bomb costs no more memory than its text.
   */
  private static final class Builder {
    private final Consumer<YamlDocument> sink;
    private final Deque<Frame> stack = new ArrayDeque<>();
    private final Map<String, Object> anchors = new HashMap<>();
    // Keys and short values repeat in every document ("apiVersion", "production", a team's
    // reference); sharing one String per file keeps large catalogs small in memory.
    private final Map<String, String> strings = new HashMap<>();
    private List<String> duplicates = new ArrayList<>();
    // Size and height of anchored collections once closed, so an alias can be charged for them.
    private final Map<Object, long[]> shapes = new IdentityHashMap<>();
    private long expanded;
    private int aliases;
    private int docLine;
    private int docColumn;
    private Object root;
    private boolean hasRoot;
    /** Path ("/waivers/0/until") to {value line, value column, key line, key column}; null when not asked. */
    private final boolean tracking;
    private Map<String, int[]> positions = Map.of();

    Builder(Consumer<YamlDocument> sink, boolean tracking) {
      this.sink = sink;
      this.tracking = tracking;
    }

    private static final class Frame {
      final Map<String, Object> map;
      final List<Object> list;
      Object key;
      boolean hasKey;
      int keyLine;
      int keyColumn;
      String path = "";
      int index;
      boolean anchored;
      /** Values in this collection with aliases expanded, itself included. */
      long weight = 1;
      /** Levels of collections from this one down, aliases expanded. */
      long height = 1;

      Frame(Map<String, Object> map, List<Object> list) {
        this.map = map;
        this.list = list;
      }

      Object container() {
        return map != null ? map : list;
      }
    }

    void accept(Event event) {
      switch (event.getEventId()) {
        case DocumentStart -> {
          anchors.clear();
          duplicates = new ArrayList<>();
          aliases = 0;
          shapes.clear();
          expanded = 0;
          root = null;
          hasRoot = false;
          positions = tracking ? new HashMap<>() : Map.of();
        }
        case DocumentEnd -> {
          if (hasRoot && root != null) {
            sink.accept(new YamlDocument(root, docLine, docColumn, duplicates, positions));
          }
        }
        case MappingStart -> {
          Map<String, Object> map = new LinkedHashMap<>();
          String anchor = ((MappingStartEvent) event).getAnchor();
          Frame frame = new Frame(map, null);
          frame.path = open(event, anchor, map);
          push(frame, anchor, event);
        }
        case SequenceStart -> {
          List<Object> list = new ArrayList<>();
          String anchor = ((SequenceStartEvent) event).getAnchor();
          Frame frame = new Frame(null, list);
          frame.path = open(event, anchor, list);
          push(frame, anchor, event);
        }
        case MappingEnd, SequenceEnd -> {
          Frame done = stack.pop();
          if (done.anchored) {
            shapes.put(done.container(), new long[] {done.weight, done.height});
          }
          grow(done.weight, done.height);
        }
        case Scalar -> {
          ScalarEvent s = (ScalarEvent) event;
          Object value = scalar(s);
          if (value instanceof String text && text.length() <= 64) {
            value = strings.computeIfAbsent(text, t -> t);
          }
          if (s.getAnchor() != null) {
            anchors.put(s.getAnchor(), value);
          }
          grow(1, 0);
          add(value, event.getStartMark(), s.isPlain() && "<<".equals(s.getValue()));
        }
        case Alias -> {
          String anchor = ((AliasEvent) event).getAnchor();
          if (!anchors.containsKey(anchor)) {
            throw new MarkedYAMLException("while reading an alias", null, "found undefined alias " + anchor,
                event.getStartMark()) {};
          }
          if (++aliases > MAX_ALIASES) {
            throw new MarkedYAMLException("while reading aliases", null,
                "more than " + MAX_ALIASES + " aliases in one document", event.getStartMark()) {};
          }
          Object value = anchors.get(anchor);
          long[] shape = {1, 0};
          if (value instanceof Map || value instanceof List) {
            for (Frame open : stack) {
              if (open.container() == value) {
                throw new MarkedYAMLException("while reading an alias", null, "alias *" + anchor
                    + " is used inside the collection it names, which makes it endless", event.getStartMark()) {};
              }
            }
            shape = shapes.get(value);
            if (stack.size() + shape[1] > MAX_DEPTH) {
              throw tooDeep(event);
            }
            expanded += shape[0];
            if (expanded > MAX_EXPANDED) {
              throw new MarkedYAMLException("while reading aliases", null, "aliases expand this document to more than "
                  + MAX_EXPANDED + " values (an alias bomb?)", event.getStartMark()) {};
            }
          }
          grow(shape[0], shape[1]);
          add(value, event.getStartMark(), false);
        }
        default -> { }
      }
    }

    private void push(Frame frame, String anchor, Event event) {
      if (stack.size() >= MAX_DEPTH) {
        throw tooDeep(event);
      }
      frame.anchored = anchor != null;
      stack.push(frame);
    }

    /** Charges a finished child (weight values, height levels) to the open collection. */
    private void grow(long weight, long height) {
      Frame top = stack.peek();
      if (top != null) {
        top.weight += weight;
        top.height = Math.max(top.height, height + 1);
      }
    }

    private static MarkedYAMLException tooDeep(Event event) {
      return new MarkedYAMLException("while reading a collection", null, "collections nested more than "
          + MAX_DEPTH + " levels deep (aliases included)", event.getStartMark()) {};
    }

    private String open(Event event, String anchor, Object container) {
      if (anchor != null) {
        anchors.put(anchor, container);
      }
      return add(container, event.getStartMark(), false);
    }

    /** Adds a value to the open collection and returns its path (or "" for a key, or the root). */
    @SuppressWarnings("unchecked")
    private String add(Object value, Mark mark, boolean mergeKey) {
      Frame top = stack.peek();
      if (top == null) {
        root = value;
        hasRoot = true;
        docLine = mark.getLine() + 1;
        docColumn = mark.getColumn() + 1;
        return "";
      }
      if (top.list != null) {
        top.list.add(value);
        String path = top.path + "/" + top.index++;
        if (tracking) {
          int line = mark.getLine() + 1;
          int column = mark.getColumn() + 1;
          positions.put(path, new int[] {line, column, line, column});
        }
        return path;
      }
      if (!top.hasKey) {
        top.key = mergeKey ? MERGE : value;
        top.hasKey = true;
        top.keyLine = mark.getLine() + 1;
        top.keyColumn = mark.getColumn() + 1;
        return "";
      }
      top.hasKey = false;
      String path = top.path + "/" + top.key;
      if (tracking && top.key != MERGE) {
        positions.put(path, new int[] {mark.getLine() + 1, mark.getColumn() + 1, top.keyLine, top.keyColumn});
      }
      if (top.key == MERGE) {
        // "<<: *base" or "<<: [*a, *b]" merges maps; keys written explicitly win.
        List<Object> sources = value instanceof List<?> l ? (List<Object>) l : List.of(value);
        for (Object src : sources) {
          if (src instanceof Map<?, ?> m) {
            m.forEach((k, v) -> top.map.putIfAbsent(String.valueOf(k), v));
          }
        }
        return path;
      }
      String key = String.valueOf(top.key);
      if (top.map.containsKey(key)) {
        duplicates.add("'" + key + "' at line " + top.keyLine);
      }
      top.map.put(key, value);
      return path;
    }

    private static final Object MERGE = new Object();

    private static Object scalar(ScalarEvent s) {
      String v = s.getValue();
      String tag = s.getTag();
      if (tag != null && !tag.equals("!")) {
        return switch (tag) {
          case "tag:yaml.org,2002:int" -> integer(v, v);
          case "tag:yaml.org,2002:float" -> decimal(v, v);
          case "tag:yaml.org,2002:bool" -> bool(v, v);
          case "tag:yaml.org,2002:null" -> null;
          default -> v;
        };
      }
      if (!s.isPlain()) {
        return v;
      }
      if (v.isEmpty() || v.equals("~") || v.equals("null") || v.equals("Null") || v.equals("NULL")) {
        return null;
      }
      char c = v.charAt(0);
      if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.') {
        Object n = integer(v, null);
        if (n != null) {
          return n;
        }
        Object d = decimal(v, null);
        return d != null ? d : v;
      }
      return bool(v, v);
    }

    private static Object bool(String v, Object otherwise) {
      return switch (v) {
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON" -> Boolean.TRUE;
        case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF" -> Boolean.FALSE;
        default -> otherwise;
      };
    }

    private static Object integer(String v, Object otherwise) {
      String t = v.replace("_", "");
      int start = t.startsWith("-") || t.startsWith("+") ? 1 : 0;
      if (t.length() == start) {
        return otherwise;
      }
      try {
        if (t.startsWith("0x", start)) {
          return Long.parseLong(t.substring(0, start) + t.substring(start + 2), 16);
        }
        for (int i = start; i < t.length(); i++) {
          if (t.charAt(i) < '0' || t.charAt(i) > '9') {
            return otherwise;
          }
        }
        BigInteger b = new BigInteger(t);
        return b.bitLength() < 63 ? (Object) b.longValue() : b;
      } catch (NumberFormatException e) {
        return otherwise;
      }
    }

    private static Object decimal(String v, Object otherwise) {
      String t = v.replace("_", "");
      switch (t) {
        case ".inf", "+.inf", ".Inf", "+.Inf", ".INF", "+.INF" -> {
          return Double.POSITIVE_INFINITY;
        }
        case "-.inf", "-.Inf", "-.INF" -> {
          return Double.NEGATIVE_INFINITY;
        }
        case ".nan", ".NaN", ".NAN" -> {
          return Double.NaN;
        }
        default -> { }
      }
      // YAML floats need a digit and only digits, sign, point and exponent; this keeps dates,
      // versions such as 1.2.3 and times such as 12:30 as text.
      if (!t.matches("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?")) {
        return otherwise;
      }
      try {
        return Double.parseDouble(t);
      } catch (NumberFormatException e) {
        return otherwise;
      }
    }
  }
}
