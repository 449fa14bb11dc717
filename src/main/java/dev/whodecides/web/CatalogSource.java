package dev.whodecides.web;

import dev.whodecides.catalog.Catalog;
import dev.whodecides.catalog.CatalogLoader;
import dev.whodecides.catalog.LoadProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The catalog the service shows, reloaded when its files change. A reload that cannot read some
 * file keeps the last good catalog and remembers the error, so a broken edit never blanks the
 * service. Changes are noticed by the files' sizes and modification times, checked at most once a
 * second by the given clock, when a request comes in.
 */
public final class CatalogSource implements Supplier<Catalog> {

  /** How long a look at the files stays good: walking a large catalog on every request would cost more. */
  static final Duration RECHECK = Duration.ofSeconds(1);

  private final List<Path> paths;
  private final Predicate<Path> excluded;
  private final Clock clock;
  private volatile Catalog current;
  private volatile String lastError;
  private volatile long fingerprint;
  private volatile long checkedAt;

  public CatalogSource(List<Path> paths) {
    this(paths, Clock.systemUTC());
  }

  /** A source that asks {@code clock} when it last looked at the files; tests move the clock instead of sleeping. */
  public CatalogSource(List<Path> paths, Clock clock) {
    this(paths, p -> false, clock);
  }

  /**
   * A source that leaves out the files a directory walk finds that {@code excluded} accepts (the
   * configuration's {@code exclude}), on the first load and on every reload.
   */
  public CatalogSource(List<Path> paths, Predicate<Path> excluded, Clock clock) {
    this.paths = List.copyOf(paths);
    this.excluded = excluded;
    this.clock = clock;
    this.fingerprint = fingerprint();
    this.current = CatalogLoader.load(this.paths, excluded);
    this.lastError = errors(current);
    this.checkedAt = clock.millis();
  }

  @Override
  public Catalog get() {
    long now = clock.millis();
    if (now - checkedAt >= RECHECK.toMillis()) {
      checkedAt = now;
      long f = fingerprint();
      if (f != fingerprint) {
        synchronized (this) {
          if (f != fingerprint) {
            fingerprint = f;
            Catalog next = CatalogLoader.load(paths, excluded);
            String error = errors(next);
            lastError = error;
            if (error == null) {
              current = next;
            }
          }
        }
      }
    }
    return current;
  }

  /** Why the last reload was not taken, or null when the catalog shown is the files' latest state. */
  public String lastError() {
    return lastError;
  }

  private static String errors(Catalog c) {
    List<String> fatal = c.loadProblems().stream().filter(LoadProblem::fatal).map(LoadProblem::toString).toList();
    return fatal.isEmpty() ? null : String.join("; ", fatal);
  }

  private long fingerprint() {
    long h = 17;
    for (Path root : paths) {
      if (!Files.exists(root)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        for (Path p : (Iterable<Path>) files::iterator) {
          String name = p.getFileName() == null ? "" : p.getFileName().toString();
          if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            h = h * 31 + p.toString().hashCode();
            h = h * 31 + a.size();
            h = h * 31 + a.lastModifiedTime().toMillis();
          }
        }
      } catch (IOException | UncheckedIOException e) {
        h = h * 31 + 1;
      }
    }
    return h;
  }
}
