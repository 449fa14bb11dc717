package dev.whodecides.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whodecides.release.ReleaseInput;
import dev.whodecides.release.ReleaseRequest;
import java.util.Iterator;
import java.util.Map;

/**
 * The body of {@code POST /api/releases}: its JSON types are checked here, and its values read by
 * the same {@link ReleaseInput} as the command line and the form.
 */
final class ReleaseJson {

  /** How JSON names the fields, for messages. */
  static final ReleaseInput.Labels LABELS = new ReleaseInput.Labels("metrics", "bar", "waitUntil", "supersedes");

  private ReleaseJson() {}

  static ReleaseRequest request(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new ApiError(400, "the body must be a JSON object with product, version, decision and by");
    }
    ReleaseInput input = new ReleaseInput(LABELS);
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
        input.metric(e.getKey(), e.getValue().asDouble());
      }
    }
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
        input.bar(e.getKey(), e.getValue().asText());
      }
    }
    input.waitUntil(text(body, "waitUntil"));
    JsonNode sup = body.get("supersedes");
    if (sup != null && !sup.isNull()) {
      if (!sup.canConvertToLong()) {
        throw new ApiError(400, "supersedes must be the id of an earlier record");
      }
      input.supersedes(sup.asLong());
    }
    return input.request(text(body, "product"), text(body, "version"), text(body, "decision"), text(body, "by"),
        text(body, "acceptedRisk"), text(body, "rationale"));
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
}
