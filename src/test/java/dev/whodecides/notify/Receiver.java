package dev.whodecides.notify;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP receiver for webhook tests, on this machine: it keeps every request it gets (headers
 * and the exact body) and answers with the statuses queued for it, then 200.
 */
public final class Receiver implements AutoCloseable {

  /** One request as it arrived: the headers (lower-cased names) and the body bytes as text. */
  public record Hit(Map<String, String> headers, String body, byte[] bytes) {
    public String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
  }

  private final HttpServer server;
  private final java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(4);
  private final List<Hit> hits = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
  private volatile Duration delay = Duration.ZERO;

  public Receiver(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
    server.createContext("/", exchange -> {
      byte[] bytes;
      try (InputStream in = exchange.getRequestBody()) {
        bytes = in.readAllBytes();
      }
      Map<String, String> headers = new HashMap<>();
      exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
      hits.add(new Hit(headers, new String(bytes, StandardCharsets.UTF_8), bytes));
      try {
        Thread.sleep(delay.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      Integer status = statuses.poll();
      exchange.sendResponseHeaders(status == null ? 200 : status, -1);
      exchange.close();
    });
    server.setExecutor(threads);
    server.start();
  }

  public Receiver() throws IOException {
    this(0);
  }

  /** The address to configure, with a path as a real receiver has. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/whodecides";
  }

  /** The next requests are answered with these statuses, in order. */
  public void answer(Integer... next) {
    statuses.addAll(List.of(next));
  }

  /** Each answer waits this long, as a slow receiver does. */
  public void slow(Duration by) {
    delay = by;
  }

  public List<Hit> hits() {
    return new ArrayList<>(hits);
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
