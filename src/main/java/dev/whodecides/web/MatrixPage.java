package dev.whodecides.web;

import dev.whodecides.decisions.DecisionMatrix;
import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.EntityRef;
import dev.whodecides.web.view.Model.Chrome;
import dev.whodecides.web.view.Model.Matrix;
import dev.whodecides.web.view.Model.MatrixCell;
import dev.whodecides.web.view.Model.MatrixRow;
import java.util.ArrayList;
import java.util.List;

/** The decision matrix: one row per product, one cell per decision type, red where nobody owns it. */
final class MatrixPage {

  private MatrixPage() {}

  static Matrix build(Analysis a, Chrome chrome, String q, boolean gapsOnly, int page) {
    String needle = Display.needle(q);
    DecisionMatrix m = a.matrix();
    List<DecisionMatrix.Row> rows = m.rows().stream()
        .filter(r -> Display.matches(r.product(), needle))
        .filter(r -> !gapsOnly || r.cells().stream().anyMatch(DecisionMatrix.Cell::gap))
        .toList();
    Listing listing = Listing.of(page, Listing.PAGE_SIZE, rows.size());
    List<MatrixRow> out = new ArrayList<>();
    for (DecisionMatrix.Row r : listing.slice(rows)) {
      List<MatrixCell> cells = new ArrayList<>();
      for (DecisionMatrix.Cell c : r.cells()) {
        cells.add(cell(a, r.product().ref(), c));
      }
      out.add(new MatrixRow(r.product().ref().toString(), Display.title(r.product()), Links.entity(r.product().ref()),
          r.product().text("lifecycle"), cells));
    }
    List<String> types = new ArrayList<>();
    List<String> roles = new ArrayList<>();
    for (DecisionType t : DecisionType.values()) {
      types.add(t.id());
      roles.add(t.role().id());
    }
    return new Matrix(chrome, types, roles, out,
        listing.pager(n -> "/matrix?" + Display.query("q", q, "gaps", gapsOnly ? "1" : null) + "page=" + n),
        gapsOnly, q, a.gapCells(), m.rows().size());
  }

  private static MatrixCell cell(Analysis a, EntityRef product, DecisionMatrix.Cell c) {
    if (c.unowned()) {
      // Red only where the product needs an owner; an open decision it does not need yet is shown plainly.
      String hint = (c.declaration() == null ? "nobody is named for " + c.type().id()
          : "declared unowned at " + c.declaration().source().where())
          + (c.gap() ? "" : "; this product does not need an owner for it yet");
      return new MatrixCell(c.type().id(), c.gap(), null, null, null, Links.gap(product, c.type()), hint);
    }
    String from = c.inheritedFrom() == null || c.inheritedFrom().equals(product) ? null
        : Display.shortRef(c.inheritedFrom());
    String hint = c.owner() + (c.declaration() == null ? "" : ", declared at " + c.declaration().source().where());
    return new MatrixCell(c.type().id(), false, Display.name(a.catalog(), c.owner()), Links.entity(c.owner()), from,
        Links.entity(c.owner()), hint);
  }
}
