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

  List<PersonFit> people() {
    List<PersonFit> p = people;
    if (p == null) {
      p = PersonFit.of(ownership());
      people = p;
    }
    return p;
  }
}
