package dev.whodecides.notify;

import dev.whodecides.store.Delivery;
import dev.whodecides.store.Store;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The service's background sender: posts each due delivery of the outbox to its webhook, marks it
 * delivered on a 2xx answer, and otherwise schedules the next attempt by {@link Backoff} until it
 * is given up. The clock is injected, so a test moves time instead of sleeping.
 */
public final class WebhookSender implements AutoCloseable {

  /** The header that carries the event id, the same on every retry of one delivery. */
  public static final String DELIVERY_HEADER = "X-Whodecides-Delivery";
  /** The header that names the event. */
  public static final String EVENT_HEADER = "X-Whodecides-Event";

  static final int BATCH = 50;
  static final Duration TIMEOUT = Duration.ofSeconds(10);
  /** How long a delivery whose webhook this service does not know waits before it is looked at again. */
  static final Duration UNKNOWN_WEBHOOK_WAIT = Duration.ofHours(1);

  private final Store store;
  private final Map<String, Webhook> webhooks;
  private final Clock clock;
  private final HttpClient http;
  private final Consumer<String> log;
  private final Object lifecycle = new Object();
  private ScheduledExecutorService loop;

  /** {@code log} receives one line for each delivery given up; it never holds a secret or an address's path. */
  public WebhookSender(Store store, List<Webhook> webhooks, Clock clock, Consumer<String> log) {
    this.store = store;
    this.webhooks = webhooks.stream().collect(Collectors.toMap(WebhookSender::key, Function.identity(), (a, b) -> a));
    this.clock = clock;
    this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    this.log = log;
  }

  private static String key(Webhook w) {
    return key(w.url().toString(), w.format().id());
  }

  private static String key(String url, String format) {
    return format + " " + url;
  }

  /** Attempts every delivery due now, once, and returns how many were attempted. */
  public synchronized int sendDue() {
    int attempted = 0;
    List<Delivery> due;
    do {
      due = store.dueDeliveries(clock.instant(), BATCH);
      for (Delivery d : due) {
        attempt(d);
        attempted++;
      }
    } while (due.size() == BATCH);
    return attempted;
  }

  private void attempt(Delivery d) {
    Instant now = clock.instant();
    Webhook w = webhooks.get(key(d.url(), d.format()));
    if (w == null) {
      // Queued by a service (or a command line) configured with this webhook; this one cannot sign for it.
      if (!now.isBefore(d.createdAt().plus(Backoff.GIVE_UP_AFTER))) {
        store.giveUp(d.id(), "this webhook is no longer configured");
        log.accept("webhook delivery " + d.eventId() + " to " + Webhook.shown(d.url()) + " given up: the webhook is"
            + " no longer configured");
      } else {
        store.postpone(d.id(), now.plus(UNKNOWN_WEBHOOK_WAIT), "waiting for a service configured with this webhook");
      }
      return;
    }
    String error = post(w, d);
    Instant after = clock.instant();
    if (error == null) {
      store.attempted(d.id(), after, Delivery.DELIVERED, after, null);
      return;
    }
    Instant next = Backoff.next(d.createdAt(), d.attempts() + 1, after);
    if (next == null) {
      store.attempted(d.id(), after, Delivery.FAILED, after, error);
      log.accept("webhook delivery " + d.eventId() + " (release call " + d.releaseId() + ") to " + w.shown()
          + " failed for 24 hours and is given up after " + (d.attempts() + 1) + " attempts: " + error);
    } else {
      store.attempted(d.id(), after, Delivery.PENDING, next, error);
    }
  }

  /** Posts one delivery; null when the webhook accepted it, else why not. */
  private String post(Webhook w, Delivery d) {
    byte[] body = d.body().getBytes(StandardCharsets.UTF_8);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(d.url()))
        .timeout(TIMEOUT)
        .header("Content-Type", "application/json")
        .header("User-Agent", "whodecides")
        .header(DELIVERY_HEADER, d.eventId())
        .header(EVENT_HEADER, ReleaseEvent.RELEASE_RECORDED)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (w.signed()) {
      request.header(Signature.HEADER, Signature.of(w.secret(), body));
    }
    try {
      HttpResponse<Void> r = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
      return r.statusCode() / 100 == 2 ? null : "HTTP " + r.statusCode();
    } catch (IOException e) {
      String message = e.getMessage() == null ? "" : ": " + e.getMessage().replace(d.url(), w.shown());
      return e.getClass().getSimpleName() + message;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  /** Starts sending in the background, looking for due deliveries every {@code every}. */
  public void start(Duration every) {
    synchronized (lifecycle) {
      if (loop == null) {
        loop = begin(every);
      }
    }
  }

  private ScheduledExecutorService begin(Duration every) {
    ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "whodecides-webhooks");
      t.setDaemon(true);
      return t;
    });
    loop.scheduleWithFixedDelay(() -> {
      try {
        sendDue();
      } catch (RuntimeException e) {
        // A database hiccup must not end the loop; the deliveries stay queued for the next round.
        log.accept("webhook sender: " + e.getMessage());
      }
    }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    return loop;
  }

  @Override
  public void close() {
    ScheduledExecutorService l;
    synchronized (lifecycle) {
      l = loop;
      loop = null;
    }
    if (l != null) {
      l.shutdownNow();
    }
  }
}
