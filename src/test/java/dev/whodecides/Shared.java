package dev.whodecides;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shared inputs (real Backstage and ODCS files, the podcast archive) lie for tests. */
public final class Shared {

  private Shared() {}

  public static Path dir() {
    String configured = System.getProperty("whodecides.shared");
    Path p = configured != null ? Path.of(configured) : Path.of("..", "shared");
    if (!Files.isDirectory(p)) {
      throw new IllegalStateException("shared inputs not found at " + p.toAbsolutePath()
          + "; tests need the shared/ folder beside the repository");
    }
    return p.normalize();
  }

  public static Path path(String relative) {
    return dir().resolve(relative);
  }
}
