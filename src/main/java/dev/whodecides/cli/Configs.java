package dev.whodecides.cli;

import dev.whodecides.config.Config;
import dev.whodecides.config.ConfigError;
import dev.whodecides.config.ConfigFile;
import dev.whodecides.config.ConfigReader;
import dev.whodecides.report.BaselineFile;
import dev.whodecides.rules.Baseline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finding and reading the configuration for a command; a broken one stops the command with exit 2. */
final class Configs {

  private Configs() {}

  /** Reads a baseline file; a missing or broken one stops the command with exit 2. */
  static Baseline baseline(Path file) {
    try {
      return BaselineFile.read(file);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    } catch (IOException e) {
      throw new UserError("cannot read --baseline " + file + " (" + e.getMessage()
          + "); write one with whodecides lint --write-baseline FILE");
    }
  }

  static Config load(Path explicit, Path firstPath) {
    Optional<Path> file;
    if (explicit != null) {
      if (!Files.isRegularFile(explicit)) {
        throw new UserError("--config " + explicit + " does not exist; pass the path of a .whodecides.yaml");
      }
      file = Optional.of(explicit);
    } else {
      file = ConfigFile.find(Path.of("").toAbsolutePath(), firstPath);
    }
    if (file.isEmpty()) {
      return Config.none();
    }
    try {
      return ConfigReader.read(file.get());
    } catch (ConfigError e) {
      throw new UserError(String.join("\nwhodecides: ", e.problems())
          + (e.problems().size() > 1 ? "\nwhodecides: " : "; ") + "nothing of the configuration was applied");
    }
  }
}
