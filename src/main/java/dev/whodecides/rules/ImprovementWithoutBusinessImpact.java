package dev.whodecides.rules;

import dev.whodecides.catalog.Durations;
import dev.whodecides.catalog.Entity;
import dev.whodecides.catalog.Schedule;
import dev.whodecides.vocabulary.Annotations;
import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.EntityRef;
import dev.whodecides.vocabulary.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A technical improvement that names no business metric, or speeds up a job that is already fast enough. */
@RuleInfo(
    id = "improvement-without-business-impact",
    severity = Severity.WARNING,
    summary = "An improvement names no business metric it moves, or speeds up a job that already finishes well within its schedule.",
    role = "product-owner",
    decisions = DecisionType.PRIORITIZATION)
public final class ImprovementWithoutBusinessImpact implements Rule {

  @Override
  public void check(AnalysedCatalog a, Reporter out) {
    for (Entity i : a.catalog().ofKind(Kind.IMPROVEMENT)) {
      List<String> reasons = new ArrayList<>();
      String businessMetric = i.text("businessMetric");
      if (businessMetric == null || businessMetric.isBlank()) {
        reasons.add("it names no business metric that would change");
      }
      String metric = i.text("metric");
      if ("runtime".equalsIgnoreCase(metric)) {
        slack(a, i).ifPresent(reasons::add);
      }
      if (reasons.isEmpty()) {
        continue;
      }
      out.report(i,
          i.ref() + " wants " + metric + " of " + i.text("target") + " from " + i.spec().get("current") + " to "
              + i.spec().get("goal") + ", but " + String.join(", and ", reasons) + ".",
          "Before spending time on it, write under spec.businessMetric what the business would notice (sales, waste,"
              + " hours saved, a deadline met) and drop or park the improvement if nothing would change.");
    }
  }

  /** Why a faster run would change nothing for the target's schedule, if it would not. */
  private static Optional<String> slack(AnalysedCatalog a, Entity improvement) {
    Optional<Duration> current = Durations.parse(improvement.spec().get("current"));
    Optional<EntityRef> target = a.catalog().ref(improvement, "target");
    Optional<Entity> job = target.flatMap(a.catalog()::get);
    if (current.isEmpty() || job.isEmpty()) {
      return Optional.empty();
    }
    String schedule = job.get().annotation(Annotations.SCHEDULE);
    Optional<Duration> period = Schedule.period(schedule);
    if (period.isEmpty()) {
      return Optional.empty();
    }
    Optional<Duration> deadline = Durations.parse(job.get().annotation(Annotations.DEADLINE));
    if (deadline.isPresent()) {
      return current.get().compareTo(deadline.get()) < 0
          ? Optional.of("the job runs " + schedule + " and already finishes in " + Durations.format(current.get())
              + ", inside its " + Durations.format(deadline.get()) + " deadline")
          : Optional.empty();
    }
    Duration tenth = period.get().dividedBy(10);
    return current.get().compareTo(tenth) < 0
        ? Optional.of("the job runs " + schedule + " (every " + Durations.format(period.get()) + ") and already finishes in "
            + Durations.format(current.get()) + ", under a tenth of that period")
        : Optional.empty();
  }
}
