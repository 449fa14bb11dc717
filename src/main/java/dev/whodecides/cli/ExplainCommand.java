package dev.whodecides.cli;

import dev.whodecides.knowledge.Citation;
import dev.whodecides.knowledge.Knowledge;
import dev.whodecides.rules.BuiltInRules;
import dev.whodecides.rules.RuleDescriptor;
import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.Role;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code whodecides explain}: the card of a rule, role or decision type, with its citations. */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = "Explain a rule, a role or a decision type, with the podcast evidence behind it.")
final class ExplainCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ID", description = "A rule id (no-ship-authority), role id (product-owner) or decision type (release).")
  String id;

  @Override
  public Integer call() {
    Knowledge k = Knowledge.builtIn();
    PrintWriter out = spec.commandLine().getOut();
    String key = id.trim().toLowerCase(Locale.ROOT);
    var rule = BuiltInRules.byId(key);
    if (rule.isPresent()) {
      RuleDescriptor d = rule.get().descriptor();
      out.println("rule " + d.id() + " (" + d.severity().id() + ")");
      out.println();
      out.println(wrap(d.summary()));
      k.rule(d.id()).ifPresent(card -> {
        out.println();
        out.println(wrap(card.why()));
        claims(out, k, card.claims());
      });
      out.println();
      out.println("Recommends: " + (d.role() == null ? "depends on the decision involved" : d.role()));
      out.println("Docs:       " + d.docsPath());
    } else if (Role.byId(key).isPresent()) {
      Role role = Role.byId(key).get();
      Knowledge.RoleCard card = k.role(role.id()).orElseThrow();
      out.println("role " + role.id() + ": " + card.name());
      out.println();
      out.println(wrap(card.summary()));
      out.println();
      out.println("Decides:        " + String.join(", ", DecisionType.of(role).stream().map(DecisionType::id).toList()));
      out.println(wrap("What it decides: " + card.decides()));
      out.println(wrap("Without it: " + card.withoutIt()));
      out.println(wrap("How to tell it is missing: " + card.signal()));
      claims(out, k, card.claims());
    } else if (DecisionType.byId(key).isPresent()) {
      DecisionType type = DecisionType.byId(key).get();
      Knowledge.DecisionCard card = k.decisionType(type.id()).orElseThrow();
      out.println("decision type " + type.id() + ": " + card.name());
      out.println();
      out.println(wrap(card.question()));
      out.println();
      out.println("Usually owned by: " + type.role().id());
      claims(out, k, card.claims());
    } else {
      TreeSet<String> known = new TreeSet<>();
      BuiltInRules.descriptors().forEach(d -> known.add(d.id()));
      for (Role r : Role.values()) {
        known.add(r.id());
      }
      for (DecisionType t : DecisionType.values()) {
        known.add(t.id());
      }
      throw new UserError("'" + id + "' is not a rule, role or decision type; try one of " + String.join(", ", known));
    }
    out.flush();
    return 0;
  }

  private static void claims(PrintWriter out, Knowledge k, List<String> ids) {
    out.println();
    out.println("Evidence:");
    for (Knowledge.Claim c : k.claims(ids)) {
      out.println(indent(wrap("- " + c.text().strip()), "  "));
      for (Citation cite : k.citations(c)) {
        out.println("      " + cite.label());
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
