package dev.whodecides.rules;

import dev.whodecides.catalog.Entity;
import dev.whodecides.knowledge.Citation;
import dev.whodecides.vocabulary.EntityRef;
import java.util.List;
import java.util.function.Consumer;

/** Turns what a rule found into {@link Finding}s carrying the rule's metadata and evidence. */
public final class Reporter {

  private final RuleDescriptor rule;
  private final List<Citation> evidence;
  private final Consumer<Finding> sink;
  private final String subject;

  public Reporter(RuleDescriptor rule, List<Citation> evidence, Consumer<Finding> sink) {
    this(rule, List.copyOf(evidence), sink, "");
  }

  private Reporter(RuleDescriptor rule, List<Citation> evidence, Consumer<Finding> sink, String subject) {
    this.rule = rule;
    this.evidence = evidence;
    this.sink = sink;
    this.subject = subject;
  }

  /**
   * A reporter whose findings carry this subject: what a finding is about beyond its entity (the
   * decision type, the missing reference, the pair that conflicts). Parts are joined with '|'.
   * Part of the fingerprint, so it names things, never positions or wording.
   */
  public Reporter about(Object... parts) {
    StringBuilder b = new StringBuilder();
    for (Object p : parts) {
      b.append(b.length() == 0 ? "" : "|").append(p);
    }
    return new Reporter(rule, evidence, sink, b.toString());
  }

  /** Reports a finding on an entity, at the document that declares it. */
  public void report(Entity at, String message, String action) {
    report(at.ref(), at.file(), at.line(), at.column(), message, rule.role(), action);
  }

  /** Reports a finding on an entity, at the document that declares it, recommending {@code role}. */
  public void report(Entity at, String message, String role, String action) {
    report(at.ref(), at.file(), at.line(), at.column(), message, role, action);
  }

  /** Reports a finding about {@code entity} located at another document (say, a Decision). */
  public void report(EntityRef entity, Entity location, String message, String role, String action) {
    report(entity, location.file(), location.line(), location.column(), message, role, action);
  }

  public void report(EntityRef entity, String file, int line, int column, String message, String role, String action) {
    sink.accept(new Finding(rule.id(), rule.severity(), entity == null ? null : entity.toString(), file,
        Math.max(line, 1), Math.max(column, 1), message, new Recommendation(role, action), evidence, subject));
  }

  /**
   * Reports one finding for something written in several places: it stands at the first place
   * (they come in report order) and lists them all.
   */
  public void report(EntityRef entity, List<Place> places, String message, String role, String action) {
    Place at = places.get(0);
    sink.accept(new Finding(rule.id(), rule.severity(), entity == null ? null : entity.toString(), at.file(),
        Math.max(at.line(), 1), Math.max(at.column(), 1), message, new Recommendation(role, action), evidence, subject,
        places));
  }

  public RuleDescriptor rule() {
    return rule;
  }
}
