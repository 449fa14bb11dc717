package dev.whodecides.web;

import dev.whodecides.catalog.Catalog;
import dev.whodecides.decisions.DecisionMatrix;
import dev.whodecides.decisions.Ownership;
import dev.whodecides.decisions.PersonFit;
import dev.whodecides.rules.LintResult;
import java.util.List;

/**
 * One catalog's analysis, shared by every API call and page until the catalog changes: the lint
 * result ({@code lint} and the service run the same {@code Linter}), plus the views built from it
 * (matrix, people), each computed at most once, on first use.
 */
final class Analysis {

  private final Catalog catalog;
  private final LintResult lint;
  private final FindingIndex findings;
  private volatile DecisionMatrix matrix;
  private volatile List<PersonFit> people;
  private volatile long gapCells = -1;
  private final java.util.Map<String, Drawn> graphs = new java.util.concurrent.ConcurrentHashMap<>();

  /** An ownership graph laid out and written as SVG: its text, how many boxes, how many left out. */
  record Drawn(String svg, int nodes, int omitted) {}

  /** Boxes at most in one picture; more is not readable, and ELK's time grows faster than linearly. */
  static final int GRAPH_NODES = 300;

  Analysis(Catalog catalog, LintResult lint) {
    this.catalog = catalog;
    this.lint = lint;
    this.findings = new FindingIndex(lint);
  }

  Catalog catalog() {
    return catalog;
  }

  LintResult lint() {
    return lint;
  }

  Ownership ownership() {
    return lint.analysis().ownership();
  }

  FindingIndex findings() {
    return findings;
  }

  DecisionMatrix matrix() {
    DecisionMatrix m = matrix;
    if (m == null) {
      m = DecisionMatrix.of(ownership());
      matrix = m;
    }
    return m;
  }

  /** How many matrix cells have no owner. */
  long gapCells() {
    long n = gapCells;
    if (n < 0) {
      n = matrix().rows().stream().flatMap(r -> r.cells().stream()).filter(DecisionMatrix.Cell::gap).count();
      gapCells = n;
    }
    return n;
  }

  /**
   * The ownership graph around {@code focus} (null: the whole organization), laid out once per
   * analysis and focus; ELK takes from 0.1 s for the example to seconds for hundreds of boxes.
   */
  Drawn graph(dev.whodecides.catalog.EntityRef focus) {
    String key = focus == null ? "" : focus.toString();
    Drawn d = graphs.get(key);
    if (d == null) {
      var g = dev.whodecides.graph.OwnershipGraph.of(ownership(), focus, GRAPH_NODES);
      d = new Drawn(dev.whodecides.graph.GraphSvg.render(g, "/entities/"), g.nodes().size(), g.omitted());
      if (graphs.size() > 64) {
        graphs.clear();
      }
      graphs.put(key, d);
    }
    return d;
  }

  List<PersonFit> people() {
    List<PersonFit> p = people;
    if (p == null) {
      p = PersonFit.of(ownership());
      people = p;
    }
    return p;
  }
}
