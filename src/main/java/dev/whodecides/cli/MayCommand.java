package dev.whodecides.cli;

import dev.whodecides.decisions.Authority;
import dev.whodecides.report.AuthorityJson;
import dev.whodecides.report.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code whodecides may}: whether one person holds one decision on one entity. */
@Command(name = "may", mixinStandardHelpOptions = true,
    description = "Whether a person may make a decision on an entity: exit 0 when they hold it, 1 when someone else"
        + " or nobody does (the reason says which), 2 for bad input or an unknown entity.")
final class MayCommand implements Callable<Integer> {

  enum Format { text, json }

  @Spec CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "PATH", description = "Catalog files or directories; optional with --backstage.")
  List<Path> paths;

  @Mixin BackstageOptions backstage;

  @Option(names = "--user", required = true, paramLabel = "REF", description = "The person, e.g. user:lena.vogel.")
  String user;

  @Option(names = "--decision", required = true, paramLabel = "TYPE", description = "The decision type, e.g. release.")
  String decision;

  @Option(names = "--scope", required = true, paramLabel = "REF",
      description = "The entity: a Component, API, Resource, System, Domain or Group.")
  String scope;

  @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() {
    Authority authority = AuthorityCli.load(paths, spec.commandLine().getErr(), backstage);
    Authority.Verdict verdict;
    try {
      verdict = authority.may(authority.user(user), Authority.decisionType(decision), authority.scope(scope));
    } catch (Authority.BadQuery e) {
      throw new UserError(e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      out.print(Json.write(AuthorityJson.may(verdict)));
    } else {
      out.println((verdict.allowed() ? "allowed: " : "not allowed: ") + verdict.reason());
    }
    out.flush();
    return verdict.allowed() ? 0 : 1;
  }
}
