package dev.whodecides.cli;

import dev.whodecides.knowledge.Citation;
import dev.whodecides.knowledge.Knowledge;
import dev.whodecides.report.ExplainJson;
import dev.whodecides.report.Json;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code whodecides explain}: the card of a rule, role or decision type, with its citations. */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = "Explain a rule, a role or a decision type, with the podcast evidence behind it.")
final class ExplainCommand implements Callable<Integer> {

  enum Format { text, json }

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ID", description = "A rule id (no-ship-authority), role id (product-owner) or decision type (release).")
  String id;

  @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() {
    ExplainJson.CardJson card = ExplainJson.card(id, Knowledge.builtIn())
        .orElseThrow(() -> new UserError(ExplainJson.unknown(id)));
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      out.print(Json.write(card));
    } else if (card instanceof ExplainJson.RuleJson r) {
      out.println("rule " + r.id() + " (" + r.severity() + ")");
      out.println();
      out.println(wrap(r.summary()));
      if (r.why() != null) {
        out.println();
        out.println(wrap(r.why()));
        claims(out, r.evidence());
      }
      out.println();
      out.println("Recommends: " + (r.recommends() == null ? "depends on the decision involved" : r.recommends()));
      out.println("Docs:       " + r.docs());
    } else if (card instanceof ExplainJson.RoleJson r) {
      out.println("role " + r.id() + ": " + r.name());
      out.println();
      out.println(wrap(r.summary()));
      out.println();
      out.println("Decides:        " + String.join(", ", r.decides()));
      out.println(wrap("What it decides: " + r.whatItDecides()));
      out.println(wrap("Without it: " + r.withoutIt()));
      out.println(wrap("How to tell it is missing: " + r.signal()));
      claims(out, r.evidence());
    } else if (card instanceof ExplainJson.DecisionTypeJson t) {
      out.println("decision type " + t.id() + ": " + t.name());
      out.println();
      out.println(wrap(t.question()));
      out.println();
      out.println("Usually owned by: " + t.usuallyOwnedBy());
      claims(out, t.evidence());
    }
    out.flush();
    return 0;
  }

  private static void claims(PrintWriter out, List<ExplainJson.ClaimJson> claims) {
    out.println();
    out.println("Evidence:");
    for (ExplainJson.ClaimJson c : claims) {
      out.println(indent(wrap("- " + c.text()), "  "));
      for (Json.CitationJson cite : c.citations()) {
        Citation cited = new Citation(cite.source(), cite.guest(), cite.episode(), cite.from(), cite.to(), cite.url());
        out.println("      " + cited.label());
        out.println("      " + cite.url());
      }
    }
  }

  static String wrap(String text) {
    StringBuilder b = new StringBuilder();
    int col = 0;
    for (String word : text.strip().split("\\s+")) {
      if (col > 0 && col + word.length() + 1 > 88) {
        b.append('\n');
        col = 0;
      } else if (col > 0) {
        b.append(' ');
        col++;
      }
      b.append(word);
      col += word.length();
    }
    return b.toString();
  }

  private static String indent(String text, String prefix) {
    return prefix + text.replace("\n", "\n" + prefix + "  ");
  }
}
