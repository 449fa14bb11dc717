package dev.whodecides.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whodecides.store.LintRun;
import dev.whodecides.store.Verification;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shapes of recorded lint runs (the findings trend) and imported verification results. */
final class RunJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 10_000;

  private RunJson() {}

  /** The {@code limit} query parameter: how many of the newest runs to show. */
  static Map<String, Object> lintRun(LintRun r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("recordedAt", r.recordedAt().toString());
    m.put("source", r.source());
    m.put("fingerprint", r.fingerprint());
    m.put("entities", r.entities());
    m.put("files", r.files());
    m.put("errors", r.errors());
    m.put("warnings", r.warnings());
    m.put("infos", r.infos());
    m.put("findings", r.findings());
    m.put("byRule", r.byRule());
    return m;
  }

  /** A verification with its checks as {@code verify --format json} printed them. */
  static Map<String, Object> verification(Verification v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", v.id());
    m.put("importedAt", v.importedAt().toString());
    m.put("contract", v.contract());
    m.put("file", v.file());
    m.put("server", v.server());
    m.put("passed", v.passed());
    m.put("failed", v.failed());
    m.put("errors", v.errors());
    m.put("warnings", v.warnings());
    JsonNode checks;
    try {
      checks = JSON.readTree(v.result()).path("checks");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("verification " + v.id() + " holds a result that is not JSON", e);
    }
    m.put("checks", checks.isArray() ? checks : JSON.createArrayNode());
    return m;
  }
}
