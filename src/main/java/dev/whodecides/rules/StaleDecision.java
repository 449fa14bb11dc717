package dev.whodecides.rules;

import dev.whodecides.catalog.Entity;
import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.EntityRef;
import dev.whodecides.vocabulary.Kind;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** A Decision past its review date: nobody has re-confirmed that the named owner still holds it. */
@RuleInfo(
    id = "stale-decision",
    severity = Severity.WARNING,
    summary = "A Decision's reviewBy date has passed: its owner has to re-confirm that they still hold it.",
    everyDecision = true)
public final class StaleDecision implements Rule {

  /** How far ahead a re-confirmed (or newly written) Decision's next review lies. */
  public static final int REVIEW_MONTHS = 6;

  @Override
  public void check(AnalysedCatalog a, Reporter out) {
    LocalDate today = a.options().policy().today();
    for (Entity d : a.catalog().ofKind(Kind.DECISION)) {
      String text = d.text("reviewBy");
      LocalDate due;
      try {
        due = text == null ? null : LocalDate.parse(text.strip());
      } catch (DateTimeParseException e) {
        continue; // the schema reports a reviewBy that is no date
      }
      if (due == null || !due.isBefore(today)) {
        continue;
      }
      DecisionType type = DecisionType.byId(d.text("type")).orElse(null);
      EntityRef scope = a.catalog().ref(d, "scope").orElse(null);
      EntityRef owner = a.catalog().ref(d, "owner").orElse(null);
      String what = (type == null ? "This" : "The " + type.id()) + " decision" + (scope == null ? "" : " for " + scope);
      long days = ChronoUnit.DAYS.between(due, today);
      String who = owner == null ? "it names no owner, so whoever answers for " + (scope == null ? "its scope" : scope)
          + " should say who holds it now"
          : owner + " should re-confirm that they still hold it, or name who does now";
      out.about(d.ref()).at("/spec/reviewBy", false).report(d.ref(), d.file(), d.line(), d.column(),
          what + " was due for review on " + due + " (" + days + (days == 1 ? " day" : " days") + " ago): " + who + ".",
          type == null ? null : type.role().id(),
          (owner == null ? "Name the person who makes this call as owner" : "Have " + owner + " confirm the call is still"
              + " theirs") + " and set reviewBy to " + today.plusMonths(REVIEW_MONTHS) + ", six months ahead;"
              + " if it has changed hands, write the new owner.");
    }
  }
}
