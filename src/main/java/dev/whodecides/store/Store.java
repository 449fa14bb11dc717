package dev.whodecides.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whodecides.release.Bar;
import dev.whodecides.release.Refusal;
import dev.whodecides.release.ReleaseRecord;
import dev.whodecides.vocabulary.EntityRef;
import dev.whodecides.vocabulary.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The service's own records: release calls, lint runs and imported verification results (all
 * append-only), the webhook outbox of the release calls (append-only, with a delivery state beside
 * it) and hashed API tokens. An embedded
 * SQLite file by default, PostgreSQL for a shared service; the schema is migrated by Flyway on
 * open, from the migration set of the database in use.
 */
public final class Store {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Jdbi jdbi;
  private final String url;
  private final Function<ReleaseRecord, List<Outgoing>> outbox;

  private Store(String url) {
    this(url, Jdbi.create(url), r -> List.of());
  }

  private Store(String url, Jdbi jdbi, Function<ReleaseRecord, List<Outgoing>> outbox) {
    this.url = url;
    this.jdbi = jdbi;
    this.outbox = outbox;
  }

  /**
   * This store, with every appended release call queueing the webhook deliveries {@code outbox}
   * makes of the stored record, in the call's own transaction.
   */
  public Store withOutbox(Function<ReleaseRecord, List<Outgoing>> outbox) {
    return new Store(url, jdbi, outbox);
  }

  /**
   * Opens (creating and migrating) a store. {@code db} is a {@code jdbc:postgresql:} or
   * {@code jdbc:sqlite:} URL, a file path for SQLite, or null for
   * {@code .whodecides/whodecides.db} beside the catalog.
   */
  public static Store open(String db, Path catalogRoot) {
    String url;
    if (db == null || db.isBlank()) {
      Path base = catalogRoot == null ? Path.of(".") : Files.isDirectory(catalogRoot) ? catalogRoot
          : catalogRoot.toAbsolutePath().getParent();
      url = sqlite(base.resolve(".whodecides").resolve("whodecides.db"));
    } else if (db.startsWith("jdbc:")) {
      url = db;
    } else {
      url = sqlite(Path.of(db));
    }
    String vendor = url.startsWith("jdbc:postgresql:") ? "postgresql" : url.startsWith("jdbc:sqlite:") ? "sqlite" : null;
    if (vendor == null) {
      throw new IllegalArgumentException("database '" + db + "' is not supported; use a SQLite file path or a"
          + " jdbc:postgresql:// URL");
    }
    Flyway.configure().dataSource(url, null, null).locations("classpath:db/" + vendor).load().migrate();
    return new Store(url);
  }

  private static String sqlite(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // WAL lets readers run beside the writer; the busy timeout queues concurrent writers
    // instead of failing them.
    return "jdbc:sqlite:" + file.toAbsolutePath() + "?journal_mode=WAL&busy_timeout=30000&foreign_keys=on";
  }

  public String url() {
    return url;
  }

  /** Appends a record and returns it with its id; a correction must supersede a record of the same product. */
  public ReleaseRecord append(ReleaseRecord r) {
    return jdbi.inTransaction(h -> {
      if (r.supersedes() != null) {
        Optional<String> product = h.createQuery("SELECT product FROM releases WHERE id = :id")
            .bind("id", r.supersedes()).mapTo(String.class).findOne();
        if (product.isEmpty()) {
          throw new Refusal(404, "record " + r.supersedes() + " to supersede does not exist");
        }
        if (!product.get().equals(r.product())) {
          throw new Refusal(400, "record " + r.supersedes() + " is about " + product.get() + ", not " + r.product());
        }
      }
      long id = h.createUpdate("INSERT INTO releases (product, version, decision, decided_by, metrics, bar,"
              + " accepted_risk, rationale, wait_until, supersedes, recorded_at, statement) VALUES (:product, :version,"
              + " :decision, :by, :metrics, :bar, :risk, :rationale, :waitUntil, :supersedes, :recordedAt, :statement)")
          .bind("product", r.product())
          .bind("version", r.version())
          .bind("decision", r.decision())
          .bind("by", r.by())
          .bind("metrics", write(r.metrics()))
          .bind("bar", write(barMap(r.bar())))
          .bind("risk", r.acceptedRisk())
          .bind("rationale", r.rationale())
          .bind("waitUntil", r.waitUntil() == null ? null : r.waitUntil().toString())
          .bind("supersedes", r.supersedes())
          .bind("recordedAt", r.recordedAt().toString())
          .bind("statement", r.statement())
          .executeAndReturnGeneratedKeys("id")
          .mapTo(Long.class)
          .one();
      ReleaseRecord stored = r.withId(id);
      queue(h, stored, outbox.apply(stored));
      return stored;
    });
  }

