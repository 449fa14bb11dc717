package dev.whodecides.cli;

import dev.whodecides.catalog.Catalog;
import dev.whodecides.decisions.Authority;
import dev.whodecides.decisions.Ownership;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** Loading the catalog {@code who}, {@code may} and {@code mcp} answer from. */
final class AuthorityCli {

  private AuthorityCli() {}

  /**
   * The authority of the catalog at {@code paths} and, with --backstage, of the running Backstage
   * beside them. A catalog with unreadable files, or a Backstage that cannot be read, is refused
   * (exit 2), since an answer from part of it could name the wrong person.
   */
  static Authority load(List<Path> paths, PrintWriter err, BackstageOptions backstage) {
    List<Path> roots = paths == null ? List.of() : paths;
    backstage.check(roots);
    Catalog catalog = Output.load(roots, err, p -> false, backstage.read());
    if (catalog.hasFatalProblems()) {
      throw new UserError("the catalog has files (or a Backstage) that cannot be read (listed above); fix them, then ask again");
    }
    return Authority.of(Ownership.of(catalog));
  }
}
