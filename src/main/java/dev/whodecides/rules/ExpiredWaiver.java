package dev.whodecides.rules;

/** A waiver whose date has passed: it accepts nothing any more, and somebody has to decide again. */
@RuleInfo(
    id = "expired-waiver",
    severity = Severity.WARNING,
    summary = "A waiver in the configuration is past its until date, so the findings it accepted count again.")
public final class ExpiredWaiver implements WaiverRule {

  @Override
  public void check(Waivers waivers, Reporter reporter) {
    for (Waiver w : waivers.expired()) {
      reporter.about(w.rule(), w.entity().canonical()).report(null, w.file(), w.line(), w.column(),
          "The waiver of " + w.rule() + " for " + w.entity() + " by " + w.by() + " ran out on " + w.until()
              + " (reason: " + w.reason() + "); the findings it accepted count again.",
          null,
          "Fix what the waiver covered, or, if the reason still holds, have " + w.by()
              + " (or whoever owns the decision now) set a new until: date, after checking the reason is still true.");
    }
  }
}
