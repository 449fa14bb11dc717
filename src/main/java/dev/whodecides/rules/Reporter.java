package dev.whodecides.rules;

import dev.whodecides.catalog.Entity;
import dev.whodecides.catalog.SourcePositions;
import dev.whodecides.knowledge.Citation;
import dev.whodecides.vocabulary.EntityRef;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** Turns what a rule found into {@link Finding}s carrying the rule's metadata and evidence. */
public final class Reporter {

  private final RuleDescriptor rule;
  private final List<Citation> evidence;
  private final Consumer<Finding> sink;
  private final String subject;
  /** Looks up where a field is written; null to leave findings at their documents. */
  private final SourcePositions positions;
  /** The field the findings are about, as a JSON pointer ({@code /spec/owner}), or null. */
  private final String path;
  /** The value in a list field the findings are about ({@code team-b} in {@code memberOf}), or null. */
  private final String value;
  private final boolean atKey;

  /** A field a subject names first: {@code spec.owner}, {@code metadata.annotations}. */
  private static final Pattern FIELD = Pattern.compile("(spec|metadata)(\\.[A-Za-z0-9_]+)+");

  public Reporter(RuleDescriptor rule, List<Citation> evidence, Consumer<Finding> sink) {
    this(rule, evidence, sink, null);
  }

  /** A reporter that puts each finding at the line and column of the field it is about, when it knows it. */
  public Reporter(RuleDescriptor rule, List<Citation> evidence, Consumer<Finding> sink, SourcePositions positions) {
    this(rule, List.copyOf(evidence), sink, "", positions, null, null, false);
  }

  private Reporter(RuleDescriptor rule, List<Citation> evidence, Consumer<Finding> sink, String subject,
      SourcePositions positions, String path, String value, boolean atKey) {
    this.rule = rule;
    this.evidence = evidence;
    this.sink = sink;
    this.subject = subject;
    this.positions = positions;
    this.path = path;
    this.value = value;
    this.atKey = atKey;
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
    // A subject that starts with a field (spec.owner, then the value) also says where to point.
    String first = parts.length == 0 ? "" : String.valueOf(parts[0]);
    String field = null;
    if (FIELD.matcher(first).matches()) {
      field = "/" + first.replace('.', '/');
    } else if (first.startsWith("whodecides.dev/")) {
      field = "/metadata/annotations/" + first.replace("~", "~0").replace("/", "~1");
    }
    String entry = field != null && parts.length > 1 ? String.valueOf(parts[1]) : null;
    return new Reporter(rule, evidence, sink, b.toString(), positions, field, entry, false);
  }

  /**
   * A reporter whose findings stand at the field {@code path} names (a JSON pointer such as
   * {@code /metadata/links/0}), or at its key when {@code atKey}, rather than at the document.
   */
  public Reporter at(String path, boolean atKey) {
    return new Reporter(rule, evidence, sink, subject, positions, path == null || path.isEmpty() ? null : path, null,
        atKey);
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
    if (positions != null && path != null) {
      int[] at = positions.locate(file, line, column, path, value, atKey);
      line = at[0];
      column = at[1];
    }
    sink.accept(new Finding(rule.id(), rule.severity(), entity == null ? null : entity.toString(), file,
        Math.max(line, 1), Math.max(column, 1), message, new Recommendation(role, action), evidence, subject));
  }

  /**
   * Reports one finding for something written in several places: it stands at the first place
   * (they come in report order) and lists them all.
   */
  public void report(EntityRef entity, List<Place> places, String message, String role, String action) {
    if (positions != null) {
      // Each place at the value it names: a reference in a list is the entry naming this entity.
      String name = entity == null ? null : entity.name();
      places = places.stream().map(p -> {
        int[] where = positions.locate(p.file(), p.line(), p.column(), "/" + p.field().replace('.', '/'), name, false);
        return new Place(p.entity(), p.field(), p.file(), where[0], where[1]);
      }).toList();
    }
    Place at = places.get(0);
    sink.accept(new Finding(rule.id(), rule.severity(), entity == null ? null : entity.toString(), at.file(),
        Math.max(at.line(), 1), Math.max(at.column(), 1), message, new Recommendation(role, action), evidence, subject,
        places));
  }

  public RuleDescriptor rule() {
    return rule;
  }
}
