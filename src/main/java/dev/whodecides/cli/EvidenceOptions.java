package dev.whodecides.cli;

import dev.whodecides.evidence.Archive;
import dev.whodecides.evidence.ArchiveSummary;
import dev.whodecides.evidence.EvidenceIndex;
import dev.whodecides.evidence.Notice;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every command over the podcast archive shares, and opening its cached index. */
final class EvidenceOptions {

  @Option(names = "--archive", required = true, paramLabel = "DIR",
      description = "Folder of episode files (DataTalks.Club .md, WebVTT .vtt, SubRip .srt).")
  Path archive;

  @Option(names = "--rebuild", description = "Build the search index again even when the archive has not changed.")
  boolean rebuild;

  @Option(names = "--cache", paramLabel = "DIR",
      description = "Where search indexes are kept (default: $WHODECIDES_CACHE, else $XDG_CACHE_HOME/whodecides,"
          + " else ~/.cache/whodecides).")
  Path cache;

  Path cacheRoot() {
    return CacheDir.root(cache);
  }

  /**
   * Opens (building when needed) the archive's index and reports on stderr what it holds: files
   * skipped and episodes kept without passages every time, each repaired line when the archive is
   * read (a new or changed archive, or --rebuild), and one coverage line.
   */
  EvidenceIndex open(PrintWriter err) {
    if (!Files.isDirectory(archive)) {
      throw new UserError("--archive " + archive + " is not a folder; pass the folder that holds the episode files");
    }
    try {
      long start = System.nanoTime();
      EvidenceIndex index = EvidenceIndex.open(cacheRoot(), archive, rebuild, () -> Archive.load(archive));
      if (index.built()) {
        err.printf("indexed %d passages of %s in %d ms (kept in %s)%n", index.passages(), archive,
            (System.nanoTime() - start) / 1_000_000, EvidenceIndex.location(cacheRoot(), archive));
      }
      ArchiveSummary summary = index.summary();
      for (Archive.Problem p : summary.skipped()) {
        err.println("notice: skipped " + p);
      }
      boolean hidden = false;
      for (Notice n : summary.notices()) {
        if (index.built() || n.kind() == Notice.Kind.NO_PASSAGES) {
          err.println("notice: " + n);
        } else {
          hidden = true;
        }
      }
      err.println("coverage: " + summary.coverage() + (hidden ? " (--rebuild lists the repairs)" : ""));
      err.flush();
      return index;
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new UserError("cannot build or open the search index under " + cacheRoot() + " (" + e.getMessage()
          + "); pass a writable --cache DIR");
    }
  }
}
