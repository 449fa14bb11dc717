package dev.whodecides.release;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A ship-or-wait call as a person types it (on the command line, in the web form or as a JSON
 * body), read into a {@link ReleaseRequest}. The one reader for all three: a metric, a bar, a date
 * or a record number is read the same way wherever it is typed, and refused with the same words,
 * naming the field as that place calls it ({@code --metric} on the command line, {@code metrics}
 * in JSON). A refusal here is a {@link Refusal} with status 400; who may record what is for
 * {@link ReleasePolicy} to decide afterwards.
 */
public final class ReleaseInput {

  /** What the place a call is typed in calls each field, for messages. */
  public record Labels(String metric, String bar, String waitUntil, String supersedes) {}

  private final Labels labels;
  private final Map<String, Double> metrics = new LinkedHashMap<>();
  private final Map<String, String> bar = new LinkedHashMap<>();
  private LocalDate waitUntil;
  private Long supersedes;

  public ReleaseInput(Labels labels) {
    this.labels = labels;
  }

  /** One measured value as people type it: {@code precision=0.82}. */
  public ReleaseInput metric(String nameEqualsValue) {
    String text = nameEqualsValue == null ? "" : nameEqualsValue.strip();
    int eq = text.indexOf('=');
    if (eq > 0) {
      try {
        return metric(text.substring(0, eq).strip(), Double.parseDouble(text.substring(eq + 1).strip()));
      } catch (NumberFormatException e) {
        // answered below
      }
    }
    throw new Refusal(400, labels.metric() + " '" + text + "' is not NAME=NUMBER, e.g. precision=0.82");
  }

  /** One measured value already split into its name and number (a JSON object's entry). */
  public ReleaseInput metric(String name, double value) {
    metrics.put(name, value);
    return this;
  }

  /** Measured values one per line, as a text box holds them; blank lines are skipped. */
  public ReleaseInput metricLines(String text) {
    lines(text).forEach(this::metric);
    return this;
  }

  /** One agreed threshold as people type it: {@code precision>=0.80}. */
  public ReleaseInput bar(String named) {
    Bar b;
    try {
      b = Bar.parse(named);
    } catch (IllegalArgumentException e) {
      throw new Refusal(400, labels.bar() + " '" + (named == null ? "" : named.strip())
          + "' is not NAME OPERATOR NUMBER, e.g. \"precision>=0.80\"");
    }
    bar.put(b.metric(), b.expression());
    return this;
  }

  /** One agreed threshold given as its metric and its expression: {@code precision}, {@code >= 0.80}. */
  public ReleaseInput bar(String metric, String expression) {
    Bar b;
    try {
      b = Bar.parse(metric, expression);
    } catch (IllegalArgumentException e) {
      throw new Refusal(400, labels.bar() + " for '" + metric + "' is '" + expression
          + "'; write an operator and a number, e.g. \">= 0.80\"");
    }
    bar.put(b.metric(), b.expression());
    return this;
  }

  /** Agreed thresholds one per line, as a text box holds them; blank lines are skipped. */
  public ReleaseInput barLines(String text) {
    lines(text).forEach(this::bar);
    return this;
  }

  /** The date of the next look after a wait, {@code 2026-12-31}; null or blank for none. */
  public ReleaseInput waitUntil(String date) {
    if (date == null || date.isBlank()) {
      waitUntil = null;
      return this;
    }
    try {
      waitUntil = LocalDate.parse(date.strip());
    } catch (DateTimeParseException e) {
      throw new Refusal(400, labels.waitUntil() + " '" + date + "' is not a date like 2026-12-31");
    }
    return this;
  }

  /** The number of the record this call corrects, {@code 12} or {@code #12}; null or blank for none. */
  public ReleaseInput supersedes(String id) {
    if (id == null || id.isBlank()) {
      supersedes = null;
      return this;
    }
    try {
      supersedes = Long.parseLong(id.strip().replaceFirst("^#", ""));
    } catch (NumberFormatException e) {
      throw new Refusal(400, labels.supersedes() + " '" + id + "' is not a record number");
    }
    return this;
  }

  /** The number of the record this call corrects, or null. */
  public ReleaseInput supersedes(Long id) {
    supersedes = id;
    return this;
  }

  /** The call with everything read so far; blank texts count as not given. */
  public ReleaseRequest request(String product, String version, String decision, String by, String acceptedRisk,
      String rationale) {
    return new ReleaseRequest(text(product), text(version), text(decision), text(by), new LinkedHashMap<>(metrics),
        new LinkedHashMap<>(bar), text(acceptedRisk), text(rationale), waitUntil, supersedes);
  }

  private static List<String> lines(String text) {
    return text == null ? List.of() : text.lines().filter(l -> !l.isBlank()).map(String::strip).toList();
  }

  private static String text(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
