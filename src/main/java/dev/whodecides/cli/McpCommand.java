package dev.whodecides.cli;

import dev.whodecides.decisions.Authority;
import dev.whodecides.evidence.EvidenceIndex;
import dev.whodecides.knowledge.Knowledge;
import dev.whodecides.mcp.StdioServer;
import dev.whodecides.mcp.Tools;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code whodecides mcp}: the authority questions as Model Context Protocol tools for agents, over stdio. */
@Command(name = "mcp", mixinStandardHelpOptions = true,
    description = "Serve the Model Context Protocol on stdin and stdout for an agent: tools who_decides, may_decide,"
        + " gaps, explain and search_evidence answer from the catalog read at start, with the JSON of who, may,"
        + " explain and evidence --format json. Standard output carries protocol messages only; notices go to"
        + " standard error. Exit 2 when the catalog cannot be read.")
final class McpCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "PATH",
      description = "Catalog files or directories; optional with --backstage.")
  List<Path> paths;

  @Mixin BackstageOptions backstage;

  /** Optional as a whole: without --archive, search_evidence answers how to give one. */
  @ArgGroup(exclusive = false, heading = "The podcast archive search_evidence reads:%n")
  EvidenceOptions evidence;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    Authority authority = AuthorityCli.load(paths, err, backstage);
    try (EvidenceIndex index = evidence == null ? null : evidence.open(err)) {
      // Standard output belongs to the protocol from here on: whatever else would print there
      // (a library's banner or stray line) goes to standard error instead.
      OutputStream protocol = new FileOutputStream(FileDescriptor.out);
      System.setOut(System.err);
      boolean debug = spec.commandLine().getParseResult().hasMatchedOption("--debug");
      Tools tools = new Tools(authority, Knowledge.builtIn(), index, e -> {
        if (debug) {
          e.printStackTrace(err);
        } else {
          err.println("whodecides: internal error (" + e + ") while answering a tool call; this is a bug in"
              + " whodecides, run again with --debug and report the stack trace");
        }
        err.flush();
      });
      err.println("whodecides: serving the Model Context Protocol on stdin and stdout");
      err.flush();
      StdioServer.serve(tools, Version.VERSION, new FileInputStream(FileDescriptor.in), protocol, notice -> {
        err.println(notice);
        err.flush();
      });
    }
    return 0;
  }
}
