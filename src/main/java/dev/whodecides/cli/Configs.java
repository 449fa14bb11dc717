package dev.whodecides.cli;

import dev.whodecides.config.Config;
import dev.whodecides.config.ConfigError;
import dev.whodecides.config.ConfigFile;
import dev.whodecides.config.ConfigReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finding and reading the configuration for a command; a broken one stops the command with exit 2. */
final class Configs {

  private Configs() {}

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
