package dev.whodecides.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The requests read from stdin that have no response on stdout yet. When the input ends (a script
 * that pipes its requests in and closes), the server waits for these before it closes, so every
 * request that was read is answered.
 */
final class InFlight {

  private final Set<String> ids = new HashSet<>();

  /** A request with {@code id} was passed on to the transport. */
  synchronized void asked(Object id) {
    ids.add(key(id));
  }

  /** A response for {@code id} was written. */
  synchronized void answered(Object id) {
    if (ids.remove(key(id)) && ids.isEmpty()) {
      notifyAll();
    }
  }

  /** Waits until every request read has its response, at most {@code seconds}; false when some have none. */
  synchronized boolean awaitAnswered(long seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!ids.isEmpty()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  /** Ids of either JSON type: the number 1 and the string "1" are different requests. */
  private static String key(Object id) {
    return (id instanceof Number n ? "n:" + n.longValue() : "s:" + id);
  }

  /**
   * {@code out}, watched: each line written to it (one JSON-RPC message a line) that is a response
   * marks its request answered.
   */
  OutputStream watching(OutputStream out, McpJsonMapper mapper) {
    return new FilterOutputStream(out) {
      private final ByteArrayOutputStream line = new ByteArrayOutputStream();

      @Override
      public void write(int b) throws IOException {
        out.write(b);
        seen(b);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        for (int i = off; i < off + len; i++) {
          seen(b[i]);
        }
      }

      private void seen(int b) {
        if (b != '\n') {
          line.write(b);
          return;
        }
        String message = line.toString(StandardCharsets.UTF_8);
        line.reset();
        try {
          Map<?, ?> json = mapper.readValue(message, Map.class);
          if (json.get("id") != null && (json.containsKey("result") || json.containsKey("error"))) {
            answered(json.get("id"));
          }
        } catch (IOException | RuntimeException e) {
          // not a message of ours to track
        }
      }
    };
  }
}
