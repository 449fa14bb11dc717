package dev.whodecides.cli;

import dev.whodecides.store.Store;
import java.nio.file.Path;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/** Where the service's records live: {@code --db}, else {@code .whodecides/whodecides.db} beside the catalog. */
final class StoreOptions {

  @Option(names = "--db", paramLabel = "URL",
      description = "A SQLite file path or a jdbc:postgresql:// URL (default: .whodecides/whodecides.db beside the catalog, for verify beside the first contract).")
  String db;

  /** Where a store lives, for messages: its URL without parameters. */
  static String where(Store s) {
    return s.url().replaceAll("\\?.*", "");
  }

  /** Runs a write to the store; a failing database becomes one line naming it. */
  <T> T write(Supplier<T> write) {
    try {
      return write.get();
    } catch (RuntimeException e) {
      throw new UserError("cannot record in the database " + (db == null ? "beside the catalog" : db) + ": "
          + rootMessage(e) + "; check --db");
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return String.valueOf(root.getMessage()).lines().findFirst().orElse("");
  }

  Store open(Path catalogRoot) {
    try {
      return Store.open(db, catalogRoot);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    } catch (RuntimeException e) {
      throw new UserError("cannot open the database " + (db == null ? "beside the catalog" : db) + ": "
          + rootMessage(e) + "; check --db");
    }
  }
}
