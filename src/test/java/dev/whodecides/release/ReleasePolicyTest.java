package dev.whodecides.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.whodecides.catalog.CatalogLoader;
import dev.whodecides.decisions.Ownership;
import dev.whodecides.vocabulary.EntityRef;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Only the release owner makes the call, and nobody ships below the bar without saying so. */
class ReleasePolicyTest {

  static final Ownership OWNERSHIP = Ownership.of(CatalogLoader.load(List.of(Path.of("examples/retail-data-org"))));
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);
  final ReleasePolicy policy = new ReleasePolicy(OWNERSHIP, CLOCK);

  static ReleaseRequest ship(String by, double precision, String risk) {
    return new ReleaseRequest("newsletter-picks", "2.4.0", "ship", by, Map.of("precision", precision),
        Map.of("precision", ">= 0.80"), risk, null, null, null);
  }

  @Test
  void theReleaseOwnerShipsAboveTheBar() {
    ReleaseRecord r = policy.admit(ship("tomas.reyes", 0.83, null), null);
    assertThat(r.product()).isEqualTo("component:default/newsletter-picks");
    assertThat(r.by()).isEqualTo("user:default/tomas.reyes");
    assertThat(r.recordedAt()).isEqualTo(Instant.parse("2026-11-28T10:00:00Z"));
    assertThat(r.statement()).contains("version 2.4.0 goes live").contains("Measured: precision is 0.83 against a bar of >= 0.8 (met)")
        .contains("Every agreed bar is met").contains("Decided by user:default/tomas.reyes");
  }

  @Test
  void shippingBelowTheBarNeedsTheRiskWrittenDown() {
    assertThatThrownBy(() -> policy.admit(ship("user:tomas.reyes", 0.78, null), null))
        .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.status()).isEqualTo(422))
        .hasMessageContaining("precision 0.78 (needs >= 0.8)");
    ReleaseRecord r = policy.admit(ship("user:tomas.reyes", 0.78, "Campaign cannot wait"), null);
    assertThat(r.statement()).contains("(missed)").contains("Risk accepted: Campaign cannot wait.");
  }

  @Test
  void anUnmeasuredMetricMissesItsBar() {
    ReleaseRequest r = new ReleaseRequest("newsletter-picks", "2.5", "ship", "tomas.reyes", Map.of(),
        Map.of("recall", ">= 0.5"), null, null, null, null);
    assertThatThrownBy(() -> policy.admit(r, null)).hasMessageContaining("recall not measured");
  }

  @Test
  void waitingBelowTheBarIsAlwaysAllowedAndNamesTheNextLook() {
    ReleaseRequest r = new ReleaseRequest("newsletter-picks", "2.4.0", "wait", "tomas.reyes",
        Map.of("precision", 0.7), Map.of("precision", ">= 0.80"), null, "Two more weeks of data",
        LocalDate.parse("2026-12-12"), null);
    ReleaseRecord record = policy.admit(r, null);
    assertThat(record.statement()).contains("does not go live yet").contains("Next look on 2026-12-12")
        .contains("Why: Two more weeks of data.");
  }

  @Test
  void onlyTheEffectiveReleaseOwnerMayDecide() {
    assertThatThrownBy(() -> policy.admit(ship("user:lena.vogel", 0.9, null), null))
        .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.status()).isEqualTo(403))
        .hasMessageContaining("is not the release owner").hasMessageContaining("user:default/tomas.reyes is");
    // A token's owner can only speak for themself.
    assertThatThrownBy(() -> policy.admit(ship("tomas.reyes", 0.9, null), EntityRef.parse("user:lena.vogel", null)))
        .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.status()).isEqualTo(403));
    // A product whose release decision is written down unowned cannot be shipped by anyone.
    ReleaseRequest assortment = new ReleaseRequest("assortment-optimizer", "1", "ship", "felix.braun", Map.of(),
        Map.of(), null, null, null, null);
    assertThatThrownBy(() -> policy.admit(assortment, null)).hasMessageContaining("nobody holds the release decision");
  }

  @Test
  void badInputIsRefusedWithFourHundredOrFourHundredFour() {
    assertThatThrownBy(() -> policy.admit(new ReleaseRequest("newsletter-picks", "1", "maybe", "tomas.reyes",
        Map.of(), Map.of(), null, null, null, null), null))
        .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.status()).isEqualTo(400));
    assertThatThrownBy(() -> policy.admit(new ReleaseRequest("newsletter-picks", null, "ship", "tomas.reyes",
        Map.of(), Map.of(), null, null, null, null), null)).hasMessageContaining("version is missing");
    assertThatThrownBy(() -> policy.admit(new ReleaseRequest("no-such-product", "1", "ship", "tomas.reyes",
        Map.of(), Map.of(), null, null, null, null), null))
        .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.status()).isEqualTo(404));
    assertThatThrownBy(() -> policy.admit(new ReleaseRequest("newsletter-picks", "1", "ship", "tomas.reyes",
        Map.of(), Map.of("precision", "about 0.8"), null, null, null, null), null))
        .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.status()).isEqualTo(400));
  }

  @Test
  void barsParse() {
    assertThat(Bar.parse("precision>=0.80")).isEqualTo(new Bar("precision", ">=", 0.8));
    assertThat(Bar.parse("latency_ms", "< 200").metBy(150)).isTrue();
    assertThat(Bar.parse("latency_ms", "< 200").metBy(200)).isFalse();
    assertThatThrownBy(() -> Bar.parse("precision")).isInstanceOf(IllegalArgumentException.class);
  }
}
