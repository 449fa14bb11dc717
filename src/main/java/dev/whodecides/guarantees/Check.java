package dev.whodecides.guarantees;

import java.util.List;

/**
 * One promise of a contract turned into something to measure: which metric over which table and
 * column, the threshold it must meet, and the guarantee it serves.
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
    double unitSeconds) {

  /** What is measured. Most metrics are counts of offending rows computed in the table's shared scan. */
  public enum Metric {
    OBJECT_EXISTS, PROPERTY_EXISTS, PROPERTY_TYPE,
    ROW_COUNT, NULLS, MISSING, INVALID_VALUES, INVALID_PATTERN, DUPLICATES, DUPLICATE_ROWS, PRIMARY_KEY,
    TOO_SHORT, TOO_LONG, PATTERN_MISMATCH, BELOW_MIN, ABOVE_MAX, NOT_ABOVE, NOT_BELOW, NOT_IN_ENUM,
    SQL, NEWEST_AGE, OLDEST_AGE;

    /** Whether the metric is an aggregate that shares the table's single scan. */
    public boolean sharesScan() {
      return switch (this) {
        case OBJECT_EXISTS, PROPERTY_EXISTS, PROPERTY_TYPE, SQL, DUPLICATE_ROWS -> false;
        default -> true;
      };
    }
  }

  /** The threshold as the report shows it. */
  public String thresholdText() {
    if (metric == Metric.OBJECT_EXISTS || metric == Metric.PROPERTY_EXISTS) {
      return "exists";
    }
    if (metric == Metric.PROPERTY_TYPE) {
      return "compatible with " + text;
    }
    return threshold == null ? "" : threshold.toString();
  }

  public Check withText(String t) {
    return new Check(kind, object, property, guarantee, metric, table, column, columns, values, t, threshold, unitSeconds);
  }

  /** {@code object.property} or the object alone. */
  public String target() {
    return property == null ? object : object + "." + property;
  }
}
