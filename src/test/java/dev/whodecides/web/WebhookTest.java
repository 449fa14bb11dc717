package dev.whodecides.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whodecides.TestClock;
import dev.whodecides.catalog.Catalog;
import dev.whodecides.catalog.CatalogLoader;
import dev.whodecides.notify.Receiver;
import dev.whodecides.notify.Webhook;
import dev.whodecides.notify.WebhookSender;
import dev.whodecides.rules.LintOptions;
import dev.whodecides.rules.Linter;
import dev.whodecides.store.Delivery;
import dev.whodecides.store.Store;
import dev.whodecides.vocabulary.EntityRef;
import io.javalin.Javalin;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Release calls recorded through the service reach a real local receiver: signed, with the
 * stakeholders' addresses, retried after a 500 on the injected clock, and, after a day of
 * failures, given up and listed on the releases page.
 */
class WebhookTest {

  static final String SECRET = "a-shared-secret";
  static final Catalog CATALOG = CatalogLoader.load(List.of(Path.of("examples/retail-data-org")));
  static final String CALL = """
      {"product":"newsletter-picks","version":"3.1.0","decision":"ship","by":"user:tomas.reyes",
       "metrics":{"precision":0.83},"bar":{"precision":">= 0.80"},"rationale":"Beats the current model"}""";

  @TempDir Path dir;
  final TestClock clock = new TestClock(Instant.parse("2026-12-02T09:00:00Z"));
  final List<AutoCloseable> open = new ArrayList<>();
  Store store;
  ServiceClient client;
  String token;
  WebhookSender sender;

  /** The service on the example, posting to these webhooks; the sender is driven by the test, not a timer. */
  void start(List<Webhook> webhooks) {
    store = Store.open(dir.resolve("records.db").toString(), null);
    token = store.createToken(EntityRef.parse("user:tomas.reyes", null));
    Javalin app = new ServiceApp(() -> CATALOG, c -> Linter.lint(c, LintOptions.defaults()), store, clock, false,
        webhooks).create().start("127.0.0.1", 0);
    open.add(app::stop);
    client = new ServiceClient(app);
    sender = new WebhookSender(store, webhooks, clock, line -> {});
  }

  Receiver receiver() throws Exception {
    Receiver r = new Receiver();
    open.add(r);
    return r;
  }

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  long record() {
    ServiceClient.Reply r = client.request("POST", "/api/releases").bearer(token).json(CALL).send();
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asLong();
  }

  static String hmac(String secret, byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
  }

  @Test
  void aRecordedCallReachesEachWebhookSignedWithItsStakeholders() throws Exception {
    Receiver json = receiver();
    Receiver slack = receiver();
    start(List.of(new Webhook(URI.create(json.url()), SECRET, Webhook.Format.JSON),
        new Webhook(URI.create(slack.url()), null, Webhook.Format.SLACK)));
    long id = record();
    assertThat(json.hits()).as("nothing is sent inside the request that records the call").isEmpty();
    assertThat(sender.sendDue()).isEqualTo(2);

    assertThat(json.hits()).hasSize(1);
    Receiver.Hit hit = json.hits().get(0);
    assertThat(hit.header("X-Whodecides-Signature")).isEqualTo(hmac(SECRET, hit.bytes()));
    assertThat(hit.header("Content-Type")).isEqualTo("application/json");
    JsonNode event = ServiceClient.JSON.readTree(hit.body());
    List<String> fields = new ArrayList<>();
    event.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("event", "id", "record", "statement", "informed", "consulted");
    assertThat(event.get("event").asText()).isEqualTo("release.recorded");
    assertThat(hit.header("X-Whodecides-Delivery")).isEqualTo(event.get("id").asText()).isNotBlank();
    assertThat(event.get("record")).isEqualTo(client.get("/api/releases/" + id).json());
    assertThat(event.get("statement").asText()).isEqualTo(event.get("record").get("statement").asText())
        .contains("3.1.0");
    assertThat(event.get("informed").toString()).isEqualTo("[{\"ref\":\"user:default/olu.adeyemi\",\"name\":\"Olu"
        + " Adeyemi\",\"email\":\"olu.adeyemi@retail.example.com\"},{\"ref\":\"user:default/petra.neumann\",\"name\":"
        + "\"Petra Neumann\",\"email\":\"petra.neumann@retail.example.com\"}]");
    assertThat(event.get("consulted")).extracting(p -> p.get("email").asText())
        .containsExactly("kenji.watanabe@retail.example.com", "sofia.marin@retail.example.com");

    assertThat(slack.hits()).hasSize(1);
    Receiver.Hit message = slack.hits().get(0);
    assertThat(message.header("X-Whodecides-Signature")).as("unsigned without a secret").isNull();
    assertThat(message.header("X-Whodecides-Delivery")).isNotBlank().isNotEqualTo(event.get("id").asText());
    JsonNode text = ServiceClient.JSON.readTree(message.body());
    assertThat(text.size()).isEqualTo(1);
    // Slack reads <, > and & as markup, so the statement's ">= 0.8" arrives escaped.
    assertThat(text.get("text").asText()).contains("a bar of &gt;= 0.8").isEqualTo(event.get("statement").asText()
        .replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));

