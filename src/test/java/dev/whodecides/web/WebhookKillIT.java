package dev.whodecides.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whodecides.guarantees.PostgresDb;
import dev.whodecides.notify.Receiver;
import dev.whodecides.store.Store;
import dev.whodecides.vocabulary.EntityRef;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Nothing acknowledged is left unsent: a real {@code serve} process records calls while a slow
 * real receiver keeps its sender behind, is killed with SIGKILL while calls are committed but not
 * yet posted, and after a restart every acknowledged call reaches the receiver; a delivery the
 * receiver saw twice has the same id and body both times.
 */
class WebhookKillIT {

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void everyAcknowledgedCallIsDeliveredAfterSigkill(String vendor) throws Exception {
    if (vendor.equals("sqlite")) {
      run(dir.resolve("records.db").toString());
      return;
    }
    try (PostgresDb db = PostgresDb.create()) {
      run(db.url);
    }
  }

  void run(String db) throws Exception {
    String token = Store.open(db, null).createToken(EntityRef.parse("user:tomas.reyes", null));
    try (Receiver receiver = new Receiver()) {
      receiver.slow(Duration.ofMillis(400));
      int port = KillDurabilityIT.freePort();
      Process service = serve(db, port, receiver);
      Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
      ExecutorService clients = Executors.newFixedThreadPool(4);
      try {
        for (int c = 0; c < 4; c++) {
          final int client = c;
          var unused = clients.submit(() -> {
            for (int i = 0; i < 10 && service.isAlive(); i++) {
              String body = "{\"product\":\"newsletter-picks\",\"version\":\"" + client + "." + i + "\","
                  + "\"decision\":\"wait\",\"by\":\"user:tomas.reyes\"}";
              try {
                HttpResponse<String> r = KillDurabilityIT.HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/releases"))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 201) {
                  acknowledged.add(KillDurabilityIT.JSON.readTree(r.body()).get("id").asLong());
                }
              } catch (Exception e) {
                return null;
              }
            }
            return null;
          });
        }
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
      } finally {
        new ProcessBuilder("kill", "-9", String.valueOf(service.pid())).start().waitFor();
        service.waitFor(10, TimeUnit.SECONDS);
      }
      assertThat(acknowledged).hasSize(40);
      Set<Long> beforeKill = records(receiver.hits());
      System.out.println("WebhookKillIT: " + acknowledged.size() + " calls acknowledged, " + beforeKill.size()
          + " of them posted before SIGKILL");
      assertThat(beforeKill).as("the kill must leave committed calls unsent, or this test proves nothing")
          .hasSizeLessThan(acknowledged.size() - 10);

      receiver.slow(Duration.ZERO);
      Process again = serve(db, port, receiver);
      try {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!records(receiver.hits()).containsAll(acknowledged) && System.nanoTime() < deadline) {
          Thread.sleep(200);
        }
      } finally {
        again.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      List<Receiver.Hit> hits = receiver.hits();
      assertThat(records(hits)).containsAll(acknowledged);
      Map<String, String> bodyById = new HashMap<>();
      Map<String, Long> recordById = new HashMap<>();
      for (Receiver.Hit h : hits) {
        String id = h.header("X-Whodecides-Delivery");
        JsonNode event = KillDurabilityIT.JSON.readTree(h.body());
        assertThat(event.get("id").asText()).isEqualTo(id);
        assertThat(bodyById.putIfAbsent(id, h.body())).as("a repeated delivery repeats its body").isIn(null, h.body());
        recordById.put(id, event.get("record").get("id").asLong());
      }
      assertThat(Set.copyOf(recordById.values())).as("one event per call and webhook").hasSize(recordById.size());
    }
  }

  private static Process serve(String db, int port, Receiver receiver) throws Exception {
    return KillDurabilityIT.serve(List.of("examples/retail-data-org", "--port", String.valueOf(port), "--db", db,
        "--webhook", receiver.url()));
  }

  private static Set<Long> records(List<Receiver.Hit> hits) throws Exception {
    Set<Long> ids = new java.util.HashSet<>();
    for (Receiver.Hit h : hits) {
      ids.add(KillDurabilityIT.JSON.readTree(h.body()).get("record").get("id").asLong());
    }
    return ids;
  }
}
