package dev.whodecides.catalog;

import java.util.AbstractList;
import java.util.RandomAccess;

/** A read-only YAML sequence over one exact-size array (nulls allowed, unlike {@code List.of}). */
final class CompactList extends AbstractList<Object> implements RandomAccess {

  static final CompactList EMPTY = new CompactList(new Object[0]);

  private final Object[] values;

  CompactList(Object[] values) {
    this.values = values;
  }

  @Override
  public Object get(int index) {
    return values[index];
  }

  @Override
  public int size() {
    return values.length;
  }
}