  private static void queue(Handle h, ReleaseRecord stored, List<Outgoing> deliveries) {
    long now = stored.recordedAt().toEpochMilli();
    for (Outgoing o : deliveries) {
      long outboxId = h.createUpdate("INSERT INTO webhook_outbox (event_id, release_id, url, format, body, created_at)"
              + " VALUES (:event, :release, :url, :format, :body, :at)")
          .bind("event", o.eventId()).bind("release", stored.id()).bind("url", o.url()).bind("format", o.format())
          .bind("body", o.body()).bind("at", now)
          .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
      h.createUpdate("INSERT INTO webhook_deliveries (outbox_id, state, attempts, next_attempt_at)"
              + " VALUES (:id, 'pending', 0, :at)")
          .bind("id", outboxId).bind("at", now).execute();
    }
  }

  private static final String DELIVERY = "SELECT o.id, o.event_id, o.release_id, r.product, r.version, o.url, o.format,"
      + " o.body, o.created_at, d.state, d.attempts, d.next_attempt_at, d.last_attempt_at, d.last_error"
      + " FROM webhook_outbox o JOIN webhook_deliveries d ON d.outbox_id = o.id JOIN releases r ON r.id = o.release_id";

  /** Pending deliveries whose next attempt is due at {@code now}, the longest-waiting first. */
  public List<Delivery> dueDeliveries(Instant now, int limit) {
    return jdbi.withHandle(h -> h.createQuery(DELIVERY + " WHERE d.state = 'pending' AND d.next_attempt_at <= :now"
            + " ORDER BY d.next_attempt_at, o.id LIMIT :limit")
        .bind("now", now.toEpochMilli()).bind("limit", limit).map(Store::delivery).list());
  }

  /** The deliveries of one release call, in the order they were queued. */
  public List<Delivery> deliveries(long releaseId) {
    return jdbi.withHandle(h -> h.createQuery(DELIVERY + " WHERE o.release_id = :id ORDER BY o.id")
        .bind("id", releaseId).map(Store::delivery).list());
  }

  /** Deliveries in one state, newest call first. */
  public List<Delivery> deliveries(String state, int limit) {
    return jdbi.withHandle(h -> h.createQuery(DELIVERY + " WHERE d.state = :state ORDER BY o.id DESC LIMIT :limit")
        .bind("state", state).bind("limit", limit).map(Store::delivery).list());
  }

