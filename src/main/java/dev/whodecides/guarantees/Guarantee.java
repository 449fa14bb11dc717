package dev.whodecides.guarantees;

import java.util.Locale;

/** The four promises a data product owner makes to consumers; every check serves one. */
public enum Guarantee {
  COMPLETENESS, TIMELINESS, INTEGRITY, QUALITY;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Maps an ODCS quality {@code dimension} onto a guarantee, or {@code fallback} when absent or unknown. */
  public static Guarantee ofDimension(Object dimension, Guarantee fallback) {
    if (dimension == null) {
      return fallback;
    }
    return switch (dimension.toString().toLowerCase(Locale.ROOT)) {
      case "completeness", "coverage" -> COMPLETENESS;
      case "timeliness" -> TIMELINESS;
      case "uniqueness", "consistency" -> INTEGRITY;
      case "accuracy", "conformity", "validity" -> QUALITY;
      default -> fallback;
    };
  }
}
