package dev.whodecides.rules;

import dev.whodecides.knowledge.Citation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * One gap in an organization's decision rights, where it is written, and what to do about it.
 * {@code subject} is what the finding is about beyond its entity (the decision type, the missing
 * reference, the pair that conflicts, ...); with the rule and the entity it makes the finding's
 * {@link #fingerprint() identity}. {@code places} lists every place the subject is written, in report
 * order, for a finding about something many places name (a missing team); the finding itself is at
 * the first of them. It is empty for a finding about one place.
 */
public record Finding(
    String rule,
    Severity severity,
    String entity,
    String file,
    int line,
    int column,
    String message,
    Recommendation recommendation,
    List<Citation> evidence,
    String subject,
    List<Place> places) {

  /** The order of every report: file, then line, then rule. */
  public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::file)
      .thenComparingInt(Finding::line)
      .thenComparing(Finding::rule)
      .thenComparing(f -> f.entity() == null ? "" : f.entity())
      .thenComparing(Finding::message);

  public Finding {
    subject = subject == null ? "" : subject;
    places = places == null ? List.of() : List.copyOf(places);
  }

  /** A finding written in one place, its own. */
  public Finding(String rule, Severity severity, String entity, String file, int line, int column, String message,
      Recommendation recommendation, List<Citation> evidence, String subject) {
    this(rule, severity, entity, file, line, column, message, recommendation, evidence, subject, List.of());
  }

  /**
   * The finding's stable identity: 16 hex digits of SHA-256 over its rule, its entity and its
   * subject. It does not change when lines move, files are read in another order or a message is
   * reworded, so a baseline, a link or a code-scanning alert can follow one finding across runs.
   * A document too broken to have a name is identified by its file instead.
   */
  public String fingerprint() {
    String key = rule + '\u0000' + (entity != null ? entity : "file:" + file) + '\u0000' + subject;
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
