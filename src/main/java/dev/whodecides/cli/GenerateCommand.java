package dev.whodecides.cli;

import dev.whodecides.generate.OrgGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code whodecides generate}: a synthetic organization for benchmarks. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Write a synthetic organization of about N entities for benchmarks, with gaps planted for the rules"
        + " to find.")
final class GenerateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--entities", required = true, paramLabel = "N", description = "About how many entities to write.")
  int entities;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write into.")
  Path out;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() {
    if (entities < 1) {
      throw new UserError("--entities must be at least 1, not " + entities);
    }
    try {
      long n = OrgGenerator.generate(entities, out, seed);
      spec.commandLine().getOut().println("wrote " + n + " entities to " + out);
      return 0;
    } catch (IOException e) {
      throw new UserError("cannot write to " + out + " (" + e.getMessage() + ")");
    }
  }
}
