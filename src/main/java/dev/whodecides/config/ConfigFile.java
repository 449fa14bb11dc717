package dev.whodecides.config;

import dev.whodecides.catalog.CatalogLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the configuration is: {@code .whodecides.yaml} in the current directory, else in the
 * directory of the first path linted or one above it, up to the repository root (the directory
 * holding {@code .git}; the file system's root outside a repository).
 */
public final class ConfigFile {

  private ConfigFile() {}

  public static Optional<Path> find(Path cwd, Path firstPath) {
    Optional<Path> here = in(cwd);
    if (here.isPresent() || firstPath == null) {
      return here;
    }
    Path dir = firstPath.toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      dir = dir.getParent();
    }
    for (; dir != null; dir = dir.getParent()) {
      Optional<Path> found = in(dir);
      if (found.isPresent()) {
        return found;
      }
      if (Files.exists(dir.resolve(".git"))) {
        break;
      }
    }
    return Optional.empty();
  }

  private static Optional<Path> in(Path dir) {
    return CatalogLoader.CONFIG_NAMES.stream().map(dir::resolve).filter(Files::isRegularFile).findFirst();
  }
}
