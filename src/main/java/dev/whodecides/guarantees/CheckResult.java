package dev.whodecides.guarantees;

import java.util.Locale;

/** The outcome of one check: passed, failed or error, with what was observed. */
public record CheckResult(Check check, Outcome result, Object observed, String message) {

  /** The three outcomes; ids are a contract of the JSON report. */
  public enum Outcome {
    PASSED, FAILED, ERROR;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static CheckResult error(Check check, String message) {
    return new CheckResult(check, Outcome.ERROR, null, message);
  }
}
