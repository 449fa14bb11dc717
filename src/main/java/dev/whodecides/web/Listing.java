package dev.whodecides.web;

import dev.whodecides.web.view.Model.Pager;
import java.util.List;
import java.util.function.IntFunction;

/**
 * One page of a long list in the browser pages: which page, how many items a page holds and how
 * many there are in all. The page size travels with the page, so the items shown and the pager
 * under them always count the same way.
 *
 * @param page 1-based, within 1 and {@link #pages()}
 * @param size items a page holds
 * @param total items in the whole list
 */
record Listing(int page, int size, int total) {

  /** Rows a page of the findings, matrix, people, releases and guarantees lists shows. */
  static final int PAGE_SIZE = 100;

  Listing {
    if (size < 1 || total < 0) {
      throw new IllegalArgumentException("a page holds at least one item, and a list has no fewer than none");
    }
  }

  /** The requested page of {@code total} items, {@code size} a page; a page out of range becomes the nearest one. */
  static Listing of(int requested, int size, int total) {
    if (size < 1) {
      throw new IllegalArgumentException("a page holds at least one item, not " + size);
    }
    int pages = Math.max(1, (int) ((total + (long) size - 1) / size));
    return new Listing(Math.min(Math.max(1, requested), pages), size, total);
  }

  int pages() {
    return Math.max(1, (int) ((total + (long) size - 1) / size));
  }

  /** How many items come before this page. */
  int offset() {
    return (page - 1) * size;
  }

  /** This page's items of the whole list. */
  <T> List<T> slice(List<T> all) {
    int from = Math.min(offset(), all.size());
    return all.subList(from, Math.min(from + size, all.size()));
  }

  /** The pager under the list; {@code href} makes the address of a page number. */
  Pager pager(IntFunction<String> href) {
    int pages = pages();
    return new Pager(page, pages, total, page > 1 ? href.apply(page - 1) : null,
        page < pages ? href.apply(page + 1) : null);
  }
}
