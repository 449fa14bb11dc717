package dev.whodecides.web;

import dev.whodecides.catalog.Catalog;
import dev.whodecides.decisions.DecisionMatrix;
import dev.whodecides.decisions.Ownership;
import dev.whodecides.decisions.PersonFit;
import dev.whodecides.graph.GraphSvg;
import dev.whodecides.graph.OwnershipGraph;
import dev.whodecides.rules.Finding;
import dev.whodecides.rules.LintResult;
import dev.whodecides.vocabulary.EntityRef;
import dev.whodecides.vocabulary.Kind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;

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
  /** Layouts of this analysis by focus, the most recently used kept; each laid out once, by one thread. */
  private final Map<String, CompletableFuture<Drawn>> graphs =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<Drawn>> e) {
          return size() > GRAPH_CACHE;
        }
      };

  /** At most one ELK layout runs at a time in the whole service, so graph requests cannot take every core. */
  private static final Semaphore LAYOUTS = new Semaphore(1);

  /** An ownership graph laid out and ready to draw: the picture, how many boxes, how many left out. */
  record Drawn(GraphSvg.Picture picture, int nodes, int omitted) {}

  static final int GRAPH_CACHE = 32;

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

  /**
   * The findings about an entity named as people type it (a short or a canonical reference, of
   * one of {@code kinds}). A finding about an entity the catalog could not take (invalid-entity)
   * matches by its text. Empty when neither the catalog nor the findings know the name.
   */
  Optional<List<Finding>> findingsAbout(String text, List<Kind> kinds) {
    EntityRef ref;
    try {
      ref = catalog.resolve(text.strip(), kinds).filter(catalog::exists).orElse(null);
    } catch (IllegalArgumentException e) {
      ref = null;
    }
    List<Finding> about = findings.about(ref != null ? ref.toString() : text.strip());
    return ref == null && about.isEmpty() ? Optional.empty() : Optional.of(about);
  }

  DecisionMatrix matrix() {
    DecisionMatrix m = matrix;
    if (m == null) {
      m = DecisionMatrix.of(ownership());
      matrix = m;
    }
    return m;
  }

  /** How many decisions products need an owner for and lack: the gaps the matrix shows red. */
  long gapCells() {
    return ownership().gaps().count();
  }

  /**
   * The ownership graph around {@code focus} (null: the whole organization), laid out once per
   * analysis and focus; ELK takes from 0.1 s for the example to seconds for hundreds of boxes.
   */
  Drawn graph(EntityRef focus) {
    String key = focus == null ? "" : focus.toString();
    CompletableFuture<Drawn> mine = new CompletableFuture<>();
    CompletableFuture<Drawn> existing;
    synchronized (graphs) {
      existing = graphs.putIfAbsent(key, mine);
    }
    if (existing != null) {
      try {
        return existing.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
    }
    try {
      LAYOUTS.acquireUninterruptibly();
      try {
        var g = OwnershipGraph.of(ownership(), focus, GRAPH_NODES);
        Drawn d = new Drawn(GraphSvg.picture(g, "/entities/"), g.nodes().size(), g.omitted());
        mine.complete(d);
        return d;
      } finally {
        LAYOUTS.release();
      }
    } catch (RuntimeException e) {
      synchronized (graphs) {
        graphs.remove(key, mine);
      }
      mine.completeExceptionally(e);
      throw e;
    }
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
