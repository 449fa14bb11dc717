package dev.whodecides.mcp;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;

/**
 * The Model Context Protocol over a pair of streams (a process's stdin and stdout): newline-delimited
 * JSON-RPC in, the same out, through the official SDK. Serves until the client closes the input.
 */
public final class StdioServer {

  static final String INSTRUCTIONS = "whodecides answers who holds each decision (release, roadmap, guarantees,"
      + " ...) on the entities of one organization's catalog, read when this server started. Ask who_decides for"
      + " the owner of a decision on an entity, may_decide before acting on someone's behalf, gaps for decisions"
      + " nobody owns, explain for what a rule, role or decision type means, and search_evidence for the podcast"
      + " passages behind the advice. Entities are written [kind:][namespace/]name, e.g. component:checkout.";

  private StdioServer() {}

  /** The JSON mapper the SDK finds on the class path (its Jackson module's service entry). */
  static McpJsonMapper mapper() {
    return McpJsonDefaults.getMapper();
  }

  /** Serves {@code tools} on {@code in} and {@code out} until {@code in} ends, then closes the session. */
  public static void serve(Tools tools, String version, InputStream in, OutputStream out) throws InterruptedException {
    CountDownLatch ended = new CountDownLatch(1);
    InputStream watched = new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        try {
          return seen(super.read());
        } catch (IOException e) {
          ended.countDown();
          throw e;
        }
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        try {
          return seen(super.read(b, off, len));
        } catch (IOException e) {
          ended.countDown();
          throw e;
        }
      }

      @Override
      public void close() throws IOException {
        ended.countDown();
        super.close();
      }

      private int seen(int n) {
        if (n < 0) {
          ended.countDown();
        }
        return n;
      }
    };
    McpSyncServer server = McpServer.sync(new StdioServerTransportProvider(mapper(), watched, out))
        .serverInfo("whodecides", version)
        .instructions(INSTRUCTIONS)
        .capabilities(ServerCapabilities.builder().tools(false).build())
        .tools(tools.specifications())
        .build();
    ended.await();
    server.closeGracefully();
  }
}
