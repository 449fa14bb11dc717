package dev.whodecides.release;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The plain-language note for stakeholders that every release record carries: what ships or
 * waits, the numbers against the bar, who decided, the accepted risk and the next look.
 */
public final class Statement {

  private Statement() {}

  static String of(ReleaseRecord r, String productTitle, List<String> missed) {
    String name = productTitle != null ? productTitle + " (" + r.product() + ")" : r.product();
    StringBuilder s = new StringBuilder();
    if (r.decision().equals("ship")) {
      s.append(name).append(" version ").append(r.version()).append(" goes live.");
    } else {
      s.append(name).append(" version ").append(r.version()).append(" does not go live yet.");
    }
    List<String> numbers = new ArrayList<>();
    for (Bar b : r.bar()) {
      Double v = r.metrics().get(b.metric());
      numbers.add(b.metric() + " " + (v == null ? "was not measured" : "is " + Bar.number(v)) + " against a bar of "
          + b.expression() + (v != null && b.metBy(v) ? " (met)" : " (missed)"));
    }
    for (Map.Entry<String, Double> m : r.metrics().entrySet()) {
      if (r.bar().stream().noneMatch(b -> b.metric().equals(m.getKey()))) {
        numbers.add(m.getKey() + " is " + Bar.number(m.getValue()) + " (no bar agreed)");
      }
    }
    if (!numbers.isEmpty()) {
      // Metric names are kept as the team writes them (ndcg, F1, p95_latency_ms): never capitalised.
      s.append(" Measured: ").append(String.join("; ", numbers)).append(".");
    }
    if (r.bar().isEmpty()) {
      s.append(" No quality bar was agreed for this release.");
    } else if (missed.isEmpty()) {
      s.append(" Every agreed bar is met.");
    }
    s.append(" Decided by ").append(r.by()).append(", who holds the release call.");
    if (r.acceptedRisk() != null) {
      s.append(" Risk accepted: ").append(r.acceptedRisk()).append(r.acceptedRisk().endsWith(".") ? "" : ".");
    }
    if (r.rationale() != null) {
      s.append(" Why: ").append(r.rationale()).append(r.rationale().endsWith(".") ? "" : ".");
    }
    if (r.waitUntil() != null) {
      s.append(" Next look on ").append(r.waitUntil()).append(".");
    } else if (r.decision().equals("wait")) {
      s.append(" No date is set for the next look.");
    }
    if (r.supersedes() != null) {
      s.append(" This corrects record ").append(r.supersedes()).append(".");
    }
    return s.toString();
  }
}
