package dev.whodecides.cli;

import dev.whodecides.catalog.Catalog;
import dev.whodecides.decisions.Ownership;
import dev.whodecides.decisions.PersonFit;
import dev.whodecides.decisions.Role;
import dev.whodecides.knowledge.Citation;
import dev.whodecides.knowledge.Knowledge;
import dev.whodecides.report.Json;
import java.util.LinkedHashSet;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Catalog files or directories.")
  List<Path> paths;

  @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Catalog catalog = Output.load(paths, err);
    List<PersonFit> people = PersonFit.of(Ownership.of(catalog));
    Knowledge knowledge = Knowledge.builtIn();
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (PersonFit p : people) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("person", p.person().toString());
        m.put("name", p.displayName());
        m.put("title", p.title());
        m.put("titleRole", p.titleRole() == null ? null : p.titleRole().id());
        m.put("decisions", p.decisions().stream().map(h -> {
          Map<String, Object> d = new LinkedHashMap<>();
          d.put("type", h.type().id());
          d.put("scope", h.scope().toString());
          d.put("entitiesCovered", h.entitiesCovered());
          d.put("role", h.role().id());
          d.put("reason", h.reason());
          return d;
        }).toList());
        m.put("fit", p.fit());
        m.put("fitRoles", p.fitRoles().stream().map(r -> r.id()).toList());
        m.put("explanation", p.fitRoles().stream().map(r -> {
          Map<String, Object> e = new LinkedHashMap<>();
          e.put("role", r.id());
          e.put("decisions", p.pointingTo(r).stream().map(h -> h.type().id() + " @ " + h.scope()).toList());
          e.put("evidence", evidence(knowledge, p, r).stream().map(Json::citation).toList());
          return e;
        }).toList());
        rows.add(m);
      }
      out.print(Json.write(Map.of("people", rows)));
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
        for (Citation c : evidence(knowledge, p, r)) {
          out.println("  evidence for " + r.id() + ": " + c.label() + "  " + c.url());
        }
      }
    }
  }

  /**
   * The citations behind the decision types that pointed the person to {@code role}: the claims of
   * each decision type's card, so the evidence is the one for that role's core decisions.
   */
  static List<Citation> evidence(Knowledge knowledge, PersonFit p, Role role) {
    LinkedHashSet<Citation> out = new LinkedHashSet<>();
    for (PersonFit.Held h : p.pointingTo(role)) {
      String cardId = h.role() == h.type().role() ? h.type().id() : dev.whodecides.decisions.DecisionType.of(role).get(0).id();
      knowledge.decisionType(cardId).ifPresent(card -> {
        for (Knowledge.Claim claim : knowledge.claims(card.claims())) {
          out.addAll(knowledge.citations(claim));
        }
      });
    }
    return List.copyOf(out);
  }
}
