package dev.whodecides.decisions;

import dev.whodecides.catalog.Entity;
import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.EntityRef;
import java.util.List;

/**
 * One Decision document, resolved: its type, the scope it covers and its owner (null when the
 * organization wrote it down as explicitly unowned).
 */
public record Declaration(
    Entity source, DecisionType type, EntityRef scope, EntityRef owner, List<EntityRef> consulted, List<EntityRef> informed) {

  public boolean owned() {
    return owner != null;
  }
}
