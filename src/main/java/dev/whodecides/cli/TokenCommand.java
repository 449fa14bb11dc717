package dev.whodecides.cli;

import dev.whodecides.store.Store;
import dev.whodecides.vocabulary.EntityRef;
import dev.whodecides.vocabulary.Kind;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code whodecides token}: API tokens for writing to the service. */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Manage API tokens for the service.",
    subcommands = {TokenCommand.Create.class})
final class TokenCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: create");
  }

  /** {@code whodecides token create}. */
  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Create a token for a person; it is printed once, alone on the last line, and only its hash is kept.")
  static final class Create implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin StoreOptions store;

    @Option(names = "--user", required = true, paramLabel = "USER", description = "The person, e.g. user:tomas.reyes.")
    String user;

    @Option(names = "--catalog", paramLabel = "PATH", defaultValue = ".",
        description = "The catalog the default database sits beside (default: the current folder).")
    Path catalog;

    @Override
    public Integer call() {
      EntityRef ref;
      try {
        ref = EntityRef.parse(user, Kind.USER.id());
      } catch (IllegalArgumentException e) {
        throw new UserError("--user " + e.getMessage());
      }
      if (!ref.is(Kind.USER)) {
        throw new UserError("--user names " + ref + "; a token belongs to a person (user:NAME)");
      }
      Store s = store.open(catalog);
      String token = s.createToken(ref);
      var out = spec.commandLine().getOut();
      out.println("Token for " + ref + ". It is shown only now; send it as 'Authorization: Bearer <token>':");
      out.println(token);
      out.flush();
      return 0;
    }
  }
}
