package dev.whodecides.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One contract's results from a {@code whodecides verify} report, as kept in the store. {@code id}
 * is null until stored; {@code result} is the contract's entry of the JSON report, as JSON text
 * ({@code {"contract","file","server","checks":[...]}}), so every check can be shown later.
 */
public record Verification(Long id, Instant importedAt, String contract, String file, String server,
    long passed, long failed, long errors, long warnings, String result) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One row per contract of a report in the JSON of {@code whodecides verify --format json}. The
   * command line and the service both import here; an IllegalArgumentException says in one
   * sentence what is wrong with the report.
   */
  public static List<Verification> fromReport(String json, Instant importedAt) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON at line " + (e.getLocation() == null ? 1 : e.getLocation().getLineNr())
          + " (" + e.getOriginalMessage() + "); send what whodecides verify --format json prints");
    }
    return fromReport(root, importedAt);
  }

  public static List<Verification> fromReport(JsonNode root, Instant importedAt) {
    if (root == null || !root.path("contracts").isArray()) {
      throw new IllegalArgumentException("not a whodecides verify JSON report (no \"contracts\" list); send what"
          + " whodecides verify --format json prints");
    }
    if (root.get("contracts").isEmpty()) {
      throw new IllegalArgumentException("the verify report has no contracts; there is nothing to record");
    }
    List<Verification> out = new ArrayList<>();
    int i = 0;
    for (JsonNode c : root.get("contracts")) {
      String at = "contracts[" + i++ + "]";
      if (!c.isObject()) {
        throw new IllegalArgumentException(at + " must be an object with contract, file, server and checks");
      }
      String contract = text(c, "contract", at);
      if (contract == null || contract.isBlank()) {
        throw new IllegalArgumentException(at + ".contract must name the contract's id");
      }
      if (!c.path("checks").isArray()) {
        throw new IllegalArgumentException(at + ".checks must be the list of the contract's check results");
      }
      long passed = 0;
      long failed = 0;
      long errors = 0;
      long warnings = 0;
      int j = 0;
      for (JsonNode check : c.get("checks")) {
        String result = check.path("result").asText("");
        switch (result) {
          case "passed" -> passed++;
          case "failed" -> failed++;
          case "error" -> errors++;
          case "warning" -> warnings++;
          default -> throw new IllegalArgumentException(at + ".checks[" + j + "].result must be passed, failed,"
              + " warning or error, " + (check.has("result") ? "not " + check.get("result") : "and is missing"));
        }
        j++;
      }
      try {
        out.add(new Verification(null, importedAt, contract, text(c, "file", at), text(c, "server", at), passed,
            failed, errors, warnings, JSON.writeValueAsString(c)));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    return out;
  }

  private static String text(JsonNode c, String field, String at) {
    JsonNode v = c.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new IllegalArgumentException(at + "." + field + " must be text, not " + v);
    }
    return v.asText();
  }

  public Verification withId(long id) {
    return new Verification(id, importedAt, contract, file, server, passed, failed, errors, warnings, result);
  }
}
