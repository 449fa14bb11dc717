package dev.whodecides.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code whodecides} command line: lint, roles, explain, rules, generate. */
@Command(
    name = "whodecides",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Makes decision rights in data and ML product organizations visible and checkable.")
public final class Main implements Runnable {

  /** The commands, in the order help lists them. */
  static final List<Class<?>> COMMANDS = List.of(
      LintCommand.class,
      DiffCommand.class,
      VerifyCommand.class,
      RolesCommand.class,
      WhoCommand.class,
      MayCommand.class,
      AssessCommand.class,
      InitCommand.class,
      ExplainCommand.class,
      RulesCommand.class,
      GenerateCommand.class,
      EvidenceCommand.class,
      KbCommand.class,
      PagesCommand.class,
      ReleaseCommand.class,
      TokenCommand.class,
      ServeCommand.class,
      McpCommand.class,
      ConfigCommand.class,
      CommandLine.HelpCommand.class);

  /** Exit status for bad usage or unreadable input; a contract. */
  public static final int USAGE = 2;
  /** Exit status for a bug in whodecides itself. */
  public static final int INTERNAL = 3;

  @Option(names = "--debug", description = "Show stack traces of internal errors.", scope = CommandLine.ScopeType.INHERIT)
  boolean debug;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. whodecides lint PATH");
  }

  public static void main(String[] args) {
    // The platform's charset, as the terminal's locale sets it, named rather than implied.
    Charset console = Charset.defaultCharset();
    System.exit(run(args, new PrintWriter(new OutputStreamWriter(System.out, console), true),
        new PrintWriter(new OutputStreamWriter(System.err, console), true)));
  }

  /** Runs the command line with the given streams and returns the exit status. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, CommandLine.defaultFactory());
  }

  /** As {@link #run(String[], PrintWriter, PrintWriter)}, with the commands made by {@code factory} (tests). */
  static int run(String[] args, PrintWriter out, PrintWriter err, CommandLine.IFactory factory) {
    // Building a command's model reads its classes by reflection; a run that names one command
    // (all but help and errors) builds only that one, which keeps start-up short.
    String named = null;
    for (String a : args) {
      if (!a.startsWith("-")) {
        named = a;
        break;
      }
    }
    CommandLine cli = new CommandLine(new Main(), factory);
    boolean one = false;
    for (Class<?> c : COMMANDS) {
      String name = c.getAnnotation(Command.class).name();
      one |= name.equals(named) && !name.equals("help");
    }
    for (Class<?> c : COMMANDS) {
      if (!one || c.getAnnotation(Command.class).name().equals(named)) {
        cli.addSubcommand(c);
      }
    }
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExitCodeExceptionMapper(e -> e instanceof UserError ? USAGE : INTERNAL);
    cli.setParameterExceptionHandler((ex, a) -> {
      err.println("whodecides: " + ex.getMessage());
      CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
      err.println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
      return USAGE;
    });
    cli.setExecutionExceptionHandler((ex, c, parsed) -> {
      if (ex instanceof UserError) {
        err.println("whodecides: " + ex.getMessage());
        return USAGE;
      }
      boolean debug = parsed.hasMatchedOption("--debug")
          || parsed.subcommands().stream().anyMatch(s -> s.hasMatchedOption("--debug"));
      if (debug) {
        ex.printStackTrace(err);
      } else {
        err.println("whodecides: internal error (" + ex + "); this is a bug in whodecides, run again with --debug"
            + " and report the stack trace");
      }
      return INTERNAL;
    });
    try {
      return cli.execute(args);
    } catch (StackOverflowError | OutOfMemoryError e) {
      err.println("whodecides: out of " + (e instanceof OutOfMemoryError ? "memory" : "stack")
          + " while running; give Java more with WHODECIDES_JAVA_OPTS=-Xmx4g, or report the input that caused it");
      err.flush();
      return INTERNAL;
    }
  }
}
