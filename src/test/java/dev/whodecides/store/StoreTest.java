package dev.whodecides.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.whodecides.catalog.EntityRef;
import dev.whodecides.guarantees.PostgresDb;
import dev.whodecides.release.Bar;
import dev.whodecides.release.Refusal;
import dev.whodecides.release.ReleaseRecord;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The same behaviour on the embedded SQLite file and on PostgreSQL. */
class StoreTest {

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

  static Stream<String> vendors() {
    return Stream.of("sqlite", "postgresql");
  }
}
