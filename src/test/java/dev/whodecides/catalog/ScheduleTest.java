package dev.whodecides.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Schedules and durations as people write them in annotations and Improvements. */
class ScheduleTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "hourly | PT1H", "daily | PT24H", "weekly | PT168H", "monthly | PT672H",
      "0 3 * * 1 | PT168H", "*/15 * * * * | PT15M", "0 2,14 * * * | PT12H", "30 2 * * 1-6 | PT24H",
      "0 6 1 * * | PT672H", "0 0 * * mon,thu | PT72H", "0 0 1 jan * | PT8760H", "5 4 * * sun | PT168H",
      "0 0 * * 7 | PT168H"})
  void periods(String schedule, String period) {
    assertThat(Schedule.period(schedule)).contains(Duration.parse(period));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "sometimes", "0 3 * *", "61 * * * *", "* 24 * * *", "0 0 32 * *", "*/0 * * * *",
      "0 0 * * funday", "5-1 * * * *", "0 0 30 2 *"})
  void notSchedules(String schedule) {
    assertThat(Schedule.period(schedule)).isEmpty();
  }

  @Test
  void durations() {
    assertThat(Durations.parse("2h")).contains(Duration.ofHours(2));
    assertThat(Durations.parse("90m")).contains(Duration.ofMinutes(90));
    assertThat(Durations.parse("1h30m")).contains(Duration.ofMinutes(90));
    assertThat(Durations.parse("250ms")).contains(Duration.ofMillis(250));
    assertThat(Durations.parse(3600L)).contains(Duration.ofHours(1));
    assertThat(Durations.parse("1.5d")).contains(Duration.ofHours(36));
    assertThat(Durations.parse("two hours")).isEmpty();
    assertThat(Durations.parse("-2h")).isEmpty();
    assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
  }

  @Test
  void schemaRejectsBadImprovementsAndAnnotations() {
    assertThat(EntitySchema.checkSpec("improvement", Map.of("target", "component:x", "metric", "runtime",
        "current", "2h", "goal", "90m"))).isEmpty();
    assertThat(EntitySchema.checkSpec("improvement", Map.of("metric", "runtime", "current", "soon", "goal", List.of())))
        .anyMatch(p -> p.startsWith("spec.target is missing"))
        .anyMatch(p -> p.startsWith("spec.current must be a number or a duration"))
        .anyMatch(p -> p.startsWith("spec.goal must be a number or a duration"));
    assertThat(EntitySchema.checkMetadata(Map.of("name", "x", "annotations", Map.of(
        "whodecides.dev/schedule", "every other day", "whodecides.dev/deadline", "soon",
        "whodecides.dev/skills", "data-scientist, wizard", "whodecides.dev/follows", "usecase:"))))
        .hasSize(4);
  }
}
