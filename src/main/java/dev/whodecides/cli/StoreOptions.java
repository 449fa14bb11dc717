package dev.whodecides.cli;

import dev.whodecides.store.Store;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the service's records live: {@code --db}, else {@code .whodecides/whodecides.db} beside the catalog. */
final class StoreOptions {

  @Option(names = "--db", paramLabel = "URL",
      description = "A SQLite file path or a jdbc:postgresql:// URL (default: .whodecides/whodecides.db beside the catalog).")
  String db;

  Store open(Path catalogRoot) {
    try {
      return Store.open(db, catalogRoot);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    } catch (RuntimeException e) {
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      throw new UserError("cannot open the database " + (db == null ? "beside the catalog" : db) + ": "
          + String.valueOf(root.getMessage()).lines().findFirst().orElse("") + "; check --db");
    }
  }
}
