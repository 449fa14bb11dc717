package dev.whodecides.web;

import dev.whodecides.catalog.Catalog;
import dev.whodecides.catalog.CatalogLoader;
import dev.whodecides.catalog.LiveCatalog;
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
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The catalog the service shows, reloaded when its files change. A reload that cannot read some
 * file keeps the last good catalog and remembers the error, so a broken edit never blanks the
 * service. Changes are noticed by the files' sizes and modification times, checked at most once a
 * second by the given clock, when a request comes in. With a live catalog (a running Backstage)
 * beside the files, it is read again once an interval has passed, on the given executor so that no
 * request waits for it; a read that fails keeps the entities of the last good one and remembers why.
 */
public final class CatalogSource implements Supplier<Catalog> {

  /** How long a look at the files stays good: walking a large catalog on every request would cost more. */
  static final Duration RECHECK = Duration.ofSeconds(1);

  /** How often a live catalog is read again unless told otherwise. */
  public static final Duration LIVE_INTERVAL = Duration.ofSeconds(60);

  private final List<Path> paths;
  private final Predicate<Path> excluded;
  private final Clock clock;
  private final Supplier<LiveCatalog> live;
  private final Duration interval;
  private final Executor executor;
  private final AtomicBoolean reading = new AtomicBoolean();
  private volatile Catalog current;
  private volatile String lastError;
  private volatile String liveError;
  private volatile LiveCatalog lastLive;
  private volatile long fingerprint;
  private volatile long checkedAt;
  private volatile long liveReadAt;

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
    this(paths, excluded, clock, null, LIVE_INTERVAL, Runnable::run);
  }

  /**
   * A source of files (less the {@code excluded}) and, when {@code live} is not null, a running
   * catalog read now and then again each {@code interval} (measured by {@code clock}) on
   * {@code executor}. A first read that fails is kept as the catalog's error, as a file that
   * cannot be read is.
   */
  public CatalogSource(List<Path> paths, Predicate<Path> excluded, Clock clock, Supplier<LiveCatalog> live,
      Duration interval, Executor executor) {
    this.paths = List.copyOf(paths);
    this.excluded = excluded;
    this.clock = clock;
    this.live = live;
    this.interval = interval;
    this.executor = executor;
    this.fingerprint = fingerprint();
    this.lastLive = live == null ? null : live.get();
    this.liveReadAt = clock.millis();
    this.current = load();
    this.lastError = errors(current);
    this.checkedAt = clock.millis();
  }

  private Catalog load() {
    return CatalogLoader.load(paths, excluded, lastLive);
  }

  @Override
  public Catalog get() {
    long now = clock.millis();
    if (live != null && now - liveReadAt >= interval.toMillis() && reading.compareAndSet(false, true)) {
      liveReadAt = now;
      try {
        executor.execute(this::readLive);
      } catch (RuntimeException e) {
        reading.set(false);
        throw e;
      }
    }
    if (now - checkedAt >= RECHECK.toMillis()) {
      checkedAt = now;
      long f = fingerprint();
      if (f != fingerprint) {
        synchronized (this) {
          if (f != fingerprint) {
            fingerprint = f;
            reload();
          }
        }
      }
    }
    return current;
  }

  /** Reads the live catalog again; the catalog is rebuilt only when its answer changed. */
  private void readLive() {
    try {
      LiveCatalog next = live.get();
      synchronized (this) {
        if (next.failed() && lastLive != null && !lastLive.failed()) {
          liveError = next.url() + ": " + next.error() + " (showing the catalog as read at the last good read)";
          return;
        }
        liveError = null;
        if (lastLive != null && next.entities().equals(lastLive.entities()) && next.failed() == lastLive.failed()) {
          return;
        }
        lastLive = next;
        reload();
      }
    } finally {
      reading.set(false);
    }
  }

  private synchronized void reload() {
    Catalog next = load();
    String error = errors(next);
    lastError = error;
    if (error == null || current.hasFatalProblems()) {
      current = next;
    }
  }

  /** Why the last reload was not taken, or null when the catalog shown is the files' latest state. */
  public String lastError() {
    String l = liveError;
    String f = lastError;
    return l == null ? f : f == null ? l : f + "; " + l;
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
