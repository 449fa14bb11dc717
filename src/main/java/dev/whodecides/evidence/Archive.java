package dev.whodecides.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A folder of episode files, read in parallel. Every episode is kept with the lines that can be
 * placed, each repair reported as a {@link Notice}; only files that are not episodes are left out,
 * each with its reason. Neither ever stops the rest.
 */
public final class Archive {

  /** A file left out, and why. */
  public record Problem(String file, String message) {
    @Override
    public String toString() {
      return file + ": " + message;
    }
  }

  private final Path root;
  private final Map<String, Episode> episodes;
  private final List<Problem> problems;
  private final List<Notice> notices;
  private final List<Path> files;

  private Archive(Path root, Map<String, Episode> episodes, List<Problem> problems, List<Notice> notices,
      List<Path> files) {
    this.root = root;
    this.episodes = episodes;
    this.problems = problems;
    this.notices = notices;
    this.files = files;
  }

  /**
   * Lists the episode files of a folder ({@code *.md}, {@code *.vtt}, {@code *.srt}, not
   * recursive into hidden folders), sorted.
   *
   * @throws IllegalArgumentException when the folder does not exist
   */
  public static List<Path> files(Path root) {
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException(root + " is not a folder of episode files");
    }
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> {
            for (Path part : root.relativize(p)) {
              if (part.toString().startsWith(".")) {
                return false;
              }
            }
            return true;
          })
          .filter(EpisodeReader::isEpisodeFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Archive load(Path root) {
    List<Path> files = files(root);
    record Result(Path file, Episode episode, List<Notice> notices, Problem problem) {}
    List<Result> results = files.parallelStream().map(f -> {
      List<Notice> notices = new ArrayList<>();
      try {
        return new Result(f, EpisodeReader.read(f, notices::add), notices, null);
      } catch (MalformedEpisode e) {
        return new Result(f, null, List.of(), new Problem(f.toString(), e.getMessage()));
      } catch (IOException | UncheckedIOException e) {
        return new Result(f, null, List.of(), new Problem(f.toString(), "cannot be read (" + e.getMessage() + ")"));
      }
    }).toList();
    Map<String, Episode> episodes = new LinkedHashMap<>();
    List<Problem> problems = new ArrayList<>();
    List<Notice> notices = new ArrayList<>();
    for (Result r : results) {
      if (r.problem() != null) {
        problems.add(r.problem());
      } else if (episodes.putIfAbsent(r.episode().slug(), r.episode()) != null) {
        problems.add(new Problem(r.file().toString(), "another file already has the slug " + r.episode().slug()
            + "; skipped"));
      } else {
        notices.addAll(r.notices());
      }
    }
    return new Archive(root, episodes, List.copyOf(problems), List.copyOf(notices), files);
  }

  /**
   * A digest of every episode file's name and bytes: the evidence index is rebuilt exactly when
   * this changes.
   */
  public static String contentKey(Path root) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (Path f : files(root)) {
        sha.update(root.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        try (InputStream in = Files.newInputStream(f)) {
          int n;
          while ((n = in.read(buffer)) > 0) {
            sha.update(buffer, 0, n);
          }
        }
        sha.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 32);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public Path root() {
    return root;
  }

  public Map<String, Episode> episodes() {
    return episodes;
  }

  public Optional<Episode> episode(String slug) {
    return Optional.ofNullable(episodes.get(slug));
  }

  /** The files left out because they are not episodes, and why. */
  public List<Problem> problems() {
    return problems;
  }

  /** What was repaired in the episodes that were kept, in file and line order. */
  public List<Notice> notices() {
    return notices;
  }

  /** How much of the archive search can use. */
  public Coverage coverage() {
    int withPassages = (int) episodes.values().stream().filter(Episode::hasPassages).count();
    return Coverage.of(files.size(), episodes.size(), withPassages, notices, problems.size());
  }
}
