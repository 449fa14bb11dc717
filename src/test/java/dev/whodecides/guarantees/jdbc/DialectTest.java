package dev.whodecides.guarantees.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The Trino renderings that a plain literal would get wrong; TrinoVerifyIT runs them on a real server. */
class DialectTest {

  @Test
  void trinoTurnsIsoDatesAndTimesIntoTypedLiteralsFromTheParsedValue() {
    String ts = "timestamp(6)";
    assertThat(Dialect.TRINO.bound("2020-01-01T01:30:00+02:00", ts)).isEqualTo("TIMESTAMP '2019-12-31 23:30:00.000000 UTC'");
    assertThat(Dialect.TRINO.bound("2020-01-01T00:00:00Z", "timestamp(3) with time zone"))
        .isEqualTo("TIMESTAMP '2020-01-01 00:00:00.000000 UTC'");
    assertThat(Dialect.TRINO.bound("2020-01-01 12:00:00.5", ts)).isEqualTo("TIMESTAMP '2020-01-01 12:00:00.500000'");
    assertThat(Dialect.TRINO.bound("2020-01-01", "date")).isEqualTo("DATE '2020-01-01'");
    // Anything else stays a quoted literal, cast to the column's type: the engine judges it.
    assertThat(Dialect.TRINO.bound("2020-01-01'; DROP TABLE t; --", ts))
        .isEqualTo("CAST('2020-01-01''; DROP TABLE t; --' AS timestamp(6))");
    // Text columns and the other dialects keep the plain literal.
    assertThat(Dialect.TRINO.bound("m", "varchar")).isEqualTo("'m'");
    assertThat(Dialect.POSTGRES.bound("2020-01-01T00:00:00Z", "timestamp")).isEqualTo("'2020-01-01T00:00:00Z'");
  }

  @Test
  void onlyTrinoMeasuresAgesInTheEngine() {
    Instant now = Instant.parse("2026-12-01T08:00:00.123Z");
    assertThat(Dialect.TRINO.ageMillis("MAX(\"at\")", now))
        .isEqualTo("to_milliseconds(TIMESTAMP '2026-12-01 08:00:00.123 UTC' - MAX(\"at\"))");
    assertThat(Dialect.POSTGRES.ageMillis("MAX(\"at\")", now)).isNull();
    assertThat(Dialect.DUCKDB.ageMillis("MAX(\"at\")", now)).isNull();
  }
}
