package dev.whodecides.guarantees;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checks that did not pass in a {@code whodecides verify --format json} report, by contract,
 * so that {@code lint --verified} can tell a promise that is made from one that is kept.
 */
public final class VerifiedResults {

  /** One contract of the report: its id, file, and the checks that failed or errored. */
  public record Verified(String contract, String file, List<String> broken) {}

  private final List<Verified> contracts;

  private VerifiedResults(List<Verified> contracts) {
    this.contracts = List.copyOf(contracts);
  }

  public static VerifiedResults none() {
    return new VerifiedResults(List.of());
  }

  /** Reads a verify JSON report; an IOException or IllegalArgumentException names what is wrong. */
  public static VerifiedResults read(Path file) throws IOException {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(file + ":" + (e.getLocation() == null ? 1 : e.getLocation().getLineNr())
          + ": not a whodecides verify JSON report (" + e.getOriginalMessage() + ")");
    }
    if (root == null || !root.path("contracts").isArray()) {
      throw new IllegalArgumentException(file + ": not a whodecides verify JSON report (no \"contracts\" list);"
          + " write one with whodecides verify --format json --output FILE");
    }
    Map<String, Verified> out = new LinkedHashMap<>();
    for (JsonNode c : root.get("contracts")) {
      List<String> broken = new ArrayList<>();
      for (JsonNode check : c.path("checks")) {
        String result = check.path("result").asText();
        if (result.equals("failed") || result.equals("error")) {
          String target = check.path("object").asText("")
              + (check.path("property").isTextual() ? "." + check.path("property").asText() : "");
          broken.add(check.path("check").asText() + " " + target + " " + result
              + (check.path("threshold").asText("").isEmpty() ? "" : " (expected " + check.path("threshold").asText()
                  + ", observed " + (check.path("observed").isNull() ? "-" : check.path("observed").asText()) + ")"));
        }
      }
      String id = c.path("contract").asText(null);
      String f = c.path("file").asText(null);
      out.merge(id + "\u0000" + f, new Verified(id, f, broken), (a, b) -> {
        List<String> all = new ArrayList<>(a.broken());
        all.addAll(b.broken());
        return new Verified(id, f, all);
      });
    }
    return new VerifiedResults(new ArrayList<>(out.values()));
  }

  /**
   * The report entry for a contract: matched by id, or by file name when ids differ (a report made
   * from another working directory still names the same file).
   */
  public Optional<Verified> find(String contractId, String contractFile) {
    for (Verified v : contracts) {
      if (contractId != null && contractId.equals(v.contract())) {
        return Optional.of(v);
      }
    }
    if (contractFile != null) {
      Path mine = Path.of(contractFile).toAbsolutePath().normalize();
      for (Verified v : contracts) {
        if (v.file() != null && Path.of(v.file()).toAbsolutePath().normalize().equals(mine)) {
          return Optional.of(v);
        }
      }
    }
    return Optional.empty();
  }

  public boolean isEmpty() {
    return contracts.isEmpty();
  }
}
