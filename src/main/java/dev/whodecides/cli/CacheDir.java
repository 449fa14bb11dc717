package dev.whodecides.cli;

import java.nio.file.Path;

/** Where whodecides keeps what it can rebuild: $WHODECIDES_CACHE, else $XDG_CACHE_HOME/whodecides, else ~/.cache/whodecides. */
final class CacheDir {

  private CacheDir() {}

  /** {@code explicit} when given (a --cache option), else the default above. */
  static Path root(Path explicit) {
    if (explicit != null) {
      return explicit;
    }
    String env = System.getenv("WHODECIDES_CACHE");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "whodecides");
    }
    return Path.of(System.getProperty("user.home"), ".cache", "whodecides");
  }
}
