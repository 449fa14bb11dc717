package dev.whodecides.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse.JSONRPCError;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Standard input as the SDK's stdio transport reads it: one JSON-RPC message a line, every other line kept
 * back here. The transport ends its session at the first line it cannot read, which would leave the process
 * running with nobody listening; instead such a line (no JSON object, no JSON-RPC message, longer than the
 * limit) is reported as a notice, answered with an invalid-request error when it carries an id to answer
 * (MCP allows no response without one), and the session carries on. The end of input is reported to
 * {@code ended}.
 */
final class CheckedLines extends InputStream {

  /** The longest line passed on, in characters; the transport's own limit is 16 MiB. */
  static final int MAX_CHARS = 8 * 1024 * 1024;

  /** How long the requests read before the input ended may take to be answered. */
  static final long ANSWER_SECONDS = 60;

  private final BufferedReader in;
  private final OutputStream out;
  private final McpJsonMapper mapper;
  private final Runnable ended;
  private final Consumer<String> notices;
  private final InFlight inFlight;
  private byte[] line = new byte[0];
  private int pos;

  /** {@code out} is the protocol's stream, written under its own lock as the transport writes it. */
  CheckedLines(InputStream in, OutputStream out, McpJsonMapper mapper, Runnable ended, Consumer<String> notices) {
    this(in, out, mapper, ended, notices, null);
  }

  /**
   * As above, telling {@code inFlight} (when not null) of every request passed on, and holding the end
   * of input back until each has its answer.
   */
  CheckedLines(InputStream in, OutputStream out, McpJsonMapper mapper, Runnable ended, Consumer<String> notices,
      InFlight inFlight) {
    this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    this.out = out;
    this.mapper = mapper;
    this.ended = ended;
    this.notices = notices;
    this.inFlight = inFlight;
  }

  @Override
  public int read() throws IOException {
    return fill() ? line[pos++] & 0xff : -1;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (!fill()) {
      return -1;
    }
    int n = Math.min(len, line.length - pos);
    System.arraycopy(line, pos, b, off, n);
    pos += n;
    return n;
  }

  @Override
  public void close() throws IOException {
    ended.run();
    in.close();
  }

  /** Makes sure a checked line is waiting; false at the end of input. */
  private boolean fill() throws IOException {
    try {
      while (pos >= line.length) {
        StringBuilder text = new StringBuilder();
        boolean tooLong = false;
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
          if (text.length() < MAX_CHARS) {
            text.append((char) c);
          } else {
            tooLong = true;
          }
        }
        if (c == -1 && text.length() == 0) {
          // The transport ends its session at the end of input, dropping what it has not answered yet:
          // it sees the end only once every request read has its answer (a script that pipes its
          // requests in and closes still gets them all).
          if (inFlight != null && !inFlight.awaitAnswered(ANSWER_SECONDS)) {
            notices.accept("whodecides: the input ended and some requests had no answer after " + ANSWER_SECONDS
                + " s; closing without them");
          }
          ended.run();
          return false;
        }
        String message = text.toString().strip();
        if (tooLong) {
          refuse(null, "a message longer than " + MAX_CHARS + " characters");
        } else if (!message.isEmpty() && readable(message)) {
          line = (message + "\n").getBytes(StandardCharsets.UTF_8);
          pos = 0;
        }
      }
      return true;
    } catch (IOException | RuntimeException e) {
      ended.run();
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ended.run();
      return false;
    }
  }

  private boolean readable(String message) throws IOException {
    Map<?, ?> json;
    try {
      json = mapper.readValue(message, Map.class);
    } catch (IOException | RuntimeException e) {
      refuse(null, "a line that is not a JSON object");
      return false;
    }
    try {
      if (McpSchema.deserializeJsonRpcMessage(mapper, message) instanceof McpSchema.JSONRPCRequest request
          && inFlight != null) {
        inFlight.asked(request.id());
      }
      return true;
    } catch (IOException | RuntimeException e) {
      refuse(json.get("id"), "JSON that is not a JSON-RPC 2.0 request, notification or response");
      return false;
    }
  }

  private void refuse(Object id, String what) throws IOException {
    boolean answerable = id instanceof String || id instanceof Number;
    notices.accept("whodecides: skipped " + what + " on stdin" + (answerable ? ", answered with an error" : ""));
    if (answerable) {
      JSONRPCError error = new JSONRPCError(McpSchema.ErrorCodes.INVALID_REQUEST, "Invalid Request: " + what);
      byte[] answer = (mapper.writeValueAsString(JSONRPCResponse.error(id, error)) + "\n")
          .getBytes(StandardCharsets.UTF_8);
      synchronized (out) {
        out.write(answer);
        out.flush();
      }
    }
  }
}
