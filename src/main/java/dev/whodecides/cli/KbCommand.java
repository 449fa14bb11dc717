package dev.whodecides.cli;

import dev.whodecides.evidence.Archive;
import dev.whodecides.evidence.CitationCheck;
import dev.whodecides.evidence.CitationVerifier;
import dev.whodecides.evidence.Coverage;
import dev.whodecides.evidence.EvidenceIndex;
import dev.whodecides.evidence.Hit;
import dev.whodecides.evidence.Passage;
import dev.whodecides.knowledge.Times;
import dev.whodecides.knowledge.Knowledge;
import dev.whodecides.report.EvidenceJson;
import dev.whodecides.report.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code whodecides kb}: check the knowledge file's citations against the archive, or find new ones. */
@Command(name = "kb", mixinStandardHelpOptions = true,
    description = "Work on the knowledge behind the rules: verify its citations, suggest citations for a claim.",
    subcommands = {KbCommand.Verify.class, KbCommand.Suggest.class})
final class KbCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: verify or suggest");
  }

  enum Format { text, json }

  /** {@code whodecides kb verify}. */
  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = "Check every citation: the episode exists, the range lies within it and holds transcript lines,"
          + " and the lines support the claim. Exit 1 when any citation is broken.")
  static final class Verify implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin EvidenceOptions options;

    @Option(names = "--knowledge", paramLabel = "FILE",
        description = "A knowledge file to check instead of the built-in one (same shape as knowledge.yaml).")
    Path knowledgeFile;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--all", description = "List every citation, not only weak and broken ones.")
    boolean all;

    @Override
    public Integer call() throws IOException {
      Knowledge knowledge = knowledge(knowledgeFile);
      PrintWriter out = spec.commandLine().getOut();
      List<CitationCheck> checks;
      Coverage coverage;
      try (EvidenceIndex index = options.open(spec.commandLine().getErr())) {
        checks = new CitationVerifier(knowledge, Archive.load(options.archive), index).verifyAll();
        coverage = index.summary().coverage();
      }
      Map<CitationCheck.Status, Integer> counts = new LinkedHashMap<>();
      for (CitationCheck.Status s : CitationCheck.Status.values()) {
        counts.put(s, 0);
      }
      checks.forEach(c -> counts.merge(c.status(), 1, Integer::sum));
      if (format == Format.json) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CitationCheck c : checks) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("claim", c.claim());
          m.put("source", c.citation().source());
          m.put("from", c.citation().from());
          m.put("to", c.citation().to());
          m.put("status", c.status().id());
          m.put("ranked", c.ranked());
          m.put("keyTerms", c.keyTerms());
          m.put("sharedTerms", c.sharedTerms());
          m.put("problems", c.problems());
          m.put("best", c.best() == null ? null : EvidenceJson.passage(c.best()));
          rows.add(m);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        counts.forEach((s, n) -> summary.put(s.id(), n));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("citations", rows);
        root.put("summary", summary);
        root.put("coverage", coverage);
        out.print(Json.write(root));
      } else {
        for (CitationCheck c : checks) {
          if (!all && c.status() == CitationCheck.Status.OK) {
            continue;
          }
          out.printf("%-6s %s -> %s %s-%s%n", c.status().id(), c.claim(), c.citation().source(), c.citation().from(),
              c.citation().to());
          for (String p : c.problems()) {
            out.println("       " + p);
          }
          if (c.status() != CitationCheck.Status.OK) {
            out.println("       key terms " + c.keyTerms() + ", in the cited lines " + c.sharedTerms());
            if (c.best() != null) {
              Passage b = c.best();
              out.printf("       best passage instead: %s %s-%s %s%n", b.slug(), Times.format(b.from()),
                  Times.format(b.to()), b.url() == null ? "" : b.url());
            }
          }
        }
        out.printf("%d citations: %d ok, %d weak, %d broken%n", checks.size(), counts.get(CitationCheck.Status.OK),
            counts.get(CitationCheck.Status.WEAK), counts.get(CitationCheck.Status.BROKEN));
      }
      out.flush();
      return counts.get(CitationCheck.Status.BROKEN) > 0 ? 1 : 0;
    }
  }

  /** {@code whodecides kb suggest}. */
  @Command(name = "suggest", mixinStandardHelpOptions = true,
      description = "The best passages to cite for a new claim, as citation entries for the knowledge file.")
  static final class Suggest implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin EvidenceOptions options;

    @Parameters(paramLabel = "CLAIM", description = "The claim, in your own words.")
    String claim;

    @Option(names = "--limit", defaultValue = "5", description = "How many passages (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() throws IOException {
      if (limit < 1 || limit > 100) {
        throw new UserError("--limit must be between 1 and 100, not " + limit);
      }
      PrintWriter out = spec.commandLine().getOut();
      try (EvidenceIndex index = options.open(spec.commandLine().getErr())) {
        List<Hit> hits = index.search(claim, limit, null);
        if (format == Format.json) {
          out.print(Json.write(EvidenceJson.suggestions(hits)));
        } else if (hits.isEmpty()) {
          out.println("No passage in the archive matches this claim; rephrase it with the words a speaker would use.");
        } else {
          out.println("citations:");
          for (Hit h : hits) {
            Passage p = h.passage();
            out.printf("  - {source: %s, from: \"%s\", to: \"%s\"}   # %s, score %.1f%n", p.slug(),
                Times.format(p.from()), Times.format(p.to()), EvidenceCommand.title(p), h.score());
            out.println("    # " + EvidenceCommand.snippet(p.text(), 200));
          }
        }
      }
      out.flush();
      return 0;
    }
  }

  static Knowledge knowledge(Path file) {
    if (file == null) {
      return Knowledge.builtIn();
    }
    if (!Files.isRegularFile(file)) {
      throw new UserError("--knowledge " + file + " does not exist; pass a knowledge YAML file");
    }
    try {
      return Knowledge.load(file);
    } catch (IOException | RuntimeException e) {
      throw new UserError("cannot read knowledge file " + file + ": " + e.getMessage().lines().findFirst().orElse("")
          + "; it must have the shape of the built-in knowledge.yaml");
    }
  }
}
