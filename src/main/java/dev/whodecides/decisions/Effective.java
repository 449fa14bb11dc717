package dev.whodecides.decisions;

import dev.whodecides.vocabulary.EntityRef;

/**
 * The declaration that governs one decision for one entity, and the scope it was inherited from
 * (the entity itself when declared directly on it).
 */
public record Effective(Declaration declaration, EntityRef inheritedFrom) {

  /** The accountable person or group, or null when the governing declaration is unowned. */
  public EntityRef owner() {
    return declaration.owner();
  }

  public boolean owned() {
    return declaration.owned();
  }
}
