package dev.whodecides.guarantees;

/** The outcome of one check: passed, failed or error, with what was observed. */
public record CheckResult(Check check, Outcome result, Object observed, String message) {

  /** The three outcomes; ids are a contract of the JSON report. */
  public enum Outcome {
    PASSED, FAILED, ERROR;

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public static CheckResult error(Check check, String message) {
    return new CheckResult(check, Outcome.ERROR, null, message);
  }
}
