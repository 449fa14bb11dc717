package dev.whodecides.catalog;

import dev.whodecides.vocabulary.EntityRef;

/**
 * A document that parsed as YAML but breaks the Backstage or whodecides schema. {@code entity} is
 * null when the document has no usable name.
 */
public record SchemaProblem(EntityRef entity, String file, int line, int column, String message) {}
