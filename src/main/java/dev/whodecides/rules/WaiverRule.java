package dev.whodecides.rules;

/**
 * A rule about the configuration's waivers rather than the catalog: it runs after every catalog
 * rule, when it is known which findings each waiver covered.
 */
public interface WaiverRule extends Rule {

  void check(Waivers waivers, Reporter out);

  /** Nothing to check in the catalog itself. */
  @Override
  default void check(AnalysedCatalog analysis, Reporter out) {}
}
