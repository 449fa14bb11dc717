package dev.whodecides.rules;

/**
 * One place a finding's subject is written: the entity and field that hold it, and where. A
 * finding about something named in many places (a missing team every component names as owner)
 * lists them all.
 */
public record Place(String entity, String field, String file, int line, int column) {

  /** {@code file:line:column}. */
  public String where() {
    return file + ":" + line + ":" + column;
  }
}
