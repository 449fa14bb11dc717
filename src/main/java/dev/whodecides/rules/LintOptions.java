package dev.whodecides.rules;

/**
 * Tunables of the analysis. {@code duplicateThreshold} is the TF-IDF cosine at or above which two
 * use cases count as the same work.
 */
public record LintOptions(double duplicateThreshold) {

  public static final double DEFAULT_DUPLICATE_THRESHOLD = 0.5;

  public static LintOptions defaults() {
    return new LintOptions(DEFAULT_DUPLICATE_THRESHOLD);
  }
}