    assertThat(store.deliveries(id)).extracting(Delivery::state, Delivery::attempts)
        .containsOnly(org.assertj.core.groups.Tuple.tuple(Delivery.DELIVERED, 1));
    assertThat(sender.sendDue()).as("a delivered event is not sent again").isZero();
  }

  @Test
  void aFailedDeliveryIsRetriedWithBackoffWithTheSameIdBodyAndSignature() throws Exception {
    Receiver json = receiver();
    start(List.of(new Webhook(URI.create(json.url()), SECRET, Webhook.Format.JSON)));
    json.answer(500, 503);
    long id = record();
    assertThat(sender.sendDue()).isEqualTo(1);
    assertThat(store.deliveries(id).get(0)).extracting(Delivery::state, Delivery::attempts, Delivery::lastError)
        .containsExactly(Delivery.PENDING, 1, "HTTP 500");
    clock.advance(Duration.ofSeconds(29));
    assertThat(sender.sendDue()).as("not before the first backoff of 30 s").isZero();
    clock.advance(Duration.ofSeconds(1));
    assertThat(sender.sendDue()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(59));
    assertThat(sender.sendDue()).as("the second wait is twice as long").isZero();
    clock.advance(Duration.ofSeconds(1));
    assertThat(sender.sendDue()).isEqualTo(1);
    assertThat(store.deliveries(id).get(0)).extracting(Delivery::state, Delivery::attempts)
        .containsExactly(Delivery.DELIVERED, 3);
    List<Receiver.Hit> hits = json.hits();
    assertThat(hits).hasSize(3);
    assertThat(hits).extracting(h -> h.header("X-Whodecides-Delivery")).containsOnly(hits.get(0).header("X-Whodecides-Delivery"));
    assertThat(hits).extracting(Receiver.Hit::body).containsOnly(hits.get(0).body());
    assertThat(hits).extracting(h -> h.header("X-Whodecides-Signature")).containsOnly(hmac(SECRET, hits.get(0).bytes()));
  }

  @Test
  void afterADayOfFailuresTheDeliveryIsGivenUpAndTheReleasesPageShowsIt() throws Exception {
    Receiver json = receiver();
    String secretPath = json.url() + "/T0/B0/do-not-show";
    start(List.of(new Webhook(URI.create(secretPath), SECRET, Webhook.Format.JSON)));
    for (int i = 0; i < 300; i++) {
      json.answer(500);
    }
    long id = record();
    Instant recorded = clock.instant();
    int attempts = 0;
    while (store.deliveries(id).get(0).state().equals(Delivery.PENDING)) {
      attempts += sender.sendDue();
      clock.advance(Duration.ofMinutes(1));
      assertThat(clock.instant()).isBefore(recorded.plus(Duration.ofHours(26)));
    }
    Delivery d = store.deliveries(id).get(0);
    assertThat(d.state()).isEqualTo(Delivery.FAILED);
    assertThat(d.attempts()).isEqualTo(attempts).isEqualTo(json.hits().size());
    // 30 s doubling to an hour: 9 attempts in the first 2 h 7 min 30 s, then hourly, and the last on the 24th hour.
    assertThat(attempts).isBetween(29, 32);
    assertThat(Duration.between(recorded, d.lastAttemptAt())).isBetween(Duration.ofHours(24),
        Duration.ofHours(24).plusMinutes(1));
    assertThat(d.lastError()).isEqualTo("HTTP 500");
    String page = client.get("/releases").body();
    assertThat(page).contains("Stakeholders not told").contains(d.eventId()).contains("HTTP 500")
        .contains("http://127.0.0.1:" + URI.create(json.url()).getPort() + "/…").doesNotContain("do-not-show");
    clock.advance(Duration.ofDays(2));
    assertThat(sender.sendDue()).as("a failed delivery stays failed").isZero();
  }

  @Test
  void aDeliveryForAWebhookThisServiceLacksWaitsThenIsGivenUp() throws Exception {
    Receiver json = receiver();
    start(List.of(new Webhook(URI.create(json.url()), SECRET, Webhook.Format.JSON)));
    long id = record();
    WebhookSender other = new WebhookSender(store, List.of(), clock, line -> {});
    assertThat(other.sendDue()).isEqualTo(1);
    assertThat(json.hits()).as("a service without the webhook cannot sign for it, so it does not send").isEmpty();
    assertThat(store.deliveries(id).get(0)).extracting(Delivery::state, Delivery::attempts)
        .containsExactly(Delivery.PENDING, 0);
    assertThat(sender.sendDue()).as("the configured service still sends it now").isZero();
    clock.advance(Duration.ofHours(1));
    assertThat(sender.sendDue()).isEqualTo(1);
    assertThat(json.hits()).hasSize(1);

    long second = record();
    for (int h = 0; h <= 24; h++) {
      other.sendDue();
      clock.advance(Duration.ofHours(1));
    }
    other.sendDue();
    assertThat(store.deliveries(second).get(0).state()).isEqualTo(Delivery.FAILED);
    assertThat(store.deliveries(second).get(0).lastError()).isEqualTo("this webhook is no longer configured");
  }

  @Test
  void aCallRecordedOnTheCommandLineIsQueuedAndTheServiceSendsIt() throws Exception {
    Receiver json = receiver();
    Path config = dir.resolve("whodecides.yaml");
    java.nio.file.Files.writeString(config, "notify:\n  - url: " + json.url() + "\n    secret: " + SECRET + "\n");
    Path db = dir.resolve("cli.db");
    dev.whodecides.CliRun.Run run = dev.whodecides.CliRun.run("release", "record", "--catalog",
        "examples/retail-data-org", "--config", config.toString(), "--db", db.toString(), "--product",
        "newsletter-picks", "--version", "3.2.0", "--decision", "wait", "--by", "tomas.reyes");
    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).contains("Queued for 1 webhook; whodecides serve on this store sends it.")
        .doesNotContain(SECRET);
    assertThat(json.hits()).as("the command line only queues").isEmpty();
    Store cliStore = Store.open(db.toString(), null);
    var webhooks = dev.whodecides.config.ConfigReader.read(config).webhooks();
    assertThat(new WebhookSender(cliStore, webhooks, java.time.Clock.systemUTC(), line -> {}).sendDue()).isEqualTo(1);
    assertThat(json.hits()).singleElement().satisfies(hit -> {
      assertThat(hit.header("X-Whodecides-Signature")).isEqualTo(hmac(SECRET, hit.bytes()));
      assertThat(ServiceClient.JSON.readTree(hit.body()).get("record").get("version").asText()).isEqualTo("3.2.0");
    });
  }
}
