package dev.whodecides.guarantees;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON that {@link VerifyReport#json} writes, the one parser of that format: for
 * {@code lint --verified}, {@code verify --record} and the service's import. Throws
 * IllegalArgumentException with one sentence saying what is wrong; callers add where the text
 * came from and what to send instead.
 */
public final class VerifyReportReader {

  private static final ObjectMapper JSON = new ObjectMapper();

  private VerifyReportReader() {}

  /**
   * One contract of a report: its counts, the checks that failed or could not run (each
   * described as {@code check target result (expected T, observed O)}), and the entry itself as
   * JSON text so that every check can be shown later.
   */
  public record Entry(String contract, String file, String server, long passed, long failed, long errors,
      long warnings, List<String> broken, String json) {}

  /** The text as a whole is no verify report (not JSON, or no contracts list), as opposed to one wrong entry. */
  public static final class NotAReport extends IllegalArgumentException {
    NotAReport(String message) {
      super(message);
    }
  }

  public static List<Entry> read(String text) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new NotAReport("not JSON at line " + (e.getLocation() == null ? 1 : e.getLocation().getLineNr())
          + " (" + e.getOriginalMessage() + ")");
    }
    if (root == null || !root.path("contracts").isArray()) {
      throw new NotAReport("not a whodecides verify JSON report (no \"contracts\" list)");
    }
    List<Entry> out = new ArrayList<>();
    int i = 0;
    for (JsonNode c : root.get("contracts")) {
      out.add(entry(c, "contracts[" + i++ + "]"));
    }
    return out;
  }

  /** The broken checks of a report by contract, as {@code lint --verified} reads them. */
  public static VerifiedResults verified(List<Entry> entries) {
    Map<String, VerifiedResults.Verified> byContract = new LinkedHashMap<>();
    for (Entry e : entries) {
      byContract.merge(e.contract() + '\u0000' + e.file(), new VerifiedResults.Verified(e.contract(), e.file(), e.broken()),
          (a, b) -> {
            List<String> all = new ArrayList<>(a.broken());
            all.addAll(b.broken());
            return new VerifiedResults.Verified(a.contract(), a.file(), all);
          });
    }
    return VerifiedResults.of(new ArrayList<>(byContract.values()));
  }

  private static Entry entry(JsonNode c, String at) {
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
    List<String> broken = new ArrayList<>();
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
      if (result.equals("failed") || result.equals("error")) {
        String target = check.path("object").asText("")
            + (check.path("property").isTextual() ? "." + check.path("property").asText() : "");
        String threshold = check.path("threshold").asText("");
        broken.add(check.path("check").asText() + " " + target + " " + result
            + (threshold.isEmpty() ? "" : " (expected " + threshold + ", observed "
                + (check.path("observed").isNull() || check.path("observed").isMissingNode() ? "-"
                    : check.path("observed").asText()) + ")"));
      }
      j++;
    }
    try {
      return new Entry(contract, text(c, "file", at), text(c, "server", at), passed, failed, errors,
          warnings, List.copyOf(broken), JSON.writeValueAsString(c));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a parsed JSON tree always writes back", e);
    }
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
}
