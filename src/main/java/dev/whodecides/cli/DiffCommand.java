package dev.whodecides.cli;

import dev.whodecides.catalog.Catalog;
import dev.whodecides.config.Config;
import dev.whodecides.diff.Change;
import dev.whodecides.diff.DecisionDiff;
import dev.whodecides.diff.DiffResult;
import dev.whodecides.diff.Side;
import dev.whodecides.report.DiffFormatter;
import dev.whodecides.report.DiffJsonFormatter;
import dev.whodecides.report.DiffMarkdownFormatter;
import dev.whodecides.report.DiffTextFormatter;
import dev.whodecides.rules.LintOptions;
import dev.whodecides.rules.LintResult;
import dev.whodecides.rules.Linter;
import dev.whodecides.rules.Policy;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code whodecides diff}: what a change does to decision rights, for a pull request. */
@Command(name = "diff", mixinStandardHelpOptions = true,
    description = "Compare two versions of a catalog: decisions that lose or gain an owner or change hands, and"
        + " findings that are new or fixed. Each side is a directory or git:REV (the other side's paths at that"
        + " revision, read without a checkout).",
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:no change at or above --fail-on",
      "1:a change at or above --fail-on (by default: a decision of a product lost its owner)",
      "2:bad usage or unreadable input"})
final class DiffCommand implements Callable<Integer> {

  enum Format { text, json, markdown }

  enum FailOn {
    gap_opened("gap-opened"), finding_new("finding-new"), never("never");

    final String id;

    FailOn(String id) {
      this.id = id;
    }

    @Override
    public String toString() {
      return id;
    }
  }

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "BASE", description = "The version before the change: a directory, or git:REV.")
  String baseArg;

  @Parameters(index = "1", paramLabel = "HEAD", description = "The version after the change: a directory, or git:REV.")
  String headArg;

  @Option(names = "--format", defaultValue = "text", description = "text, json or markdown (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--fail-on", defaultValue = "gap-opened", paramLabel = "CHANGE",
      converter = FailOnConverter.class,
      description = "Exit 1 when a change at or above this exists: gap-opened, finding-new (new findings and opened"
          + " gaps) or never (default: ${DEFAULT-VALUE}).")
  FailOn failOn;

  @Option(names = "--output", paramLabel = "FILE", description = "Write the report here instead of standard output.")
  Path output;

  @Option(names = "--config", paramLabel = "FILE",
      description = "The configuration to use instead of the .whodecides.yaml found as lint finds it; it applies to both sides.")
  Path config;

  @Option(names = "--docs-base", paramLabel = "URL", defaultValue = LintCommand.DOCS_BASE,
      description = "Base URL of the rule pages, for Markdown links.")
  String docsBase;

  static final class FailOnConverter implements picocli.CommandLine.ITypeConverter<FailOn> {
    @Override
    public FailOn convert(String value) {
      for (FailOn f : FailOn.values()) {
        if (f.id.equalsIgnoreCase(value)) {
          return f;
        }
      }
      throw new picocli.CommandLine.TypeConversionException(
          "'" + value + "' is not a change to fail on; use gap-opened, finding-new or never");
    }
  }

  @Override
  public Integer call() {
    boolean baseGit = baseArg.startsWith("git:");
    boolean headGit = headArg.startsWith("git:");
    Path dirForGit = !headGit ? Path.of(headArg) : !baseGit ? Path.of(baseArg) : Path.of(".");
    for (String arg : List.of(baseArg, headArg)) {
      if (arg.startsWith("git:") && arg.length() == 4) {
        throw new UserError("'" + arg + "' names no revision; write git:REV, e.g. git:origin/main");
      }
      if (!arg.startsWith("git:") && !Files.exists(Path.of(arg))) {
        throw new UserError(arg + " does not exist; give a catalog directory, or git:REV for a revision of it");
      }
    }
    Config cfg = Configs.load(config, dirForGit);
    Policy policy = cfg.policy(LocalDate.now(ZoneId.systemDefault()));
    PrintWriter err = spec.commandLine().getErr();
    Side base = side(baseArg, dirForGit, cfg, policy, err);
    Side head = side(headArg, dirForGit, cfg, policy, err);
    DiffResult diff = DecisionDiff.compare(base, head);
    String base0 = docsBase.endsWith("/") ? docsBase : docsBase + "/";
    DiffFormatter formatter = switch (format) {
      case text -> new DiffTextFormatter();
      case json -> new DiffJsonFormatter();
      case markdown -> new DiffMarkdownFormatter(base0);
    };
    Output.write(formatter.format(diff), output, spec.commandLine().getOut());
    return diff.failsAt(failOn == FailOn.never ? null : failOn == FailOn.gap_opened ? Change.GAP_OPENED
        : Change.FINDING_NEW) ? 1 : 0;
  }

  private Side side(String arg, Path dirForGit, Config cfg, Policy policy, PrintWriter err) {
    Catalog catalog;
    UnaryOperator<String> files = UnaryOperator.identity();
    if (arg.startsWith("git:")) {
      try (GitSide git = GitSide.read(arg.substring(4), List.of(dirForGit), cfg.excluded())) {
        catalog = Output.load(git.roots(List.of(dirForGit)), err, p -> false);
        files = git::shown;
      }
    } else {
      catalog = Output.load(List.of(Path.of(arg)), err, cfg.excluded());
    }
    if (catalog.hasFatalProblems()) {
      throw new UserError(arg + ": some input could not be read (see the errors above); a diff of half a catalog"
          + " would report gaps that are not there");
    }
    LintResult lint = Linter.lint(catalog, new LintOptions(
        cfg.duplicateThreshold().orElse(LintOptions.DEFAULT_DUPLICATE_THRESHOLD), null,
        cfg.manualFixVolume().orElse(LintOptions.DEFAULT_MANUAL_FIX_VOLUME),
        cfg.busyUseCases().orElse(LintOptions.DEFAULT_BUSY_USE_CASES), policy));
    return new Side(arg, lint, policy, files);
  }
}
