package dev.whodecides.cli;

import dev.whodecides.pages.Format;
import dev.whodecides.pages.Pages;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code whodecides pages}: the knowledge file as a static site to read and check. */
@Command(name = "pages", mixinStandardHelpOptions = true,
    description = "Write the roles, decision types and rules as a static site, every statement linked to its podcast minute.")
final class PagesCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write the site into (created if missing).")
  Path out;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "html",
      description = "html (default) or markdown.")
  Format format;

  @Override
  public Integer call() {
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new UserError(out + " is a file; pass a directory to --out");
    }
    List<Path> written;
    try {
      written = Pages.write(out, format);
    } catch (IOException e) {
      String reason = e instanceof NoSuchFileException ? "cannot create that directory"
          : e instanceof AccessDeniedException ? "permission denied"
          : e instanceof FileSystemException f && f.getReason() != null ? f.getReason()
          : e.getMessage();
      throw new UserError("cannot write the site into " + out + " (" + reason + "); choose a writable --out directory");
    }
    var o = spec.commandLine().getOut();
    o.println("Wrote " + written.size() + " " + format.id() + " pages to " + out + "; start at "
        + out.resolve("index" + format.extension()));
    o.flush();
    return 0;
  }
}
