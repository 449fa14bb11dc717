package dev.whodecides.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.whodecides.web.view.Model.Pager;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A page of a list shows what its pager counts, whatever the page size. */
class ListingTest {

  static List<Integer> items(int n) {
    return IntStream.range(0, n).boxed().toList();
  }

  @Test
  void aPageSizeOtherThanTheDefaultSlicesByThatSize() {
    // The old slice always cut 100 items a page, so page 2 of a 3-a-page list came out empty.
    Listing second = Listing.of(2, 3, 10);
    assertThat(second.slice(items(10))).containsExactly(3, 4, 5);
    assertThat(Listing.of(4, 3, 10).slice(items(10))).containsExactly(9);
    assertThat(Listing.of(2, ProductReleasesPage.LOG_PAGE, 120).slice(items(120))).hasSize(50).startsWith(50);
  }

  @Test
  void walkingThePagesShowsEveryItemOnceForAnySize() {
    for (int size : List.of(1, 3, 50, Listing.PAGE_SIZE)) {
      for (int total : List.of(0, 1, 99, 100, 101, 250)) {
        List<Integer> all = items(total);
        List<Integer> seen = new ArrayList<>();
        Listing first = Listing.of(1, size, total);
        for (int p = 1; p <= first.pages(); p++) {
          List<Integer> page = Listing.of(p, size, total).slice(all);
          assertThat(page.size()).as("size %d, total %d, page %d", size, total, p).isLessThanOrEqualTo(size);
          seen.addAll(page);
        }
        assertThat(seen).as("size %d, total %d", size, total).isEqualTo(all);
        assertThat(first.pages()).isEqualTo(Math.max(1, (total + size - 1) / size));
      }
    }
  }

  @Test
  void aPageOutOfRangeIsTheNearestOneAndThePagerLinksOnlyWhatExists() {
    assertThat(Listing.of(0, 10, 25).page()).isEqualTo(1);
    assertThat(Listing.of(99, 10, 25).page()).isEqualTo(3);
    assertThat(Listing.of(5, 10, 0).page()).isEqualTo(1);
    Pager middle = Listing.of(2, 10, 25).pager(n -> "/x?page=" + n);
    assertThat(middle).isEqualTo(new Pager(2, 3, 25, "/x?page=1", "/x?page=3"));
    Pager only = Listing.of(1, 10, 7).pager(n -> "/x?page=" + n);
    assertThat(only.prev()).isNull();
    assertThat(only.next()).isNull();
    assertThatThrownBy(() -> Listing.of(1, 0, 5)).isInstanceOf(IllegalArgumentException.class);
  }
}
