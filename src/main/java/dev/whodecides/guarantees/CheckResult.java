package dev.whodecides.guarantees;

import java.util.Locale;

/** The outcome of one check: passed, failed, warning or error, with what was observed. */
public record CheckResult(Check check, Outcome result, Object observed, String message) {

  /**
   * The four outcomes; ids are a contract of the JSON report. {@code WARNING} is a failed check whose
   * rule has severity warning or info: reported, but the run does not fail for it.
   */
  public enum Outcome {
    PASSED, FAILED, WARNING, ERROR;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static CheckResult error(Check check, String message) {
    return new CheckResult(check, Outcome.ERROR, null, message);
  }

  /** Passed, or failed (a warning when the check's rule only warns). */
  public static CheckResult judged(Check check, boolean ok, Object observed, String message) {
    Outcome o = ok ? Outcome.PASSED : check.onlyWarns() ? Outcome.WARNING : Outcome.FAILED;
    return new CheckResult(check, o, observed, message);
  }
}
