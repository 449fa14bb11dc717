package dev.whodecides.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whodecides.vocabulary.EntityRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The release gate's answer for each shape of a product's history. */
class ReleaseGateTest {

  static final EntityRef PRODUCT = EntityRef.parse("component:newsletter-picks", null);
  static final EntityRef TOMAS = EntityRef.parse("user:tomas.reyes", null);
  static final Instant AT = Instant.parse("2026-12-01T09:00:00Z");

  /** Records appended in order; the gate reads them newest first, as the store lists them. */
  final List<ReleaseRecord> log = new ArrayList<>();

  ReleaseRecord add(String version, String decision, String by, LocalDate waitUntil, Long supersedes) {
    ReleaseRecord r = new ReleaseRecord((long) log.size() + 1, PRODUCT.toString(), version, decision, by, Map.of(),
        List.of(), null, null, waitUntil, supersedes, AT.plusSeconds(log.size()), "statement");
    log.add(0, r);
    return r;
  }

  ReleaseGate.Answer check(String version) {
    return ReleaseGate.check(PRODUCT, version, log, TOMAS);
  }

  @Test
  void noCallOnRecordBlocksAndNamesWhoShouldMakeIt() {
    add("2.3.0", "ship", TOMAS.toString(), null, null);
    ReleaseGate.Answer a = check("2.4.0");
    assertThat(a.allowed()).isFalse();
    assertThat(a.record()).isNull();
    assertThat(a.reason()).startsWith("No call on record for component:default/newsletter-picks 2.4.0")
        .contains("user:default/tomas.reyes, who holds its release decision");
    assertThat(ReleaseGate.check(PRODUCT, "2.4.0", log, null).reason()).contains("nobody holds its release decision");
  }

  @Test
  void aShipThatStandsAllows() {
    ReleaseRecord ship = add("2.4.0", "ship", TOMAS.toString(), null, null);
    ReleaseGate.Answer a = check(" 2.4.0 ");
    assertThat(a.allowed()).isTrue();
    assertThat(a.version()).isEqualTo("2.4.0");
    assertThat(a.record()).isEqualTo(ship);
    assertThat(a.reason()).isEqualTo("user:default/tomas.reyes decided to ship component:default/newsletter-picks 2.4.0"
        + " (record 1, recorded 2026-12-01T09:00:00Z).");
  }

  @Test
  void aWaitBlocksWithItsDate() {
    add("2.4.0", "wait", TOMAS.toString(), LocalDate.parse("2026-12-20"), null);
    ReleaseGate.Answer a = check("2.4.0");
    assertThat(a.allowed()).isFalse();
    assertThat(a.reason()).contains("decided that component:default/newsletter-picks 2.4.0 waits")
        .endsWith("until 2026-12-20.");
    add("2.5.0", "wait", TOMAS.toString(), null, null);
    assertThat(check("2.5.0").reason()).endsWith("with no date set for the next look.");
  }

  @Test
  void aShipSupersededByAWaitBlocks() {
    add("2.4.0", "ship", TOMAS.toString(), null, null);
    ReleaseRecord wait = add("2.4.0", "wait", TOMAS.toString(), LocalDate.parse("2026-12-20"), 1L);
    ReleaseGate.Answer a = check("2.4.0");
    assertThat(a.allowed()).isFalse();
    assertThat(a.record()).isEqualTo(wait);
    assertThat(a.reason()).isEqualTo("The ship call on component:default/newsletter-picks 2.4.0 (record 1) was"
        + " superseded by a wait (record 2, user:default/tomas.reyes) until 2026-12-20.");
  }

  @Test
  void aShipSupersededByAWaitForAnotherVersionBlocks() {
    add("2.4.0", "ship", TOMAS.toString(), null, null);
    add("2.4.1", "wait", TOMAS.toString(), LocalDate.parse("2026-12-20"), 1L);
    ReleaseGate.Answer a = check("2.4.0");
    assertThat(a.allowed()).isFalse();
    assertThat(a.reason()).contains("superseded by a wait for version 2.4.1 (record 2").contains("no call for 2.4.0 stands");
  }

  @Test
  void theNewestStandingCallCounts() {
    add("2.4.0", "wait", TOMAS.toString(), LocalDate.parse("2026-12-20"), null);
    add("2.4.0", "ship", TOMAS.toString(), null, 1L);
    assertThat(check("2.4.0").allowed()).isTrue();
    add("2.4.0", "wait", TOMAS.toString(), null, null);
    assertThat(check("2.4.0").allowed()).isFalse();
  }

  @Test
  void aShipStandsWhenTheReleaseDecisionHasMovedAndSaysSo() {
    add("2.4.0", "ship", TOMAS.toString(), null, null);
    ReleaseGate.Answer a = ReleaseGate.check(PRODUCT, "2.4.0", log, EntityRef.parse("user:lena.vogel", null));
    assertThat(a.allowed()).isTrue();
    assertThat(a.reason()).contains("The release decision is now held by user:default/lena.vogel, not"
        + " user:default/tomas.reyes; the call still stands, since it was authorised when it was made.");
  }
}
