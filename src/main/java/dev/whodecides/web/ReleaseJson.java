package dev.whodecides.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whodecides.release.Bar;
import dev.whodecides.release.ReleaseRecord;
import dev.whodecides.release.ReleaseRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shapes of the release API: the request body it reads and the record it answers with. */
final class ReleaseJson {

  private ReleaseJson() {}

  static ReleaseRequest request(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new ApiError(400, "the body must be a JSON object with product, version, decision and by");
    }
    Map<String, Double> metrics = new LinkedHashMap<>();
    JsonNode m = body.get("metrics");
    if (m != null && !m.isNull()) {
      if (!m.isObject()) {
        throw new ApiError(400, "metrics must be an object of NAME: NUMBER");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isNumber()) {
          throw new ApiError(400, "metrics." + e.getKey() + " must be a number, not " + e.getValue());
        }
        metrics.put(e.getKey(), e.getValue().asDouble());
      }
    }
    Map<String, String> bar = new LinkedHashMap<>();
    JsonNode b = body.get("bar");
    if (b != null && !b.isNull()) {
      if (!b.isObject()) {
        throw new ApiError(400, "bar must be an object of NAME: \">= NUMBER\"");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = b.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isTextual()) {
          throw new ApiError(400, "bar." + e.getKey() + " must be text such as \">= 0.80\", not " + e.getValue());
        }
        bar.put(e.getKey(), e.getValue().asText());
      }
    }
    LocalDate waitUntil = null;
    String wait = text(body, "waitUntil");
    if (wait != null) {
      try {
        waitUntil = LocalDate.parse(wait);
      } catch (DateTimeParseException e) {
        throw new ApiError(400, "waitUntil '" + wait + "' is not a date like 2026-12-31");
      }
    }
    JsonNode sup = body.get("supersedes");
    Long supersedes = null;
    if (sup != null && !sup.isNull()) {
      if (!sup.canConvertToLong()) {
        throw new ApiError(400, "supersedes must be the id of an earlier record");
      }
      supersedes = sup.asLong();
    }
    return new ReleaseRequest(text(body, "product"), text(body, "version"), text(body, "decision"),
        text(body, "by"), metrics, bar, text(body, "acceptedRisk"), text(body, "rationale"), waitUntil, supersedes);
  }

  private static String text(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isValueNode()) {
      throw new ApiError(400, field + " must be text, not " + v);
    }
    return v.asText();
  }

  static Map<String, Object> record(ReleaseRecord r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("product", r.product());
    m.put("version", r.version());
    m.put("decision", r.decision());
    m.put("by", r.by());
    m.put("metrics", r.metrics());
    Map<String, String> bar = new LinkedHashMap<>();
    for (Bar b : r.bar()) {
      bar.put(b.metric(), b.expression());
    }
    m.put("bar", bar);
    m.put("acceptedRisk", r.acceptedRisk());
    m.put("rationale", r.rationale());
    m.put("waitUntil", r.waitUntil() == null ? null : r.waitUntil().toString());
    m.put("supersedes", r.supersedes());
    m.put("recordedAt", r.recordedAt().toString());
    m.put("statement", r.statement());
    return m;
  }
}
