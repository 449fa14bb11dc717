package dev.whodecides.release;

import dev.whodecides.vocabulary.EntityRef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The release gate a deploy pipeline asks: may this version of this product go out? Only when the
 * newest call on record for that version, not superseded, is a {@code ship}. A call stands even when
 * the release decision has since moved to someone else: it was authorised when it was made.
 */
public final class ReleaseGate {

  /** The gate's answer: {@code record} is the call it rests on (null when there is none). */
  public record Answer(boolean allowed, String product, String version, ReleaseRecord record, String reason) {}

  private ReleaseGate() {}

  /**
   * Checks {@code version} of {@code product} against the product's records.
   *
   * @param history every record of the product, newest first, as the store lists them
   * @param ownerNow who holds the product's release decision today, or null when nobody does
   */
  public static Answer check(EntityRef product, String version, List<ReleaseRecord> history, EntityRef ownerNow) {
    String v = version.strip();
    Map<Long, ReleaseRecord> supersededBy = new HashMap<>();
    for (ReleaseRecord r : history) {
      if (r.supersedes() != null) {
        supersededBy.putIfAbsent(r.supersedes(), r);
      }
    }
    List<ReleaseRecord> calls = history.stream().filter(r -> r.version().equals(v)).toList();
    String what = product + " " + v;
    if (calls.isEmpty()) {
      return new Answer(false, product.toString(), v, null, "No call on record for " + what + ": "
          + (ownerNow == null ? "nobody holds its release decision, so declare a release owner, who then records"
              : ownerNow + ", who holds its release decision, has to record")
          + " ship or wait first (whodecides release record).");
    }
    Optional<ReleaseRecord> standing = calls.stream().filter(r -> !supersededBy.containsKey(r.id())).findFirst();
    if (standing.isEmpty()) {
      ReleaseRecord last = calls.get(0);
      ReleaseRecord by = supersededBy.get(last.id());
      String sameVersion = by.version().equals(v) ? "" : " for version " + by.version();
      return new Answer(false, product.toString(), v, by, "The " + last.decision() + " call on " + what + " (record "
          + last.id() + ") was superseded by " + (by.decision().equals("wait") ? "a wait" : "a ship") + sameVersion
          + " (record " + by.id() + ", " + by.by() + ")" + until(by) + ", so no call for " + v + " stands.");
    }
    ReleaseRecord r = standing.get();
    String made = " (record " + r.id() + ", recorded " + r.recordedAt() + ")";
    if (r.decision().equals("ship")) {
      String reason = r.by() + " decided to ship " + what + made + "."
          + (r.acceptedRisk() == null ? "" : " Accepted risk: " + r.acceptedRisk() + ".");
      if (ownerNow == null || !ownerNow.toString().equals(r.by())) {
        reason += " The release decision is now held by " + (ownerNow == null ? "nobody" : ownerNow.toString())
            + ", not " + r.by() + "; the call still stands, since it was authorised when it was made.";
      }
      return new Answer(true, product.toString(), v, r, reason);
    }
    ReleaseRecord earlier = r.supersedes() == null ? null
        : history.stream().filter(h -> h.id().equals(r.supersedes())).findFirst().orElse(null);
    if (earlier != null && earlier.decision().equals("ship")) {
      return new Answer(false, product.toString(), v, r, "The ship call on " + product + " " + earlier.version()
          + " (record " + earlier.id() + ") was superseded by a wait (record " + r.id() + ", " + r.by() + ")" + until(r)
          + ".");
    }
    return new Answer(false, product.toString(), v, r, r.by() + " decided that " + what + " waits" + made + until(r)
        + ".");
  }

  private static String until(ReleaseRecord r) {
    if (!r.decision().equals("wait")) {
      return "";
    }
    return r.waitUntil() == null ? ", with no date set for the next look" : " until " + r.waitUntil();
  }
}
