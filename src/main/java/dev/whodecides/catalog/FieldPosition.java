package dev.whodecides.catalog;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where one field of an entity is written, for a finding that belongs at that line rather than at
 * the document (a Decision's {@code reviewBy}). The catalog keeps only a document's start, so the
 * file is read again; only the few entities reported this way pay for it.
 */
public final class FieldPosition {

  private FieldPosition() {}

  /**
   * The 1-based line and column of the value at {@code path} (e.g. {@code /spec/reviewBy}) in the
   * document where {@code e} starts; empty when the file cannot be read again or has changed.
   */
  public static Optional<int[]> of(Entity e, String path) {
    int[][] found = new int[1][];
    try (Reader in = Files.newBufferedReader(Path.of(e.file()), StandardCharsets.UTF_8)) {
      YamlReader.readTextWithPositions(in, doc -> {
        if (found[0] == null && doc.line() <= e.line() && doc.positions().containsKey(path)) {
          int[] at = doc.positions().get(path);
          if (at[0] >= e.line()) {
            found[0] = new int[] {at[0], at[1]};
          }
        }
      });
    } catch (IOException | RuntimeException | YamlReader.YamlError ex) {
      return Optional.empty();
    }
    return Optional.ofNullable(found[0]);
  }
}