  /** How many deliveries are in each state. */
  public Map<String, Integer> deliveryCounts() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    jdbi.useHandle(h -> h.createQuery("SELECT state, COUNT(*) AS n FROM webhook_deliveries GROUP BY state ORDER BY state")
        .map((rs, ctx) -> Map.entry(rs.getString("state"), rs.getInt("n"))).forEach(e -> counts.put(e.getKey(), e.getValue())));
    return counts;
  }

  /**
   * Records one attempt at a delivery: {@code state} is where it stands afterwards, {@code next}
   * when a pending one is tried again, {@code error} why the attempt failed (null when it was delivered).
   */
  public void attempted(long id, Instant at, String state, Instant next, String error) {
    jdbi.useHandle(h -> h.createUpdate("UPDATE webhook_deliveries SET state = :state, attempts = attempts + 1,"
            + " last_attempt_at = :at, next_attempt_at = :next, last_error = :error WHERE outbox_id = :id")
        .bind("state", state).bind("at", at.toEpochMilli()).bind("next", next.toEpochMilli()).bind("error", error)
        .bind("id", id).execute());
  }

  /** Moves a pending delivery's next look without counting an attempt (its webhook is not configured here). */
  public void postpone(long id, Instant next, String why) {
    jdbi.useHandle(h -> h.createUpdate("UPDATE webhook_deliveries SET next_attempt_at = :next, last_error = :why"
            + " WHERE outbox_id = :id AND state = 'pending'")
        .bind("next", next.toEpochMilli()).bind("why", why).bind("id", id).execute());
  }

  /** Gives a pending delivery up without an attempt. */
  public void giveUp(long id, String why) {
    jdbi.useHandle(h -> h.createUpdate("UPDATE webhook_deliveries SET state = 'failed', last_error = :why"
            + " WHERE outbox_id = :id AND state = 'pending'")
        .bind("why", why).bind("id", id).execute());
  }

  /** A product's records, newest first. */
  public List<ReleaseRecord> releases(String product) {
    return jdbi.withHandle(h -> h.createQuery("SELECT * FROM releases WHERE product = :product ORDER BY id DESC")
        .bind("product", product).map(Store::record).list());
  }

  /** One page of a product's records, newest first. */
  public List<ReleaseRecord> releases(String product, int limit, int offset) {
    return jdbi.withHandle(h -> h.createQuery(
            "SELECT * FROM releases WHERE product = :product ORDER BY id DESC LIMIT :limit OFFSET :offset")
        .bind("product", product).bind("limit", limit).bind("offset", offset).map(Store::record).list());
  }

  public int releaseCount(String product) {
    return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM releases WHERE product = :product")
        .bind("product", product).mapTo(Integer.class).one());
  }

  /** The ids of a product's records that a later record corrects. */
  public Set<Long> superseded(String product) {
    return jdbi.withHandle(h -> new HashSet<>(h.createQuery(
            "SELECT supersedes FROM releases WHERE product = :product AND supersedes IS NOT NULL")
        .bind("product", product).mapTo(Long.class).list()));
  }

  public Optional<ReleaseRecord> release(long id) {
    return jdbi.withHandle(h -> h.createQuery("SELECT * FROM releases WHERE id = :id").bind("id", id)
        .map(Store::record).findOne());
  }

  /** Creates a token for a person and returns it; only its hash is stored. */
  public String createToken(EntityRef user) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = "wd_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    jdbi.useHandle(h -> h.createUpdate("INSERT INTO api_tokens (user_ref, token_hash, created_at)"
            + " VALUES (:user, :hash, :at)")
        .bind("user", user.toString()).bind("hash", hash(token)).bind("at", Instant.now().toString()).execute());
    return token;
  }

  /** The person a token belongs to, if it is a token this store issued. */
  public Optional<EntityRef> userForToken(String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    return jdbi.withHandle(h -> h.createQuery("SELECT user_ref FROM api_tokens WHERE token_hash = :hash")
        .bind("hash", hash(token.strip())).mapTo(String.class).findOne())
        .map(ref -> EntityRef.parse(ref, Kind.USER.id()));
  }

  /** Appends a lint run and returns it with its id. */
  public LintRun recordLintRun(LintRun run) {
    return jdbi.inTransaction(h -> insert(h, run));
  }

  /**
   * Appends a lint run unless the newest stored run has the same fingerprint, so that analysing
   * an unchanged catalog again (a restart of the service) adds no point to the trend.
   */
  public synchronized Optional<LintRun> recordLintRunIfChanged(LintRun run) {
    return jdbi.inTransaction(h -> {
      Optional<String> last = h.createQuery("SELECT fingerprint FROM lint_runs ORDER BY id DESC LIMIT 1")
          .mapTo(String.class).findOne();
      return last.filter(run.fingerprint()::equals).isPresent() ? Optional.<LintRun>empty() : Optional.of(insert(h, run));
    });
  }

  private static LintRun insert(Handle h, LintRun r) {
    long id = h.createUpdate("INSERT INTO lint_runs (recorded_at, fingerprint, source, entities, files, errors,"
            + " warnings, infos, findings, by_rule) VALUES (:at, :fingerprint, :source, :entities, :files, :errors,"
            + " :warnings, :infos, :findings, :byRule)")
        .bind("at", r.recordedAt().toString())
        .bind("fingerprint", r.fingerprint())
        .bind("source", r.source())
        .bind("entities", r.entities())
        .bind("files", r.files())
        .bind("errors", r.errors())
        .bind("warnings", r.warnings())
        .bind("infos", r.infos())
        .bind("findings", r.findings())
        .bind("byRule", write(r.byRule()))
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one();
    return r.withId(id);
  }

  /** The newest {@code limit} lint runs, oldest first, as a trend chart reads them. */
  public List<LintRun> lintRuns(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("the number of lint runs must be 1 or more, not " + limit);
    }
    return jdbi.withHandle(h -> h.createQuery("SELECT * FROM (SELECT * FROM lint_runs ORDER BY id DESC LIMIT :limit)"
            + " newest ORDER BY id")
        .bind("limit", limit).map(Store::lintRun).list());
  }

  /** Appends the rows of one verify report together, and returns them with their ids. */
  public List<Verification> recordVerifications(List<Verification> rows) {
    return jdbi.inTransaction(h -> {
      List<Verification> out = new ArrayList<>();
      for (Verification v : rows) {
        long id = h.createUpdate("INSERT INTO verifications (imported_at, contract, file, server, passed, failed,"
                + " errors, warnings, result) VALUES (:at, :contract, :file, :server, :passed, :failed, :errors, :warnings,"
                + " :result)")
            .bind("at", v.importedAt().toString())
            .bind("contract", v.contract())
            .bind("file", v.file())
            .bind("server", v.server())
            .bind("passed", v.passed())
            .bind("failed", v.failed())
            .bind("errors", v.errors())
            .bind("warnings", v.warnings())
            .bind("result", v.result())
            .executeAndReturnGeneratedKeys("id")
            .mapTo(Long.class)
            .one();
        out.add(v.withId(id));
      }
      return out;
    });
  }

  /** The newest verification of each contract, by contract id. */
  public List<Verification> latestVerifications() {
    return jdbi.withHandle(h -> h.createQuery("SELECT * FROM verifications WHERE id IN"
            + " (SELECT MAX(id) FROM verifications GROUP BY contract) ORDER BY contract, id")
        .map(Store::verification).list());
  }

  /** A contract's verifications, newest first. */
  public List<Verification> verifications(String contract) {
    return jdbi.withHandle(h -> h.createQuery("SELECT * FROM verifications WHERE contract = :contract ORDER BY id DESC")
        .bind("contract", contract).map(Store::verification).list());
  }

  public static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ReleaseRecord record(ResultSet rs, StatementContext ctx) throws SQLException {
    Map<String, Double> metrics = read(rs.getString("metrics"), new TypeReference<LinkedHashMap<String, Double>>() {});
    Map<String, String> bar = read(rs.getString("bar"), new TypeReference<LinkedHashMap<String, String>>() {});
    List<Bar> bars = new ArrayList<>();
    bar.forEach((k, v) -> bars.add(Bar.parse(k, v)));
    Object supersedes = rs.getObject("supersedes");
    String waitUntil = rs.getString("wait_until");
    return new ReleaseRecord(rs.getLong("id"), rs.getString("product"), rs.getString("version"),
        rs.getString("decision"), rs.getString("decided_by"), metrics, bars, rs.getString("accepted_risk"),
        rs.getString("rationale"), waitUntil == null ? null : LocalDate.parse(waitUntil),
        supersedes == null ? null : ((Number) supersedes).longValue(),
        Instant.parse(rs.getString("recorded_at")), rs.getString("statement"));
  }

  private static Delivery delivery(ResultSet rs, StatementContext ctx) throws SQLException {
    Object last = rs.getObject("last_attempt_at");
    return new Delivery(rs.getLong("id"), rs.getString("event_id"), rs.getLong("release_id"), rs.getString("product"),
        rs.getString("version"), rs.getString("url"), rs.getString("format"), rs.getString("body"),
        Instant.ofEpochMilli(rs.getLong("created_at")), rs.getString("state"), rs.getInt("attempts"),
        Instant.ofEpochMilli(rs.getLong("next_attempt_at")),
        last == null ? null : Instant.ofEpochMilli(((Number) last).longValue()), rs.getString("last_error"));
  }

  private static LintRun lintRun(ResultSet rs, StatementContext ctx) throws SQLException {
    return new LintRun(rs.getLong("id"), Instant.parse(rs.getString("recorded_at")), rs.getString("fingerprint"),
        rs.getString("source"), rs.getInt("entities"), rs.getInt("files"), rs.getLong("errors"),
        rs.getLong("warnings"), rs.getLong("infos"), rs.getLong("findings"),
        read(rs.getString("by_rule"), new TypeReference<LinkedHashMap<String, Long>>() {}));
  }

  private static Verification verification(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Verification(rs.getLong("id"), Instant.parse(rs.getString("imported_at")), rs.getString("contract"),
        rs.getString("file"), rs.getString("server"), rs.getLong("passed"), rs.getLong("failed"),
        rs.getLong("errors"), rs.getLong("warnings"), rs.getString("result"));
  }

  private static Map<String, String> barMap(List<Bar> bars) {
    Map<String, String> m = new LinkedHashMap<>();
    bars.forEach(b -> m.put(b.metric(), b.expression()));
    return m;
  }

  private static String write(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> T read(String text, TypeReference<T> type) {
    try {
      return JSON.readValue(text, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
