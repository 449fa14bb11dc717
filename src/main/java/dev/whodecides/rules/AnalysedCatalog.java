package dev.whodecides.rules;

import dev.whodecides.catalog.Catalog;
import dev.whodecides.decisions.Ownership;
import dev.whodecides.knowledge.Knowledge;

/** Everything a rule may read: the catalog, effective ownership, the knowledge, and options. */
public record AnalysedCatalog(Catalog catalog, Ownership ownership, Knowledge knowledge, LintOptions options) {

  public static AnalysedCatalog of(Catalog catalog, LintOptions options) {
    return new AnalysedCatalog(catalog, Ownership.of(catalog), Knowledge.builtIn(), options);
  }
}
