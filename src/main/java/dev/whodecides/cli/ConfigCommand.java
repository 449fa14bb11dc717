package dev.whodecides.cli;

import dev.whodecides.config.ConfigSchema;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code whodecides config}: about the {@code .whodecides.yaml} configuration. */
@Command(name = "config", mixinStandardHelpOptions = true,
    description = "About the .whodecides.yaml configuration (see docs/config.md).",
    subcommands = {ConfigCommand.Schema.class})
final class ConfigCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a subcommand, e.g. whodecides config schema");
  }

  /** {@code whodecides config schema}: prints the JSON Schema editors use to check the file. */
  @Command(name = "schema", mixinStandardHelpOptions = true,
      description = "Print the JSON Schema of .whodecides.yaml, for editors (e.g. a yaml-language-server $schema comment).")
  static final class Schema implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      spec.commandLine().getOut().print(ConfigSchema.text());
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
