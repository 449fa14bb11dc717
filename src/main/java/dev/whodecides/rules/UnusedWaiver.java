package dev.whodecides.rules;

/** A waiver that matches no finding: the problem went away, or the waiver names the wrong thing. */
@RuleInfo(
    id = "unused-waiver",
    severity = Severity.INFO,
    summary = "A waiver in the configuration matches no finding: the problem is gone or the waiver names the wrong rule or entity.")
public final class UnusedWaiver implements WaiverRule {

  @Override
  public void check(Waivers waivers, Reporter reporter) {
    for (Waiver w : waivers.unused()) {
      reporter.about(w.rule(), w.entity().canonical()).report(null, w.file(), w.line(), w.column(),
          "The waiver of " + w.rule() + " for " + w.entity() + " (by " + w.by() + ", until " + w.until()
              + ") matches no finding.",
          null,
          "Delete the waiver if the problem is fixed; otherwise correct its rule or entity so it names the finding"
              + " (whodecides lint --format json shows each finding's rule and entity).");
    }
  }
}
