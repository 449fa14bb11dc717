package dev.whodecides.cli;

import dev.whodecides.evidence.EvidenceIndex;
import dev.whodecides.evidence.Hit;
import dev.whodecides.evidence.Passage;
import dev.whodecides.knowledge.Times;
import dev.whodecides.report.EvidenceJson;
import dev.whodecides.report.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code whodecides evidence}: search the podcast archive for passages about a question. */
@Command(name = "evidence", mixinStandardHelpOptions = true,
    description = "Search the podcast archive: the best passages for a question, with a link to the second.")
final class EvidenceCommand implements Callable<Integer> {

  enum Format { text, json }

  @Spec CommandSpec spec;

  @Mixin EvidenceOptions options;

  @Parameters(paramLabel = "QUERY", arity = "0..1", description = "What to look for, in plain words.")
  String query;

  @Option(names = "--limit", defaultValue = "5", description = "How many passages (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--latency", hidden = true, paramLabel = "FILE",
      description = "Benchmark: run every line of FILE as a query and print latency percentiles.")
  Path latency;

  @Override
  public Integer call() throws IOException {
    if (limit < 1 || limit > 1000) {
      throw new UserError("--limit must be between 1 and 1000, not " + limit);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (query == null && latency == null) {
      throw new UserError("give a QUERY, e.g. whodecides evidence \"who decides a model is good enough\" --archive DIR");
    }
    try (EvidenceIndex index = options.open(spec.commandLine().getErr())) {
      if (latency != null) {
        return latency(index, out);
      }
      List<Hit> hits = index.search(query, limit, null);
      if (format == Format.json) {
        out.print(Json.write(EvidenceJson.hits(hits)));
      } else {
        if (hits.isEmpty()) {
          out.println("No passage matches \"" + query + "\".");
        }
        int n = 1;
        for (Hit h : hits) {
          Passage p = h.passage();
          out.printf("%d. %s  %s-%s  %s%n", n++, title(p), Times.format(p.from()), Times.format(p.to()),
              p.url() == null ? "" : p.url());
          out.println("   " + (p.chapter() == null ? "" : "chapter: " + p.chapter() + "; ")
              + "speakers: " + String.join(", ", p.speakers())
              + (p.guests().isEmpty() ? "" : "; guests: " + String.join(", ", p.guests())));
          out.println(ExplainCommand.wrap(snippet(p.text(), 600)).replaceAll("(?m)^", "   | "));
          out.println();
        }
      }
      out.flush();
    }
    return 0;
  }

  static String title(Passage p) {
    return p.shortTitle() != null ? p.shortTitle() : p.title() != null ? p.title() : p.slug();
  }

  static String snippet(String text, int max) {
    String flat = text.replaceAll("\\s+", " ").strip();
    return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
  }

  private int latency(EvidenceIndex index, PrintWriter out) throws IOException {
    List<String> queries = Files.readAllLines(latency).stream().filter(l -> !l.isBlank()).toList();
    if (queries.isEmpty()) {
      throw new UserError(latency + " holds no queries; write one per line");
    }
    // Three warm-up rounds let the JIT compile the search path; a server answers from warm code.
    for (int round = 0; round < 3; round++) {
      for (String q : queries) {
        index.search(q, limit, null);
      }
    }
    long[] nanos = new long[queries.size() * 5];
    for (int round = 0; round < 5; round++) {
      for (int i = 0; i < queries.size(); i++) {
        long start = System.nanoTime();
        index.search(queries.get(i), limit, null);
        nanos[round * queries.size() + i] = System.nanoTime() - start;
      }
    }
    Arrays.sort(nanos);
    out.printf("queries=%d p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f%n", nanos.length,
        nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.95)] / 1e6,
        nanos[(int) (nanos.length * 0.99)] / 1e6, nanos[nanos.length - 1] / 1e6);
    out.flush();
    return 0;
  }
}
