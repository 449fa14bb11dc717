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
 * Products (Components, APIs and Resources) by decision types: for each cell the effective owner,
 * the scope it is inherited from, and the declaration behind it. A cell is a gap exactly when
 * {@link Ownership#gaps()} says so; an unowned decision the product does not need is open, not a gap.
 */
public record DecisionMatrix(List<Row> rows) {

  /** One product's row, cells in {@link DecisionType} order. */
  public record Row(Entity product, List<Cell> cells) {}

  /**
   * One decision of one product. {@code owner} null means nobody holds it (undeclared or declared
   * unowned); {@code gap} says whether the product needs somebody to.
   */
  public record Cell(DecisionType type, EntityRef owner, EntityRef inheritedFrom, Declaration declaration, boolean gap) {

    /** Nobody holds it, whether or not the product needs somebody to. */
    public boolean unowned() {
      return owner == null;
    }
  }

  public static DecisionMatrix of(Ownership ownership) {
    Catalog catalog = ownership.catalog();
    Gaps gaps = ownership.gaps();
    List<Row> rows = new ArrayList<>();
    for (Kind kind : Kind.DELIVERABLES) {
      for (Entity product : catalog.ofKind(kind)) {
        List<Cell> cells = new ArrayList<>();
        for (DecisionType t : DecisionType.values()) {
          Optional<Effective> e = ownership.effective(product.ref(), t);
          cells.add(new Cell(t, e.map(Effective::owner).orElse(null), e.map(Effective::inheritedFrom).orElse(null),
              e.map(Effective::declaration).orElse(null), gaps.of(product.ref(), t).isPresent()));
        }
        rows.add(new Row(product, List.copyOf(cells)));
      }
    }
    return new DecisionMatrix(List.copyOf(rows));
  }

  /** How many cells are gaps: the same number as {@code ownership.gaps().count()}. */
  public long gapCount() {
    return rows.stream().flatMap(r -> r.cells().stream()).filter(Cell::gap).count();
  }
}
