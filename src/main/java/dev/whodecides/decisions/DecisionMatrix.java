package dev.whodecides.decisions;

import dev.whodecides.catalog.Catalog;
import dev.whodecides.catalog.Entity;
import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.EntityRef;
import dev.whodecides.vocabulary.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Products (Components) by decision types: for each cell the effective owner, the scope it is
 * inherited from, and the declaration behind it; a cell without an owner is a gap.
 */
public record DecisionMatrix(List<Row> rows) {

  /** One product's row, cells in {@link DecisionType} order. */
  public record Row(Entity product, List<Cell> cells) {}

  /** One decision of one product. {@code owner} null means a gap (undeclared or declared unowned). */
  public record Cell(DecisionType type, EntityRef owner, EntityRef inheritedFrom, Declaration declaration) {

    public boolean gap() {
      return owner == null;
    }
  }

  public static DecisionMatrix of(Ownership ownership) {
    Catalog catalog = ownership.catalog();
    List<Row> rows = new ArrayList<>();
    for (Entity product : catalog.ofKind(Kind.COMPONENT)) {
      List<Cell> cells = new ArrayList<>();
      for (DecisionType t : DecisionType.values()) {
        Optional<Effective> e = ownership.effective(product.ref(), t);
        cells.add(new Cell(t, e.map(Effective::owner).orElse(null), e.map(Effective::inheritedFrom).orElse(null),
            e.map(Effective::declaration).orElse(null)));
      }
      rows.add(new Row(product, List.copyOf(cells)));
    }
    return new DecisionMatrix(List.copyOf(rows));
  }
}
