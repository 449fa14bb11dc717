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
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
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
    read(file, sink, new Pool());
  }

  /** Like {@link #read(Path, Consumer)}, sharing repeated texts and key lists through {@code pool}. */
  public static void read(Path file, Consumer<YamlDocument> sink, Pool pool) throws YamlError, IOException {
    read(file, sink, pool, false, true);
  }

  /**
   * Reads a catalog file as Backstage's catalog reads it: like {@link #read(Path, Consumer, Pool)},
   * but {@code <<} is an ordinary key, since the YAML 1.2 reader Backstage uses does not merge.
   */
  public static void readAsBackstage(Path file, Consumer<YamlDocument> sink, Pool pool) throws YamlError, IOException {
    read(file, sink, pool, false, false);
  }

  /** Like {@link #read(Path, Consumer)}, noting the position of every key and value. */
  public static void readWithPositions(Path file, Consumer<YamlDocument> sink) throws YamlError, IOException {
    read(file, sink, new Pool(), true, true);
  }

  /** Like {@link #readAsBackstage}, noting the position of every key and value. */
  public static void readAsBackstageWithPositions(Path file, Consumer<YamlDocument> sink)
      throws YamlError, IOException {
    read(file, sink, new Pool(), true, false);
  }

  private static void read(Path file, Consumer<YamlDocument> sink, Pool pool, boolean positions, boolean merges)
      throws YamlError, IOException {
    readText(new StringReader(text(file)), sink, pool, positions, merges);
  }

  /**
   * Reads a catalog file's text as Backstage does ({@link #readAsBackstage}): for callers that look
   * at the text first (for template markers, say).
   */
  public static void readTextAsBackstage(String text, Consumer<YamlDocument> sink, Pool pool) throws YamlError {
    readText(new StringReader(text), sink, pool, false, false);
  }

  /**
   * The text of a file meant to be YAML: at most 32 MB of UTF-8 without NUL bytes, a leading
   * byte-order mark dropped; anything else is refused at the line and column where it goes wrong.
   */
  public static String text(Path file) throws YamlError, IOException {
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
    return text;
  }

  public static void readText(Reader reader, Consumer<YamlDocument> sink) throws YamlError {
    readText(reader, sink, new Pool());
  }

  /** Like {@link #readText(Reader, Consumer)}, sharing repeated texts and key lists through {@code pool}. */
  public static void readText(Reader reader, Consumer<YamlDocument> sink, Pool pool) throws YamlError {
    readText(reader, sink, pool, false, true);
  }

  /**
   * Reads documents noting where every key and value starts ({@link YamlDocument#positions()}), for
   * files whose mistakes must be named at their exact line and column (the configuration).
   */
  public static void readTextWithPositions(Reader reader, Consumer<YamlDocument> sink) throws YamlError {
    readText(reader, sink, new Pool(), true, true);
  }

  private static void readText(Reader reader, Consumer<YamlDocument> sink, Pool pool, boolean positions,
      boolean merges) throws YamlError {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit((int) MAX_FILE_BYTES);
    options.setNestingDepthLimit(MAX_DEPTH);
    Yaml yaml = new Yaml(options);
    Builder builder = new Builder(sink, pool, positions, merges);
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
   * Shares what repeats between the documents of one load: short texts ("apiVersion",
   * "production", a team's reference) and the key lists of mappings (every Component's spec has
   * the same few keys). Safe to use from the threads that read files side by side; drop it with
   * the load so a long-running service does not keep texts of catalogs long gone.
   */
  public static final class Pool {
    private final Map<String, String> strings = new ConcurrentHashMap<>();
    private final Map<KeyList, String[]> keyLists = new ConcurrentHashMap<>();

    String text(String s) {
      if (s.length() > 64) {
        return s;
      }
      // get first: most texts are known, and a hit then takes no lock.
      String known = strings.get(s);
      if (known == null) {
        known = strings.putIfAbsent(s, s);
      }
      return known == null ? s : known;
    }

    String[] keys(String[] keys) {
      KeyList list = new KeyList(keys);
      String[] known = keyLists.get(list);
      if (known != null) {
        return known;
      }
      // Keys are compared with the code's literals ("owner", "spec") on every lookup; as the
      // JVM's own copies, the comparison is one reference check.
      for (int i = 0; i < keys.length; i++) {
        keys[i] = keys[i].intern();
      }
      known = keyLists.putIfAbsent(list, keys);
      return known == null ? keys : known;
    }

    // Keys by content: equals and hashCode compare the array's elements, which is the point of the record.
    @SuppressWarnings("ArrayRecordComponent")
    private record KeyList(String[] keys) {
      @Override
      public boolean equals(Object o) {
        return o instanceof KeyList k && Arrays.equals(keys, k.keys);
      }

      @Override
      public int hashCode() {
        return Arrays.hashCode(keys);
      }
    }
  }

  /**
   * Builds plain values from SnakeYAML's parser events. Working from events rather than SnakeYAML's
   * node graph skips its regular-expression tag resolution (the bulk of the time on large
   * catalogs); scalars are typed here with cheap checks. Each collection becomes a compact
   * read-only value when it closes ({@link CompactMap}, {@link CompactList}), so what a catalog
   * keeps after loading is a few arrays per entity. Aliases share the value of their anchor, so an
   * alias bomb costs no more memory than its text.
   */
  private static final class Builder {
    private final Consumer<YamlDocument> sink;
    private final Pool pool;
    private final Deque<Frame> stack = new ArrayDeque<>();
    // An anchor names its Frame while the collection is open and its value once it is closed.
    private final Map<String, Object> anchors = new HashMap<>();
    private List<String> duplicates = new ArrayList<>();
    // Size and height of anchored collections once closed, so an alias can be charged for them.
    private final IdentityHashMap<Object, long[]> shapes = new IdentityHashMap<>();
    private long expanded;
    private int aliases;
    private int docLine;
    private int docColumn;
    private Object root;
    private boolean hasRoot;
    /** Whether to note positions: path ("/waivers/0/until") to {value line, value column, key line, key column}. */
    private final boolean tracking;
    private Map<String, int[]> positions = Map.of();

    /** Whether {@code <<} merges maps (YAML 1.1's merge key) or is an ordinary key, as in YAML 1.2. */
    private final boolean merges;

    Builder(Consumer<YamlDocument> sink, Pool pool, boolean tracking, boolean merges) {
      this.merges = merges;
      this.sink = sink;
      this.pool = pool;
      this.tracking = tracking;
    }

    /** An open collection: keys and values of a mapping (keys null for a sequence). */
    private static final class Frame {
      final Mark start;
      final String anchor;
      String[] keys;
      Object[] values = new Object[8];
      int size;
      Object key;
      boolean hasKey;
      int keyLine;
      int keyColumn;
      /** Where the collection sits in the document, when positions are noted. */
      String path = "";
      /** Values in this collection with aliases expanded, itself included. */
      long weight = 1;
      /** Levels of collections from this one down, aliases expanded. */
      long height = 1;

      Frame(boolean mapping, Mark start, String anchor) {
        this.start = start;
        this.anchor = anchor;
        if (mapping) {
          keys = new String[8];
        }
      }

      int indexOf(String key) {
        for (int i = 0; i < size; i++) {
          if (keys[i].equals(key)) {
            return i;
          }
        }
        return -1;
      }

      /** Puts like a LinkedHashMap: a key already present keeps its place and takes the new value. */
      void put(String key, Object value) {
        int i = keys == null ? -1 : indexOf(key);
        if (i >= 0) {
          values[i] = value;
          return;
        }
        if (size == values.length) {
          values = Arrays.copyOf(values, size * 2);
          if (keys != null) {
            keys = Arrays.copyOf(keys, size * 2);
          }
        }
        if (keys != null) {
          keys[size] = key;
        }
        values[size++] = value;
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
        case MappingStart -> open(new Frame(true, event.getStartMark(), ((MappingStartEvent) event).getAnchor()), event);
        case SequenceStart -> open(new Frame(false, event.getStartMark(), ((SequenceStartEvent) event).getAnchor()), event);
        case MappingEnd, SequenceEnd -> {
          Frame done = stack.pop();
          Object value = freeze(done);
          if (done.anchor != null) {
            anchors.put(done.anchor, value);
            shapes.put(value, new long[] {done.weight, done.height});
          }
          grow(done.weight, done.height);
          add(value, done.start, false);
        }
        case Scalar -> {
          ScalarEvent s = (ScalarEvent) event;
          Object value = scalar(s);
          if (value instanceof String text) {
            value = pool.text(text);
          }
          if (s.getAnchor() != null) {
            anchors.put(s.getAnchor(), value);
          }
          grow(1, 0);
          add(value, event.getStartMark(), merges && s.isPlain() && "<<".equals(s.getValue()));
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
          if (value instanceof Frame) {
            // Still open, so the alias sits inside the collection it names.
            throw new MarkedYAMLException("while reading an alias", null, "alias *" + anchor
                + " is used inside the collection it names, which makes it endless", event.getStartMark()) {};
          }
          long[] shape = {1, 0};
          if (value instanceof Map || value instanceof List) {
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

    private void open(Frame frame, Event event) {
      if (stack.size() >= MAX_DEPTH) {
        throw tooDeep(event);
      }
      if (frame.anchor != null) {
        anchors.put(frame.anchor, frame);
      }
      if (tracking && !stack.isEmpty()) {
        frame.path = childPath(stack.peek());
      }
      stack.push(frame);
    }

    private Object freeze(Frame f) {
      if (f.keys == null) {
        return f.size == 0 ? CompactList.EMPTY : new CompactList(Arrays.copyOf(f.values, f.size));
      }
      if (f.size == 0) {
        return CompactMap.EMPTY;
      }
      return new CompactMap(pool.keys(Arrays.copyOf(f.keys, f.size)), Arrays.copyOf(f.values, f.size));
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

    /** The path of the next value the open collection receives. */
    private static String childPath(Frame top) {
      return top.path + "/" + (top.keys == null ? String.valueOf(top.size) : String.valueOf(top.key));
    }

    private void add(Object value, Mark mark, boolean mergeKey) {
      Frame top = stack.peek();
      if (top == null) {
        root = value;
        hasRoot = true;
        docLine = mark.getLine() + 1;
        docColumn = mark.getColumn() + 1;
        return;
      }
      if (top.keys == null) {
        if (tracking) {
          int line = mark.getLine() + 1;
          int column = mark.getColumn() + 1;
          positions.put(childPath(top), new int[] {line, column, line, column});
        }
        top.put(null, value);
        return;
      }
      if (!top.hasKey) {
        top.key = mergeKey ? MERGE : value;
        top.hasKey = true;
        top.keyLine = mark.getLine() + 1;
        top.keyColumn = mark.getColumn() + 1;
        return;
      }
      if (tracking && top.key != MERGE) {
        positions.put(childPath(top), new int[] {mark.getLine() + 1, mark.getColumn() + 1, top.keyLine, top.keyColumn});
      }
      top.hasKey = false;
      if (top.key == MERGE) {
        // "<<: *base" or "<<: [*a, *b]" merges maps; keys written explicitly win.
        List<?> sources = value instanceof List<?> l ? l : Collections.singletonList(value);
        for (Object src : sources) {
          if (src instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
              String key = pool.text(String.valueOf(k));
              if (top.indexOf(key) < 0) {
                top.put(key, v);
              }
            });
          }
        }
        return;
      }
      String key = top.key instanceof String s ? s : pool.text(String.valueOf(top.key));
      if (top.indexOf(key) >= 0) {
        duplicates.add("'" + key + "' at line " + top.keyLine);
      }
      top.put(key, value);
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

    /** YAML 1.2 core schema: only true and false (in three spellings) are booleans; yes, no, on, off are text. */
    private static Object bool(String v, Object otherwise) {
      return switch (v) {
        case "true", "True", "TRUE" -> Boolean.TRUE;
        case "false", "False", "FALSE" -> Boolean.FALSE;
        default -> otherwise;
      };
    }

    /** YAML 1.2 core schema integers: decimal with an optional sign, 0o octal and 0x hexadecimal. */
    private static Object integer(String v, Object otherwise) {
      try {
        if (v.startsWith("0x") && v.length() > 2 && HEX.matcher(v).matches()) {
          return number(new BigInteger(v.substring(2), 16));
        }
        if (v.startsWith("0o") && v.length() > 2 && OCTAL.matcher(v).matches()) {
          return number(new BigInteger(v.substring(2), 8));
        }
        if (DECIMAL.matcher(v).matches()) {
          return number(new BigInteger(v.startsWith("+") ? v.substring(1) : v));
        }
      } catch (NumberFormatException e) {
        return otherwise;
      }
      return otherwise;
    }

    private static Object number(BigInteger b) {
      return b.bitLength() < 63 ? (Object) b.longValue() : b;
    }

    private static final Pattern DECIMAL = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern OCTAL = Pattern.compile("0o[0-7]+");
    private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]+");

    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

    private static Object decimal(String v, Object otherwise) {
      String t = v;
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
      // versions such as 1.2.3, times such as 12:30 and YAML 1.1's 1_000 as text.
      if (!FLOAT.matcher(t).matches()) {
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
