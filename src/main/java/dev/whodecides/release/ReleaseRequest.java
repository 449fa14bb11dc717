package dev.whodecides.release;

import java.time.LocalDate;
import java.util.Map;

/**
 * A ship-or-wait call as somebody submits it, before it is checked. References may be short
 * ({@code newsletter-picks}, {@code user:tomas.reyes}); they are resolved against the catalog.
 */
public record ReleaseRequest(
    String product, String version, String decision, String by, Map<String, Double> metrics,
    Map<String, String> bar, String acceptedRisk, String rationale, LocalDate waitUntil, Long supersedes) {

  /**
   * One measured value as people type it, {@code precision=0.82}, for the command line and the form.
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  public static Map.Entry<String, Double> metric(String nameEqualsValue) {
    int eq = nameEqualsValue.indexOf('=');
    try {
      if (eq > 0) {
        return Map.entry(nameEqualsValue.substring(0, eq).strip(),
            Double.parseDouble(nameEqualsValue.substring(eq + 1).strip()));
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new IllegalArgumentException("'" + nameEqualsValue.strip() + "' is not NAME=NUMBER, e.g. precision=0.82");
  }
}
