package dev.whodecides.mcp;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

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

  /**
   * Serves {@code tools} on {@code in} and {@code out} until {@code in} ends, then closes the session;
   * {@code notices} hears of each line of input answered with an error rather than passed on.
   */
  public static void serve(Tools tools, String version, InputStream in, OutputStream out, Consumer<String> notices)
      throws InterruptedException {
    CountDownLatch ended = new CountDownLatch(1);
    McpJsonMapper mapper = mapper();
    InFlight inFlight = new InFlight();
    OutputStream watched = inFlight.watching(out, mapper);
    InputStream checked = new CheckedLines(in, watched, mapper, ended::countDown, notices, inFlight);
    McpSyncServer server = McpServer.sync(new StdioServerTransportProvider(mapper, checked, watched))
        .serverInfo("whodecides", version)
        .instructions(INSTRUCTIONS)
        .capabilities(ServerCapabilities.builder().tools(false).build())
        .tools(tools.specifications())
        .build();
    ended.await();
    server.closeGracefully();
  }
}
