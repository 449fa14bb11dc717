package dev.whodecides.cli;

import dev.whodecides.catalog.Catalog;
import dev.whodecides.config.Config;
import dev.whodecides.decisions.Ownership;
import dev.whodecides.init.DraftYaml;
import dev.whodecides.init.Planner;
import dev.whodecides.init.TeamDrafts;
import dev.whodecides.rules.StaleDecision;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code whodecides init}: one file of drafted Decisions per team, owners left for the team to name. */
@Command(name = "init", mixinStandardHelpOptions = true,
    description = "Write one YAML file per team with a Decision for each decision its products need and nobody has"
        + " written down yet, owners left empty with the candidates named in a comment.",
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:the files were written (or nothing needed drafting)",
      "2:bad usage, unreadable input, or a file that exists without --force"})
final class InitCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "PATH",
      description = "Catalog files or directories (searched for *.yaml, *.yml); optional with --backstage.")
  List<Path> paths;

  @Mixin BackstageOptions backstage;

  @Option(names = "--out", paramLabel = "DIR", required = true,
      description = "Where to write the files, one per team (<team>.yaml); lint PATH DIR afterwards.")
  Path out;

  @Option(names = "--force", description = "Overwrite files of the same name in DIR.")
  boolean force;

  @Option(names = "--config", paramLabel = "FILE",
      description = "The configuration to use instead of the .whodecides.yaml found as lint finds it (its exclude applies).")
  Path config;

  @Option(names = "--today", paramLabel = "DATE",
      description = "The day the Decisions are drafted, YYYY-MM-DD (default: today); each one's reviewBy is six months"
          + " later, when lint's stale-decision asks for the owner to be confirmed again.")
  String today;

  @Override
  public Integer call() {
    LocalDate reviewBy = Today.of(today).plusMonths(StaleDecision.REVIEW_MONTHS);
    paths = paths == null ? List.of() : paths;
    backstage.check(paths);
    Config cfg = Configs.load(config, paths.isEmpty() ? null : paths.get(0));
    PrintWriter err = spec.commandLine().getErr();
    Catalog catalog = Output.load(paths, err, cfg.excluded(), backstage.read());
    if (catalog.hasFatalProblems()) {
      throw new UserError("some input could not be read (see the errors above); fix it before drafting Decisions,"
          + " so that no team is missed");
    }
    List<TeamDrafts> teams = Planner.plan(Ownership.of(catalog));
    PrintWriter o = spec.commandLine().getOut();
    if (teams.isEmpty()) {
      o.println("Every product that needs an owner already has a Decision covering it; nothing to draft.");
      o.flush();
      return 0;
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new UserError("--out " + out + " is a file; give a directory to write one file per team into");
    }
    // Checked for every file before any is written: a refusal leaves DIR exactly as it was.
    List<Path> existing = new ArrayList<>();
    for (TeamDrafts t : teams) {
      Path f = out.resolve(t.fileName());
      if (Files.exists(f)) {
        existing.add(f);
      }
    }
    if (!existing.isEmpty() && !force) {
      throw new UserError(existing.get(0) + (existing.size() > 1 ? " and " + (existing.size() - 1) + " more files" : "")
          + " already exist" + (existing.size() > 1 ? "" : "s") + "; nothing was written. Pass --force to overwrite,"
          + " or choose another --out directory");
    }
    int decisions = 0;
    try {
      Files.createDirectories(out);
      for (TeamDrafts t : teams) {
        Files.writeString(out.resolve(t.fileName()), DraftYaml.of(t, reviewBy));
        decisions += t.drafts().size();
        o.println("wrote " + out.resolve(t.fileName()) + ": " + t.drafts().size()
            + (t.drafts().size() == 1 ? " Decision" : " Decisions") + " for " + t.team());
      }
    } catch (IOException e) {
      throw new UserError("cannot write to --out " + out + " (" + e.getMessage() + "); choose a writable directory");
    }
    List<String> lintArgs = new ArrayList<>();
    if (backstage.given()) {
      lintArgs.add("--backstage " + backstage.url);
    }
    paths.forEach(p -> lintArgs.add(p.toString()));
    lintArgs.add(out.toString());
    o.println(decisions + " Decisions for " + teams.size() + (teams.size() == 1 ? " team" : " teams")
        + ", none with an owner yet (review by " + reviewBy + "). Name the owners, then run: whodecides lint "
        + String.join(" ", lintArgs));
    o.flush();
    return 0;
  }
}
