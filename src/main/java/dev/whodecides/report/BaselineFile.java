package dev.whodecides.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whodecides.rules.Baseline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline file: JSON with one accepted finding per line, sorted by fingerprint, so that a
 * change to it reads as added and removed lines in a review.
 */
public final class BaselineFile {

  /** The format's name and version, the file's first key. */
  public static final String FORMAT = "whodecides-baseline/1";

  private BaselineFile() {}

  public static String format(Baseline b) {
    StringBuilder out = new StringBuilder("{\n  \"format\": \"" + FORMAT + "\",\n  \"findings\": [");
    for (int i = 0; i < b.entries().size(); i++) {
      Baseline.Entry e = b.entries().get(i);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("fingerprint", e.fingerprint());
      m.put("rule", e.rule());
      m.put("entity", e.entity());
      try {
        out.append(i == 0 ? "\n    " : ",\n    ").append(Json.MAPPER.writer().without(
            com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
      } catch (IOException ex) {
        throw new IllegalStateException(ex);
      }
    }
    out.append(b.entries().isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
    return out.toString();
  }

  public static void write(Baseline b, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, format(b), StandardCharsets.UTF_8);
  }

  /**
   * Reads a baseline.
   *
   * @throws IllegalArgumentException naming the file and what is wrong with it
   */
  public static Baseline read(Path file) throws IOException {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(file.toFile());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(file + ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr()
          + ": not JSON (" + e.getOriginalMessage() + "); write the baseline again with lint --write-baseline");
    }
    if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())
        || !root.path("findings").isArray()) {
      throw new IllegalArgumentException(file + " is not a whodecides baseline (it needs \"format\": \"" + FORMAT
          + "\" and a findings list); write one with whodecides lint --write-baseline " + file);
    }
    List<Baseline.Entry> entries = new ArrayList<>();
    int i = 0;
    for (JsonNode n : root.path("findings")) {
      i++;
      String fp = n.path("fingerprint").asText("");
      if (!fp.matches("[0-9a-f]{16}")) {
        throw new IllegalArgumentException(file + ": finding " + i + " of the baseline has no fingerprint of 16 hex"
            + " digits; restore it from version control or write the baseline again with lint --write-baseline");
      }
      entries.add(new Baseline.Entry(fp, n.path("rule").asText(null), n.path("entity").isNull() ? null
          : n.path("entity").asText(null)));
    }
    return new Baseline(entries);
  }
}
