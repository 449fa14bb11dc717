package dev.whodecides.web;

import dev.whodecides.web.view.Model.TrendBar;
import dev.whodecides.web.view.Model.TrendChart;
import dev.whodecides.web.view.Model.TrendPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The overview's trend as a stacked bar per lint run (errors on warnings on info). Only the
 * geometry is worked out here; {@code trend.jte} draws it as inline SVG, escaped like every page,
 * so it needs no script and no chart library.
 */
final class TrendCharts {

  static final int HEIGHT = 140;
  static final int BAR = 14;
  static final int GAP = 4;
  static final int LEFT = 36;

  private TrendCharts() {}

  static TrendChart of(List<TrendPoint> points) {
    long max = 1;
    for (TrendPoint p : points) {
      max = Math.max(max, p.errors() + p.warnings() + p.infos());
    }
    List<TrendBar> bars = new ArrayList<>();
    List<Integer> columns = new ArrayList<>();
    int x = LEFT;
    for (TrendPoint p : points) {
      double bottom = HEIGHT;
      bottom = stack(bars, x, bottom, p.infos(), max, "info");
      bottom = stack(bars, x, bottom, p.warnings(), max, "warning");
      stack(bars, x, bottom, p.errors(), max, "error");
      columns.add(x);
      x += BAR + GAP;
    }
    return new TrendChart(x + GAP, HEIGHT, max, bars, columns, BAR);
  }

  private static double stack(List<TrendBar> bars, int x, double bottom, long n, long max, String severity) {
    if (n <= 0) {
      return bottom;
    }
    double h = (HEIGHT - 16) * (double) n / max;
    bars.add(new TrendBar(x, String.format(Locale.ROOT, "%.1f", bottom - h), String.format(Locale.ROOT, "%.1f", h),
        severity));
    return bottom - h;
  }
}
