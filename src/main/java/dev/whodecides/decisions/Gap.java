package dev.whodecides.decisions;

import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.EntityRef;

/**
 * A decision a product needs an owner for and nobody holds. {@code governing} is the declaration
 * that says so when one was written down as unowned, or null when no declaration covers it.
 */
public record Gap(EntityRef product, DecisionType type, Effective governing) {

  /** True when a Decision explicitly names nobody, rather than no Decision covering the product. */
  public boolean declaredUnowned() {
    return governing != null;
  }
}
