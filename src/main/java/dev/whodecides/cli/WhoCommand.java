package dev.whodecides.cli;

import dev.whodecides.decisions.Authority;
import dev.whodecides.report.AuthorityJson;
import dev.whodecides.report.Json;
import dev.whodecides.vocabulary.EntityRef;
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

/** {@code whodecides who}: who holds each decision on one entity, and where that comes from. */
@Command(name = "who", mixinStandardHelpOptions = true,
    description = "Who holds each decision (or one) on an entity: the effective owner, where it is inherited from,"
        + " and whether it is explicitly unowned or claimed twice. Exit 2 for bad input or an unknown entity.")
final class WhoCommand implements Callable<Integer> {

  enum Format { text, json }

  @Spec CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "PATH", description = "Catalog files or directories; optional with --backstage.")
  List<Path> paths;

  @Mixin BackstageOptions backstage;

  @Option(names = "--scope", required = true, paramLabel = "REF",
      description = "The entity: a Component, API, Resource, System, Domain or Group.")
  String scope;

  @Option(names = "--decision", paramLabel = "TYPE", description = "Only this decision type, e.g. release.")
  String decision;

  @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() {
    Authority authority = AuthorityCli.load(paths, spec.commandLine().getErr(), backstage);
    AuthorityJson.WhoJson who;
    try {
      EntityRef ref = authority.scope(scope);
      who = AuthorityJson.who(ref, authority.holdings(ref, decision));
    } catch (Authority.BadQuery e) {
      throw new UserError(e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      out.print(Json.write(who));
    } else {
      out.println(who.scope());
      int w = who.decisions().stream().mapToInt(d -> d.decision().length()).max().orElse(0);
      for (AuthorityJson.HoldingJson h : who.decisions()) {
        String owner = h.owner() == null ? "nobody" : h.owner();
        String how = h.inheritedFrom() == null ? "no Decision covers it"
            : (h.explicitlyUnowned() ? "declared unowned " : "")
            + (h.inheritedFrom().equals(who.scope()) ? "on it directly" : "inherited from " + h.inheritedFrom());
        out.printf("  %-" + w + "s  %s  (%s)%s%n", h.decision(), owner, how,
            h.conflicting().isEmpty() ? "" : "  CONFLICT: also claimed for " + String.join(", ", h.conflicting()));
      }
    }
    out.flush();
    return 0;
  }
}
