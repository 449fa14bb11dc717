package dev.whodecides.store;

import dev.whodecides.rules.Finding;
import dev.whodecides.rules.LintResult;
import dev.whodecides.rules.Severity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The summary of one lint run kept in the store, a point of the findings trend. {@code id} is null
 * until stored; {@code byRule} counts findings per rule id, rules without findings left out.
 */
public record LintRun(Long id, Instant recordedAt, String fingerprint, String source, int entities, int files,
    long errors, long warnings, long infos, long findings, Map<String, Long> byRule) {

  /** A run of {@code whodecides lint --record}. */
  public static final String CLI = "cli";
  /** A run of the service, recorded when it analyses a changed catalog. */
  public static final String SERVE = "serve";

  public LintRun {
    if (!CLI.equals(source) && !SERVE.equals(source)) {
      throw new IllegalArgumentException("a lint run's source is 'cli' or 'serve', not '" + source + "'");
    }
    byRule = Collections.unmodifiableMap(new TreeMap<>(byRule));
  }

  /** The summary of a lint result; the command line and the service both build runs here. */
  public static LintRun of(LintResult r, String source, Instant recordedAt) {
    Map<String, Long> byRule = new TreeMap<>();
    for (Finding f : r.findings()) {
      byRule.merge(f.rule(), 1L, Long::sum);
    }
    return new LintRun(null, recordedAt, fingerprint(r), source, r.entities(), r.catalog().files(),
        r.count(Severity.ERROR), r.count(Severity.WARNING), r.count(Severity.INFO), r.findings().size(), byRule);
  }

  /**
   * SHA-256 over the sorted fingerprints of the findings and the entity count: two runs share it
   * exactly when they found the same findings in a catalog of the same size, whatever the order
   * the rules ran in and wherever the lines moved.
   */
  public static String fingerprint(LintResult r) {
    List<String> ids = new ArrayList<>(r.findings().size());
    for (Finding f : r.findings()) {
      ids.add(f.fingerprint());
    }
    Collections.sort(ids);
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(("entities " + r.entities() + '\n').getBytes(StandardCharsets.UTF_8));
      for (String id : ids) {
        sha.update(id.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public LintRun withId(long id) {
    return new LintRun(id, recordedAt, fingerprint, source, entities, files, errors, warnings, infos, findings, byRule);
  }
}
