package dev.whodecides.cli;

import dev.whodecides.rules.BuiltInRules;
import dev.whodecides.rules.RuleDescriptor;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code whodecides rules}: every rule with its severity and one line. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "List the rules with severity and one line each.")
final class RulesCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    int width = BuiltInRules.descriptors().stream().mapToInt(d -> d.id().length()).max().orElse(10);
    for (RuleDescriptor d : BuiltInRules.descriptors()) {
      out.printf("%-" + width + "s  %-7s  %s%n", d.id(), d.severity().id(), d.summary());
    }
    out.println();
    out.println("Run 'whodecides explain RULE' for the reasoning and the podcast evidence.");
    out.flush();
    return 0;
  }
}
