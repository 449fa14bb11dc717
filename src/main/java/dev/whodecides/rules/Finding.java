package dev.whodecides.rules;

import dev.whodecides.knowledge.Citation;
import java.util.Comparator;
import java.util.List;

/** One gap in an organization's decision rights, where it is written, and what to do about it. */
public record Finding(
    String rule,
    Severity severity,
    String entity,
    String file,
    int line,
    int column,
    String message,
    Recommendation recommendation,
    List<Citation> evidence) {

  /** The order of every report: file, then line, then rule. */
  public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::file)
      .thenComparingInt(Finding::line)
      .thenComparing(Finding::rule)
      .thenComparing(f -> f.entity() == null ? "" : f.entity())
      .thenComparing(Finding::message);
}
