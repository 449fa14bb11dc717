package dev.whodecides.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.whodecides.guarantees.PostgresDb;
import dev.whodecides.release.Bar;
import dev.whodecides.release.Refusal;
import dev.whodecides.release.ReleaseRecord;
import dev.whodecides.vocabulary.EntityRef;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The same behaviour on the embedded SQLite file and on PostgreSQL. */
class StoreIT {

  @TempDir Path dir;

  interface Body {
    void run(Store store) throws Exception;
  }

  void onEach(String vendor, Body test) throws Exception {
    if (vendor.equals("sqlite")) {
      test.run(Store.open(dir.resolve("records.db").toString(), null));
      return;
    }
    try (PostgresDb db = PostgresDb.create()) {
      test.run(Store.open(db.url, null));
    }
  }

  static ReleaseRecord record(String product, String version, Long supersedes) {
    return new ReleaseRecord(null, product, version, "ship", "user:default/ana", Map.of("precision", 0.81),
        List.of(new Bar("precision", ">=", 0.8)), null, "ready", LocalDate.parse("2026-12-01"), supersedes,
        Instant.parse("2026-11-28T10:00:00Z"), "statement " + version);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void recordsAreAppendedAndListedNewestFirst(String vendor) throws Exception {
    onEach(vendor, store -> {
      ReleaseRecord first = store.append(record("component:default/recs", "1.0", null));
      ReleaseRecord second = store.append(record("component:default/recs", "1.1", first.id()));
      store.append(record("component:default/other", "9", null));
      List<ReleaseRecord> log = store.releases("component:default/recs");
      assertThat(log).extracting(ReleaseRecord::version).containsExactly("1.1", "1.0");
      assertThat(log.get(0).supersedes()).isEqualTo(first.id());
      assertThat(log.get(1).supersedes()).isNull();
      assertThat(log.get(0).bar()).containsExactly(new Bar("precision", ">=", 0.8));
      assertThat(log.get(0).metrics()).containsEntry("precision", 0.81);
      assertThat(log.get(0).waitUntil()).isEqualTo(LocalDate.parse("2026-12-01"));
      assertThat(store.release(second.id())).hasValueSatisfying(r -> assertThat(r.statement()).isEqualTo("statement 1.1"));
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void aCorrectionMustSupersedeARecordOfTheSameProduct(String vendor) throws Exception {
    onEach(vendor, store -> {
      ReleaseRecord other = store.append(record("component:default/other", "1", null));
      assertThatThrownBy(() -> store.append(record("component:default/recs", "2", 999L)))
          .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.status()).isEqualTo(404));
      assertThatThrownBy(() -> store.append(record("component:default/recs", "2", other.id())))
          .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.status()).isEqualTo(400));
      assertThat(store.releases("component:default/recs")).isEmpty();
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void recordsCannotBeChangedOrDeleted(String vendor) throws Exception {
    onEach(vendor, store -> {
      store.append(record("component:default/recs", "1.0", null));
      String url = store.url();
      for (String sql : List.of("UPDATE releases SET decision = 'wait'", "DELETE FROM releases")) {
        assertThatThrownBy(() -> {
          try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute(sql);
          }
        }).hasMessageContaining("append-only");
      }
      assertThat(store.releases("component:default/recs")).singleElement()
          .satisfies(r -> assertThat(r.decision()).isEqualTo("ship"));
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void aCallAndItsWebhookDeliveriesCommitTogetherOrNotAtAll(String vendor) throws Exception {
    onEach(vendor, plain -> {
      Store store = plain.withOutbox(r -> List.of(
          new Outgoing("ev-" + r.version() + "-a", "http://127.0.0.1:9/a", "json", "{\"record\":" + r.id() + "}"),
          new Outgoing("ev-" + r.version() + "-b", "http://127.0.0.1:9/b", "slack", "{\"text\":\"hi\"}")));
      ReleaseRecord stored = store.append(record("component:default/recs", "1.0", null));
      assertThat(store.deliveries(stored.id())).extracting(Delivery::eventId, Delivery::format, Delivery::body,
              Delivery::state, Delivery::attempts, Delivery::product, Delivery::version)
          .containsExactly(
              Tuple.tuple("ev-1.0-a", "json", "{\"record\":" + stored.id() + "}", "pending", 0, "component:default/recs", "1.0"),
              Tuple.tuple("ev-1.0-b", "slack", "{\"text\":\"hi\"}", "pending", 0, "component:default/recs", "1.0"));
      Instant recorded = Instant.parse("2026-11-28T10:00:00Z");
      assertThat(store.dueDeliveries(recorded.minusMillis(1), 10)).isEmpty();
      assertThat(store.dueDeliveries(recorded, 10)).hasSize(2);

      Delivery a = store.deliveries(stored.id()).get(0);
      store.attempted(a.id(), recorded.plusSeconds(1), Delivery.PENDING, recorded.plusSeconds(31), "HTTP 500");
      assertThat(store.dueDeliveries(recorded.plusSeconds(30), 10)).extracting(Delivery::eventId).containsExactly("ev-1.0-b");
      store.attempted(a.id(), recorded.plusSeconds(31), Delivery.DELIVERED, recorded.plusSeconds(31), null);
      assertThat(store.deliveries(stored.id()).get(0)).extracting(Delivery::state, Delivery::attempts,
          Delivery::lastAttemptAt, Delivery::lastError).containsExactly("delivered", 2, recorded.plusSeconds(31), null);
      assertThat(store.deliveryCounts()).containsExactly(Map.entry("delivered", 1), Map.entry("pending", 1));

      // A delivery that cannot be queued takes the call with it: no call is acknowledged without its events.
      Store broken = plain.withOutbox(r -> List.of(new Outgoing("ev-1.0-a", "http://127.0.0.1:9/a", "json", "{}")));
      assertThatThrownBy(() -> broken.append(record("component:default/recs", "2.0", null)));
      assertThat(store.releases("component:default/recs")).extracting(ReleaseRecord::version).containsExactly("1.0");

      for (String sql : List.of("UPDATE webhook_outbox SET body = '{}'", "DELETE FROM webhook_outbox")) {
        assertThatThrownBy(() -> {
          try (Connection c = DriverManager.getConnection(store.url()); Statement st = c.createStatement()) {
            st.execute(sql);
          }
        }).hasMessageContaining("append-only");
      }
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void tokensAreStoredOnlyAsHashes(String vendor) throws Exception {
    onEach(vendor, store -> {
      String token = store.createToken(EntityRef.parse("user:tomas.reyes", null));
      assertThat(token).startsWith("wd_").hasSizeGreaterThan(40);
      assertThat(store.userForToken(token)).contains(EntityRef.parse("user:default/tomas.reyes", null));
      assertThat(store.userForToken(token + "x")).isEmpty();
      assertThat(store.userForToken("")).isEmpty();
      try (Connection c = DriverManager.getConnection(store.url()); Statement st = c.createStatement();
          var rs = st.executeQuery("SELECT token_hash FROM api_tokens")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo(Store.hash(token)).doesNotContain(token.substring(3));
      }
    });
  }

  static LintRun run(String fingerprint, long errors, Instant at) {
    return new LintRun(null, at, fingerprint, LintRun.CLI, 40, 12, errors, 3, 1, errors + 4,
        Map.of("no-ship-authority", errors, "duplicated-work", 4L));
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void lintRunsListTheNewestOldestFirst(String vendor) throws Exception {
    onEach(vendor, store -> {
      assertThat(store.lintRuns(10)).isEmpty();
      for (int i = 1; i <= 5; i++) {
        LintRun stored = store.recordLintRun(run("f" + i, i, Instant.parse("2026-11-0" + i + "T10:00:00Z")));
        assertThat(stored.id()).isNotNull();
      }
      List<LintRun> trend = store.lintRuns(3);
      assertThat(trend).extracting(LintRun::fingerprint).containsExactly("f3", "f4", "f5");
      assertThat(trend).extracting(LintRun::errors).containsExactly(3L, 4L, 5L);
      assertThat(store.lintRuns(50)).hasSize(5);
      LintRun last = store.lintRuns(1).get(0);
      assertThat(last.fingerprint()).isEqualTo("f5");
      assertThat(last.recordedAt()).isEqualTo(Instant.parse("2026-11-05T10:00:00Z"));
      assertThat(last.source()).isEqualTo("cli");
      assertThat(last.entities()).isEqualTo(40);
      assertThat(last.files()).isEqualTo(12);
      assertThat(last.warnings()).isEqualTo(3);
      assertThat(last.infos()).isEqualTo(1);
      assertThat(last.findings()).isEqualTo(9);
      assertThat(last.byRule()).containsExactly(Map.entry("duplicated-work", 4L), Map.entry("no-ship-authority", 5L));
      assertThatThrownBy(() -> store.lintRuns(0)).isInstanceOf(IllegalArgumentException.class);
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void anUnchangedResultAddsNoPointEvenAfterReopening(String vendor) throws Exception {
    onEach(vendor, store -> {
      Instant at = Instant.parse("2026-11-01T10:00:00Z");
      assertThat(store.recordLintRunIfChanged(run("a", 1, at))).isPresent();
      assertThat(store.recordLintRunIfChanged(run("a", 1, at.plusSeconds(60)))).isEmpty();
      Store reopened = Store.open(store.url(), null);
      assertThat(reopened.recordLintRunIfChanged(run("a", 1, at.plusSeconds(120)))).isEmpty();
      assertThat(reopened.recordLintRunIfChanged(run("b", 2, at.plusSeconds(180)))).isPresent();
      assertThat(reopened.recordLintRunIfChanged(run("a", 1, at.plusSeconds(240)))).as("back to an earlier result")
          .isPresent();
      assertThat(store.lintRuns(10)).extracting(LintRun::fingerprint).containsExactly("a", "b", "a");
    });
  }

  static Verification verification(String contract, long failed, Instant at) {
    return new Verification(null, at, contract, "contracts/" + contract + ".odcs.yaml", "prod", 5, failed, 0, 0,
        "{\"contract\":\"" + contract + "\",\"checks\":[]}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void verificationsKeepHistoryAndTheNewestPerContract(String vendor) throws Exception {
    onEach(vendor, store -> {
      Instant at = Instant.parse("2026-11-01T10:00:00Z");
      assertThat(store.latestVerifications()).isEmpty();
      List<Verification> first = store.recordVerifications(List.of(verification("orders", 2, at),
          verification("customers", 0, at)));
      assertThat(first).extracting(Verification::id).doesNotContainNull().doesNotHaveDuplicates();
      store.recordVerifications(List.of(verification("orders", 0, at.plusSeconds(3600))));
      assertThat(store.latestVerifications()).extracting(Verification::contract, Verification::failed)
          .containsExactly(Tuple.tuple("customers", 0L),
              Tuple.tuple("orders", 0L));
      List<Verification> orders = store.verifications("orders");
      assertThat(orders).extracting(Verification::failed).containsExactly(0L, 2L);
      assertThat(orders.get(0).importedAt()).isEqualTo(at.plusSeconds(3600));
      assertThat(orders.get(1)).satisfies(v -> {
        assertThat(v.file()).isEqualTo("contracts/orders.odcs.yaml");
        assertThat(v.server()).isEqualTo("prod");
        assertThat(v.passed()).isEqualTo(5);
        assertThat(v.errors()).isZero();
        assertThat(v.result()).isEqualTo("{\"contract\":\"orders\",\"checks\":[]}");
      });
      assertThat(store.verifications("nothing")).isEmpty();
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void lintRunsAndVerificationsCannotBeChangedOrDeleted(String vendor) throws Exception {
    onEach(vendor, store -> {
      store.recordLintRun(run("a", 1, Instant.parse("2026-11-01T10:00:00Z")));
      store.recordVerifications(List.of(verification("orders", 2, Instant.parse("2026-11-01T10:00:00Z"))));
      for (String sql : List.of("UPDATE lint_runs SET errors = 0", "DELETE FROM lint_runs",
          "UPDATE verifications SET failed = 0", "DELETE FROM verifications")) {
        assertThatThrownBy(() -> {
          try (Connection c = DriverManager.getConnection(store.url()); Statement st = c.createStatement()) {
            st.execute(sql);
          }
        }).as(sql).hasMessageContaining("append-only");
      }
      assertThat(store.lintRuns(1)).singleElement().satisfies(r -> assertThat(r.errors()).isEqualTo(1));
      assertThat(store.verifications("orders")).singleElement().satisfies(v -> assertThat(v.failed()).isEqualTo(2));
    });
  }

  static Stream<String> vendors() {
    return Stream.of("sqlite", "postgresql");
  }
}
