package dev.whodecides.rules;

import dev.whodecides.guarantees.VerifiedResults;

/**
 * Tunables of the analysis. {@code duplicateThreshold} is the TF-IDF cosine at or above which two
 * use cases count as the same work; {@code verified} holds the last {@code verify} report, if any;
 * {@code manualFixVolume} is the number of items up to which a hand clean-up may beat building a
 * model, an automation or an API; {@code busyUseCases} is the number of use cases at which one
 * person counts as spread too thin; {@code policy} is the team's configuration.
 */
public record LintOptions(double duplicateThreshold, VerifiedResults verified, long manualFixVolume,
    int busyUseCases, Policy policy) {

  public static final double DEFAULT_DUPLICATE_THRESHOLD = 0.5;
  public static final long DEFAULT_MANUAL_FIX_VOLUME = 1_000;
  public static final int DEFAULT_BUSY_USE_CASES = 3;

  public LintOptions {
    verified = verified == null ? VerifiedResults.none() : verified;
    policy = policy == null ? Policy.none() : policy;
  }

  public LintOptions(double duplicateThreshold, VerifiedResults verified, long manualFixVolume) {
    this(duplicateThreshold, verified, manualFixVolume, DEFAULT_BUSY_USE_CASES, Policy.none());
  }

  public LintOptions(double duplicateThreshold, VerifiedResults verified) {
    this(duplicateThreshold, verified, DEFAULT_MANUAL_FIX_VOLUME);
  }

  public LintOptions(double duplicateThreshold) {
    this(duplicateThreshold, VerifiedResults.none());
  }

  public static LintOptions defaults() {
    return new LintOptions(DEFAULT_DUPLICATE_THRESHOLD);
  }

  public LintOptions with(Policy p) {
    return new LintOptions(duplicateThreshold, verified, manualFixVolume, busyUseCases, p);
  }
}
