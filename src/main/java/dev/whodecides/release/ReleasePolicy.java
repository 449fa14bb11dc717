package dev.whodecides.release;

import dev.whodecides.catalog.Catalog;
import dev.whodecides.catalog.Entity;
import dev.whodecides.decisions.Authority;
import dev.whodecides.decisions.Ownership;
import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.EntityRef;
import dev.whodecides.vocabulary.Kind;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Decides whether a release call may be recorded: only the effective {@code release} owner of the
 * product may make it, and a ship whose metrics miss the agreed bar needs its risk accepted in
 * words. Turns an accepted call into a record with its stakeholder statement.
 */
public final class ReleasePolicy {

  private final Ownership ownership;
  private final Clock clock;

  public ReleasePolicy(Ownership ownership, Clock clock) {
    this.ownership = ownership;
    this.clock = clock;
  }

  /**
   * Checks a request and returns the record to store.
   *
   * @param caller the person a bearer token belongs to, or null on the command line
   * @throws Refusal with the reason and status when the call may not be recorded
   */
  /** What a metric may be called: letters, digits and {@code _ - . @ /}, starting with a letter. */
  static final Pattern METRIC_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.@/-]{0,99}");

  public ReleaseRecord admit(ReleaseRequest r, EntityRef caller) {
    Catalog catalog = ownership.catalog();
    require(r.product(), "product");
    require(r.version(), "version");
    require(r.decision(), "decision");
    String decision = r.decision().strip().toLowerCase(Locale.ROOT);
    if (!decision.equals("ship") && !decision.equals("wait")) {
      throw new Refusal(400, "decision is '" + r.decision() + "'; use ship or wait");
    }
    EntityRef product = catalog.resolve(r.product(), Kind.PRODUCTS)
        .filter(catalog::exists)
        .orElseThrow(() -> new Refusal(404, "product '" + r.product() + "' is not in the catalog"));
    String byText = r.by() != null && !r.by().isBlank() ? r.by() : caller == null ? null : caller.toString();
    require(byText, "by");
    EntityRef by = catalog.resolve(byText, List.of(Kind.USER))
        .orElseThrow(() -> new Refusal(400, "by '" + byText + "' is not a reference to a person"));
    if (caller != null && !caller.equals(by)) {
      throw new Refusal(403, "the token belongs to " + caller + ", who cannot record a call in the name of " + by);
    }
    // The same answer as whodecides may: only the effective owner, by name, holds the call.
    Authority.Verdict may = Authority.of(ownership).may(by, DecisionType.RELEASE, product);
    if (may.owner() == null) {
      throw new Refusal(403, "nobody holds the release decision for " + product
          + "; declare its release owner in the catalog first");
    }
    if (!may.allowed()) {
      throw new Refusal(403, by + " is not the release owner of " + product + "; " + may.owner()
          + " is (declared on " + may.inheritedFrom() + ")");
    }
    Map<String, Double> metrics = r.metrics() == null ? Map.of() : new LinkedHashMap<>(r.metrics());
    for (Map.Entry<String, Double> m : metrics.entrySet()) {
      if (!METRIC_NAME.matcher(m.getKey()).matches()) {
        throw new Refusal(400, "metric name '" + m.getKey() + "' is not a name such as precision or recall_at_10");
      }
      if (m.getValue() == null || !Double.isFinite(m.getValue())) {
        throw new Refusal(400, "metric " + m.getKey() + " is " + m.getValue() + "; give the measured value as a finite number");
      }
    }
    List<Bar> bar = new ArrayList<>();
    if (r.bar() != null) {
      for (Map.Entry<String, String> e : r.bar().entrySet()) {
        try {
          bar.add(Bar.parse(e.getKey(), e.getValue()));
        } catch (IllegalArgumentException ex) {
          throw new Refusal(400, ex.getMessage());
        }
      }
    }
    List<String> missed = missed(bar, metrics);
    boolean riskAccepted = r.acceptedRisk() != null && !r.acceptedRisk().isBlank();
    if (decision.equals("ship") && !missed.isEmpty() && !riskAccepted) {
      throw new Refusal(422, "shipping below the agreed bar (" + String.join("; ", missed)
          + ") needs the accepted risk written down; add acceptedRisk or decide to wait");
    }
    Instant now = clock.instant();
    String title = catalog.get(product).map(Entity::title).orElse(null);
    ReleaseRecord draft = new ReleaseRecord(null, product.toString(), r.version().strip(), decision, by.toString(),
        Map.copyOf(metrics), List.copyOf(bar), riskAccepted ? r.acceptedRisk().strip() : null,
        r.rationale() == null || r.rationale().isBlank() ? null : r.rationale().strip(), r.waitUntil(),
        r.supersedes(), now, null);
    return new ReleaseRecord(null, draft.product(), draft.version(), draft.decision(), draft.by(), draft.metrics(),
        draft.bar(), draft.acceptedRisk(), draft.rationale(), draft.waitUntil(), draft.supersedes(), now,
        Statement.of(draft, title, missed));
  }

  /** The bars the metrics miss, as readable text; a metric with no value misses its bar. */
  static List<String> missed(List<Bar> bar, Map<String, Double> metrics) {
    List<String> out = new ArrayList<>();
    for (Bar b : bar) {
      Double v = metrics.get(b.metric());
      if (v == null) {
        out.add(b.metric() + " not measured (needs " + b.expression() + ")");
      } else if (!b.metBy(v)) {
        out.add(b.metric() + " " + Bar.number(v) + " (needs " + b.expression() + ")");
      }
    }
    return out;
  }

  private static void require(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new Refusal(400, field + " is missing");
    }
  }
}
