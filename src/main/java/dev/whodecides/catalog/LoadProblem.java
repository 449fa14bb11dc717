package dev.whodecides.catalog;

/**
 * Something the loader could not read. {@code fatal} problems (unreadable input) make the run exit
 * with status 2; the rest are notices, such as a skipped URL target or an unknown apiVersion.
 */
public record LoadProblem(String file, int line, int column, String message, boolean fatal) {

  @Override
  public String toString() {
    String at = line > 0 ? file + ":" + line + ":" + column : file;
    return at + ": " + message;
  }
}
