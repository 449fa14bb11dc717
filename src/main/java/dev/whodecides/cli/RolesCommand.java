package dev.whodecides.cli;

import dev.whodecides.catalog.Catalog;
import dev.whodecides.decisions.Ownership;
import dev.whodecides.decisions.PersonFit;
import dev.whodecides.knowledge.Citation;
import dev.whodecides.knowledge.Knowledge;
import dev.whodecides.report.Json;
import dev.whodecides.report.PeopleJson;
import dev.whodecides.vocabulary.Role;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code whodecides roles}: per person, their title, what they decide, and the role that fits. */
@Command(name = "roles", mixinStandardHelpOptions = true,
    description = "Per person: title, the decisions they effectively own, and the role those decisions fit.")
final class RolesCommand implements Callable<Integer> {

  enum Format { text, json }

  @Spec CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "PATH", description = "Catalog files or directories; optional with --backstage.")
  List<Path> paths;

  @Mixin BackstageOptions backstage;

  @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    paths = paths == null ? List.of() : paths;
    backstage.check(paths);
    Catalog catalog = Output.load(paths, err, p -> false, backstage.read());
    List<PersonFit> people = PersonFit.of(Ownership.of(catalog));
    Knowledge knowledge = Knowledge.builtIn();
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      out.print(Json.write(Map.of("people", PeopleJson.people(people, knowledge))));
    } else {
      String[] head = {"PERSON", "TITLE", "DECIDES", "FITS"};
      List<String[]> rows = new ArrayList<>();
      for (PersonFit p : people) {
        String decides = p.decisions().isEmpty() ? "-" : String.join(", ", p.decisions().stream()
            .map(h -> h.type().id() + " @ " + h.scope()).toList());
        rows.add(new String[] {p.person().toString(), p.title() == null ? "-" : p.title(), decides, p.fit()});
      }
      int[] w = new int[head.length];
      for (int i = 0; i < head.length; i++) {
        w[i] = head[i].length();
        for (String[] r : rows) {
          w[i] = Math.max(w[i], Math.min(r[i].length(), i == 2 ? 90 : 40));
        }
      }
      String fmt = "%-" + w[0] + "s  %-" + w[1] + "s  %-" + w[2] + "s  %s%n";
      out.printf(fmt, (Object[]) head);
      for (String[] r : rows) {
        out.printf(fmt, (Object[]) r);
      }
      explain(out, people, knowledge);
    }
    out.flush();
    return catalog.hasFatalProblems() ? Main.USAGE : 0;
  }

  /** Why each person fits where they do: every decision with the role it points to, then the evidence per role. */
  private static void explain(PrintWriter out, List<PersonFit> people, Knowledge knowledge) {
    boolean first = true;
    for (PersonFit p : people) {
      if (p.decisions().isEmpty()) {
        continue;
      }
      if (first) {
        out.println();
        out.println("WHY");
        first = false;
      }
      out.println();
      out.println(p.person() + (p.title() == null ? "" : " (" + p.title() + ")") + " fits " + p.fit());
      for (PersonFit.Held h : p.decisions()) {
        out.println("  " + h.type().id() + " @ " + h.scope() + " -> " + h.role().id() + ": " + h.reason());
      }
      for (Role r : p.fitRoles()) {
        for (Citation c : PeopleJson.evidence(knowledge, p, r)) {
          out.println("  evidence for " + r.id() + ": " + c.label() + "  " + c.url());
        }
      }
    }
  }
}
