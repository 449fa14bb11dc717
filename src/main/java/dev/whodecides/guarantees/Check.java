package dev.whodecides.guarantees;

import java.util.List;
import java.util.Locale;

/**
 * One promise of a contract turned into something to measure: which metric over which table and
 * column, the threshold it must meet, and the guarantee it serves. {@code severity} is the quality
 * rule's own (null for an error); a failing {@code warning} or {@code info} check does not fail the run.
 */
public record Check(
    String kind,
    String object,
    String property,
    Guarantee guarantee,
    Metric metric,
    String table,
    String column,
    List<String> columns,
    List<Object> values,
    String text,
    Threshold threshold,
    double unitSeconds,
    String severity,
    Contract.Property declared) {

  /** What is measured. Most metrics are counts of offending rows computed in the table's shared scan. */
  public enum Metric {
    OBJECT_EXISTS, PROPERTY_EXISTS, PROPERTY_TYPE, PHYSICAL_TYPE,
    ROW_COUNT, NULLS, MISSING, INVALID_VALUES, INVALID_PATTERN, DUPLICATES, DUPLICATE_ROWS, PRIMARY_KEY,
    TOO_SHORT, TOO_LONG, PATTERN_MISMATCH, BELOW_MIN, ABOVE_MAX, NOT_ABOVE, NOT_BELOW, NOT_IN_ENUM,
    SQL, NEWEST_AGE, OLDEST_AGE;

    /** Whether the metric is an aggregate that shares the table's single scan. */
    public boolean sharesScan() {
      return switch (this) {
        case OBJECT_EXISTS, PROPERTY_EXISTS, PROPERTY_TYPE, PHYSICAL_TYPE, SQL, DUPLICATE_ROWS -> false;
        default -> true;
      };
    }
  }

  public Check(String kind, String object, String property, Guarantee guarantee, Metric metric, String table,
      String column, List<String> columns, List<Object> values, String text, Threshold threshold, double unitSeconds) {
    this(kind, object, property, guarantee, metric, table, column, columns, values, text, threshold, unitSeconds, null,
        null);
  }

  /** The threshold as the report shows it. */
  public String thresholdText() {
    if (metric == Metric.OBJECT_EXISTS || metric == Metric.PROPERTY_EXISTS) {
      return "exists";
    }
    if (metric == Metric.PROPERTY_TYPE) {
      return "compatible with " + text;
    }
    if (metric == Metric.PHYSICAL_TYPE) {
      return text;
    }
    return threshold == null ? "" : threshold.toString();
  }

  public Check withText(String t) {
    return new Check(kind, object, property, guarantee, metric, table, column, columns, values, t, threshold, unitSeconds,
        severity, declared);
  }

  public Check withSeverity(String s) {
    return new Check(kind, object, property, guarantee, metric, table, column, columns, values, text, threshold,
        unitSeconds, s == null ? null : s.toLowerCase(Locale.ROOT), declared);
  }

  public Check withDeclared(Contract.Property p) {
    return new Check(kind, object, property, guarantee, metric, table, column, columns, values, text, threshold,
        unitSeconds, severity, p);
  }

  /** Whether a failure of this check only warns: its rule's severity is warning or info. */
  public boolean onlyWarns() {
    return "warning".equals(severity) || "warn".equals(severity) || "info".equals(severity);
  }

  /** {@code object.property} or the object alone. */
  public String target() {
    return property == null ? object : object + "." + property;
  }
}
