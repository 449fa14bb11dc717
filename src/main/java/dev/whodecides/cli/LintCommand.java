package dev.whodecides.cli;

import dev.whodecides.catalog.Catalog;
import dev.whodecides.config.Config;
import dev.whodecides.guarantees.VerifiedResults;
import dev.whodecides.guarantees.VerifyReportReader;
import dev.whodecides.report.BaselineFile;
import dev.whodecides.report.Formatter;
import dev.whodecides.report.JsonFormatter;
import dev.whodecides.report.MarkdownFormatter;
import dev.whodecides.report.SarifFormatter;
import dev.whodecides.report.TextFormatter;
import dev.whodecides.rules.Baseline;
import dev.whodecides.rules.LintOptions;
import dev.whodecides.rules.LintResult;
import dev.whodecides.rules.Linter;
import dev.whodecides.rules.Severity;
import dev.whodecides.store.LintRun;
import dev.whodecides.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code whodecides lint}: names every decision without an owner. */
@Command(name = "lint", mixinStandardHelpOptions = true,
    description = "Name every decision without an owner, the role that would own it, and the evidence.",
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:nothing at or above --fail-on was found (with --baseline: nothing new)",
      "1:something at or above --fail-on was found (with --baseline: something new)",
      "2:bad usage or unreadable input"})
final class LintCommand implements Callable<Integer> {

  enum Format { text, json, sarif, markdown }

  enum FailOn { error, warning, never }

  enum EvidenceLayout { summary, full }

  /** Where rule pages live; SARIF helpUri and Markdown links point here. */
  static final String DOCS_BASE = "https://github.com/whodecides/whodecides/blob/main/docs/rules/";

