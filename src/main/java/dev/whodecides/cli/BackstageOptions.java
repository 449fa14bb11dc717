package dev.whodecides.cli;

import dev.whodecides.backstage.BackstageSource;
import dev.whodecides.catalog.LiveCatalog;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --backstage URL}: read the organization from a running Backstage's catalog beside the
 * local files. Any command that loads a catalog can take it as a mixin.
 */
final class BackstageOptions {

  @Option(names = "--backstage", paramLabel = "URL",
      description = "Also read every entity of this running Backstage (its backend's base URL, e.g."
          + " http://localhost:7007) through its catalog API; the token comes from " + BackstageSource.TOKEN_VARIABLE
          + ". Local files win where both define an entity.")
  String url;

  boolean given() {
    return url != null;
  }

  /** Refuses a command line with neither paths nor --backstage, and a malformed URL. */
  void check(List<Path> paths) {
    if (url == null && (paths == null || paths.isEmpty())) {
      throw new UserError("give catalog files or directories, or --backstage URL");
    }
    if (url != null) {
      String problem = BackstageSource.check(url);
      if (problem != null) {
        throw new UserError(problem);
      }
    }
  }

  /** The source to read, or null without --backstage. */
  BackstageSource source() {
    return url == null ? null : BackstageSource.fromEnvironment(url);
  }

  /** Every entity of the Backstage, or why none could be read; null without --backstage. */
  LiveCatalog read() {
    BackstageSource s = source();
    return s == null ? null : s.read();
  }
}
