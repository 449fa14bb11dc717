package dev.whodecides.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whodecides.store.Store;
import dev.whodecides.vocabulary.EntityRef;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service killed with SIGKILL while it is writing comes back with every record it acknowledged:
 * the service runs as a real process, clients post until it dies, and the restarted service must
 * list every id that was answered with 201.
 */
class KillDurabilityIT {

  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  static final ObjectMapper JSON = new ObjectMapper();

  /** Starts the service and returns once it says it serves; a silent or dead process fails within a minute. */
  static Process serve(Path db, int port) throws Exception {
    return serve(List.of("examples/retail-data-org", "--port", String.valueOf(port), "--db", db.toString()));
  }

  /** Starts {@code whodecides serve ARGS...} as a process and returns once it says it serves. */
  static Process serve(List<String> args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "dev.whodecides.cli.Main", "serve"));
    cmd.addAll(args);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    CompletableFuture<Void> serving = new CompletableFuture<>();
    @SuppressWarnings("JdkObsolete") // written by the reader thread, read by the test: a synchronized buffer on purpose
    StringBuffer output = new StringBuffer();
    // A reader thread keeps the pipe empty for the process's whole life; the test only waits on the
    // future, with a deadline, so a service that hangs without a word cannot hang the build.
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          if (!serving.isDone()) {
            output.append(line).append('\n');
          }
          if (line.contains("whodecides serves")) {
            serving.complete(null);
          }
        }
      } catch (IOException e) {
        // the process is gone; the future below says so
      }
      serving.completeExceptionally(new AssertionError("the service exited before serving"));
    });
    reader.setDaemon(true);
    reader.start();
    try {
      serving.get(60, TimeUnit.SECONDS);
      return p;
    } catch (ExecutionException | TimeoutException e) {
      p.destroyForcibly();
      throw new AssertionError("the service did not start within 60 s; it printed:\n" + output, e);
    }
  }

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Test
  void everyAcknowledgedRecordSurvivesSigkill(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("records.db");
    String token = Store.open(db.toString(), null).createToken(EntityRef.parse("user:tomas.reyes", null));
    int port = freePort();
    Process service = serve(db, port);
    Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
    CountDownLatch enough = new CountDownLatch(150);
    ExecutorService clients = Executors.newFixedThreadPool(8);
    for (int c = 0; c < 8; c++) {
      final int client = c;
      var unused = clients.submit(() -> {
        for (int i = 0; i < 10_000 && service.isAlive(); i++) {
          String body = "{\"product\":\"newsletter-picks\",\"version\":\"" + client + "." + i + "\","
              + "\"decision\":\"wait\",\"by\":\"user:tomas.reyes\"}";
          try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/releases"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 201) {
              acknowledged.add(JSON.readTree(r.body()).get("id").asLong());
              enough.countDown();
            }
          } catch (Exception e) {
            return null; // the service died mid-request: this post was never acknowledged
          }
        }
        return null;
      });
    }
    enough.await(60, TimeUnit.SECONDS);
    new ProcessBuilder("kill", "-9", String.valueOf(service.pid())).start().waitFor();
    service.waitFor(10, TimeUnit.SECONDS);
    clients.shutdown();
    clients.awaitTermination(30, TimeUnit.SECONDS);
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(150);

    Process again = serve(db, port);
    try {
      HttpResponse<String> log = HTTP.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port + "/api/releases?product=newsletter-picks")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      Set<Long> stored = ConcurrentHashMap.newKeySet();
      for (JsonNode r : JSON.readTree(log.body())) {
        stored.add(r.get("id").asLong());
      }
      assertThat(stored).containsAll(acknowledged);
    } finally {
      again.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