  @Spec CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "PATH",
      description = "Catalog files or directories (searched for *.yaml, *.yml); optional with --backstage.")
  List<Path> paths;

  @Mixin BackstageOptions backstage;

  @Option(names = "--format", defaultValue = "text", description = "text, json, sarif or markdown (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--evidence", defaultValue = "summary",
      description = "Where the text output cites the podcast evidence: summary (each rule's citations once, at the end)"
          + " or full (under every finding). JSON and SARIF always carry it on every finding (default: ${DEFAULT-VALUE}).")
  EvidenceLayout evidence;

  @Option(names = "--output", paramLabel = "FILE", description = "Write the report here instead of standard output.")
  Path output;

  @Option(names = "--fail-on", defaultValue = "error",
      description = "Exit 1 when a finding at or above this severity exists: error, warning or never (default: ${DEFAULT-VALUE}).")
  FailOn failOn;

  @Option(names = "--docs-base", paramLabel = "URL", defaultValue = DOCS_BASE,
      description = "Base URL of the rule pages, for SARIF helpUri and Markdown links.")
  String docsBase;

  @Option(names = "--duplicate-threshold", paramLabel = "COSINE", defaultValue = "0.5",
      description = "TF-IDF cosine at or above which two use cases count as the same work (default: ${DEFAULT-VALUE}).")
  double duplicateThreshold;

  @Option(names = "--manual-fix-volume", paramLabel = "ITEMS", defaultValue = "1000",
      description = "Use cases touching at most this many items get manual-fix-suffices when they build a model,"
          + " automation or API (default: ${DEFAULT-VALUE}).")
  long manualFixVolume;

  @Option(names = "--config", paramLabel = "FILE",
      description = "The configuration to use instead of the .whodecides.yaml found in the current directory or above"
          + " the first PATH (up to the repository root).")
  Path config;

  @Option(names = "--write-baseline", paramLabel = "FILE",
      description = "Write the fingerprints of today's findings to FILE (sorted, with rule and entity) and count them"
          + " as unchanged; commit it so that only new findings fail.")
  Path writeBaseline;

  @Option(names = "--baseline", paramLabel = "FILE",
      description = "Compare with a baseline written by --write-baseline: each finding is new or unchanged, and the"
          + " exit status and --fail-on count only new ones.")
  Path baseline;

  @Option(names = "--today", paramLabel = "DATE",
      description = "Judge waiver expiry and Decision review dates as of this date, YYYY-MM-DD (default: today).")
  String today;

  @Option(names = "--all",
      description = "In text and Markdown, list every finding; by default a rule with more than ten shows the first"
          + " ten and a count (JSON and SARIF always list every one).")
  boolean all;

  @Option(names = "--record",
      description = "Keep a summary of this run (counts per severity and rule) in the store, for a trend.")
  boolean record;

  @Mixin StoreOptions store;

  @Option(names = "--verified", paramLabel = "FILE",
      description = "The JSON report of 'whodecides verify --format json'; contracts with failed checks become guarantee-broken findings.")
  Path verified;

  private boolean debug() {
    return spec.commandLine().getParent() != null
        && spec.commandLine().getParent().getParseResult().hasMatchedOption("--debug");
  }

  private boolean given(String option) {
    return spec.commandLine().getParseResult().hasMatchedOption(option);
  }

  @Override
  public Integer call() {
    LocalDate day = Today.of(today);
    paths = paths == null ? List.of() : paths;
    backstage.check(paths);
    Path first = paths.isEmpty() ? null : paths.get(0);
    Config cfg = Configs.load(config, first);
    // Command-line flags override the file.
    if (!given("--duplicate-threshold")) {
      duplicateThreshold = cfg.duplicateThreshold().orElse(duplicateThreshold);
    }
    if (!given("--manual-fix-volume")) {
      manualFixVolume = cfg.manualFixVolume().orElse(manualFixVolume);
    }
    Baseline accepted = baseline == null ? null : Configs.baseline(baseline);
    if (duplicateThreshold <= 0 || duplicateThreshold > 1) {
      throw new UserError("--duplicate-threshold must be above 0 and at most 1, not " + duplicateThreshold);
    }
    if (manualFixVolume < 0) {
      throw new UserError("--manual-fix-volume must be a whole number of items, 0 or more, not " + manualFixVolume);
    }
    if (store.db != null && !record) {
      throw new UserError("--db says where --record keeps the run; add --record, or leave --db out");
    }
    var err = spec.commandLine().getErr();
    long t0 = System.nanoTime();
    Catalog catalog = Output.load(paths, err, cfg.excluded(), backstage.read());
    long t1 = System.nanoTime();
    // Opened before linting, so that a wrong --db stops the run before any report is written.
    Store records = record && !catalog.hasFatalProblems() ? store.open(first) : null;
    VerifiedResults verifiedResults = VerifiedResults.none();
    if (verified != null) {
      try {
        verifiedResults = VerifyReportReader.verified(VerifyReportReader.read(Files.readString(verified)));
      } catch (NoSuchFileException e) {
        throw new UserError("cannot read --verified " + verified + " (no such file); give the file verify --output wrote");
      } catch (IOException e) {
        throw new UserError("cannot read --verified " + verified + " (" + e.getMessage() + ")");
      } catch (IllegalArgumentException e) {
        throw new UserError(verified + ": " + e.getMessage() + (e instanceof VerifyReportReader.NotAReport
            && !e.getMessage().startsWith("not a whodecides") ? ", so not a whodecides verify JSON report" : "")
            + "; write one with whodecides verify --format json --output FILE");
      }
    }
    LintResult result = Linter.lint(catalog, new LintOptions(duplicateThreshold, verifiedResults, manualFixVolume,
        cfg.busyUseCases().orElse(LintOptions.DEFAULT_BUSY_USE_CASES), cfg.policy(day)));
    if (writeBaseline != null) {
      Baseline written = Baseline.of(result.findings());
      try {
        BaselineFile.write(written, writeBaseline);
      } catch (IOException e) {
        throw new UserError("cannot write --write-baseline " + writeBaseline + " (" + e.getMessage()
            + "); choose a writable path");
      }
      err.println("whodecides: wrote " + written.entries().size() + " findings to the baseline " + writeBaseline);
      if (accepted == null) {
        accepted = written;
      }
    }
    if (accepted != null) {
      result = result.against(accepted);
    }
    long t2 = System.nanoTime();
    String base = docsBase.endsWith("/") ? docsBase : docsBase + "/";
    Formatter formatter = switch (format) {
      case text -> new TextFormatter(Output.color(output),
          evidence == EvidenceLayout.full ? TextFormatter.Evidence.FULL : TextFormatter.Evidence.SUMMARY, all);
      case json -> new JsonFormatter();
      case sarif -> new SarifFormatter(base, Version.VERSION);
      case markdown -> new MarkdownFormatter(base, all);
    };
    Output.write(formatter, result, output, spec.commandLine().getOut());
    if (debug()) {
      err.printf("timing: load %d ms, rules %d ms, report %d ms; per rule (ms, run in parallel): %s%n",
          (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000,
          new TreeMap<>(result.ruleMillis()));
    }
    if (catalog.hasFatalProblems()) {
      err.println("whodecides: some input could not be read (see the errors above); the report covers the rest"
          + (record ? "; the run is not recorded, as it would break the trend" : ""));
      return Main.USAGE;
    }
    if (records != null) {
      LintResult recorded = result;
      LintRun run = store.write(() -> records.recordLintRun(LintRun.of(recorded, LintRun.CLI, Instant.now())));
      err.println("whodecides: recorded lint run " + run.id() + " in " + StoreOptions.where(records));
    }
    Severity threshold = switch (failOn) {
      case error -> Severity.ERROR;
      case warning -> Severity.WARNING;
      case never -> null;
    };
    return result.failsAt(threshold) ? 1 : 0;
  }
}
