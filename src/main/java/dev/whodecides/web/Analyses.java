package dev.whodecides.web;

import dev.whodecides.catalog.Catalog;
import dev.whodecides.rules.LintResult;
import dev.whodecides.store.LintRun;
import dev.whodecides.store.Store;
import java.time.Clock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The analysis of the catalog as it is now: one per catalog, built on first use and shared by
 * every request until the catalog changes. Each new one is added to the findings trend.
 */
final class Analyses implements Supplier<Analysis> {

  private final Supplier<Catalog> catalog;
  private final Function<Catalog, LintResult> linter;
  private final Store store;
  private final Clock clock;
  private volatile Analysis current;

  Analyses(Supplier<Catalog> catalog, Function<Catalog, LintResult> linter, Store store, Clock clock) {
    this.catalog = catalog;
    this.linter = linter;
    this.store = store;
    this.clock = clock;
  }

  @Override
  public Analysis get() {
    Catalog now = catalog.get();
    Analysis a = current;
    if (a != null && a.catalog() == now) {
      return a;
    }
    // Requests that arrive while it is built wait for it rather than each linting the same catalog again.
    synchronized (this) {
      a = current;
      if (a == null || a.catalog() != now) {
        LintResult lint = linter.apply(now);
        a = new Analysis(now, lint);
        current = a;
        recordRun(lint);
      }
      return a;
    }
  }

  /** Why the catalog's last reload was not taken, or null. */
  String catalogError() {
    return catalog instanceof CatalogSource s ? s.lastError() : null;
  }

  /** Adds a changed catalog's lint run to the trend; the store failing never fails a read. */
  private void recordRun(LintResult lint) {
    if (lint.catalog().hasFatalProblems()) {
      return;
    }
    try {
      store.recordLintRunIfChanged(LintRun.of(lint, LintRun.SERVE, clock.instant()));
    } catch (RuntimeException e) {
      System.err.println("whodecides: could not record the lint run in the store (" + e.getMessage() + ")");
    }
  }
}
