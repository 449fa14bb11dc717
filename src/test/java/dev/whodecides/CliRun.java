package dev.whodecides;

import dev.whodecides.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process and keeps what it printed, for tests. */
public final class CliRun {

  private CliRun() {}

  /** The exit status and both streams of one run. */
  public record Run(int status, String out, String err) {}

  public static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(status, out.toString(), err.toString());
  }
}
