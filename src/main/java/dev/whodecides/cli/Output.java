package dev.whodecides.cli;

import java.io.Console;
import dev.whodecides.catalog.Catalog;
import dev.whodecides.catalog.CatalogLoader;
import dev.whodecides.catalog.LiveCatalog;
import dev.whodecides.catalog.LoadProblem;
import dev.whodecides.report.Formatter;
import dev.whodecides.rules.LintResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/** Writing a report to stdout or a file, and load problems to stderr. */
final class Output {

  private Output() {}

  /** A report's body, written to standard output or a file. */
  @FunctionalInterface
  interface Body {
    void writeTo(Writer w) throws IOException;
  }

  static void write(Formatter formatter, LintResult result, Path output, PrintWriter out) {
    write(w -> formatter.write(result, w), output, out);
  }

  static void write(String report, Path output, PrintWriter out) {
    write(w -> w.write(report), output, out);
  }

  /** Writes to {@code out}, or to {@code output} (its directories made) when given; a write that fails is exit 2. */
  static void write(Body body, Path output, PrintWriter out) {
    if (output == null) {
      try {
        body.writeTo(out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      out.flush();
      return;
    }
    try {
      Path parent = output.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
        body.writeTo(w);
      }
    } catch (IOException e) {
      throw new UserError("cannot write " + output + " (" + e.getMessage() + "); choose a writable --output path");
    }
  }

  /** Prints what could not be read: errors first-class, notices marked as such. */
  static void problems(Catalog catalog, PrintWriter err) {
    for (LoadProblem p : catalog.loadProblems()) {
      err.println((p.fatal() ? "error: " : "notice: ") + p);
    }
    err.flush();
  }

  /** True when colours make sense: a terminal, and NO_COLOR not set. */
  static boolean color(Path output) {
    return output == null && terminal() && System.getenv("NO_COLOR") == null
        && !"dumb".equals(System.getenv("TERM"));
  }

  /**
   * True when standard output is a terminal. On Java 17 the console is null when output is redirected;
   * from Java 22 it exists anyway and {@code Console.isTerminal()} (looked up, as 17 lacks it) tells.
   */
  @SuppressWarnings("SystemConsoleNull") // the null check is the Java 17 answer; isTerminal() the newer one
  static boolean terminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }

  static Catalog load(List<Path> paths, PrintWriter err) {
    return load(paths, err, p -> false, null);
  }

  /** Loads the catalog, leaving out the files a directory walk finds that {@code excluded} accepts. */
  static Catalog load(List<Path> paths, PrintWriter err, Predicate<Path> excluded) {
    return load(paths, err, excluded, null);
  }

  /**
   * Loads the catalog, leaving out the files a directory walk finds that {@code excluded} accepts,
   * and adds the entities of {@code live} (null without --backstage) that no file defines.
   */
  static Catalog load(List<Path> paths, PrintWriter err, Predicate<Path> excluded, LiveCatalog live) {
    Catalog catalog = CatalogLoader.load(paths, excluded, live);
    loaded(catalog, paths, err);
    return catalog;
  }

  /**
   * Prints the problems of a catalog loaded from {@code paths}; refuses paths none of which exist
   * (no paths at all is fine: the catalog then comes from --backstage alone).
   */
  static void loaded(Catalog catalog, List<Path> paths, PrintWriter err) {
    problems(catalog, err);
    boolean anyRoot = paths.isEmpty() || paths.stream().anyMatch(Files::exists);
    if (!anyRoot) {
      throw new UserError("none of the paths exist: " + paths + "; pass catalog files or directories");
    }
  }
}
