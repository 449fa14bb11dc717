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
 * A folder of episode files, read in parallel. Malformed files are reported (path and reason) and
 * left out; they never stop the rest.
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

  private Archive(Path root, Map<String, Episode> episodes, List<Problem> problems) {
    this.root = root;
    this.episodes = episodes;
    this.problems = problems;
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
    record Result(Path file, Episode episode, Problem problem) {}
    List<Result> results = files.parallelStream().map(f -> {
      try {
        return new Result(f, EpisodeReader.read(f), null);
      } catch (MalformedEpisode e) {
        return new Result(f, null, new Problem(f.toString(), e.getMessage()));
      } catch (IOException | UncheckedIOException e) {
        return new Result(f, null, new Problem(f.toString(), "cannot be read (" + e.getMessage() + ")"));
      }
    }).toList();
    Map<String, Episode> episodes = new LinkedHashMap<>();
    List<Problem> problems = new ArrayList<>();
    for (Result r : results) {
      if (r.problem() != null) {
        problems.add(r.problem());
      } else if (episodes.putIfAbsent(r.episode().slug(), r.episode()) != null) {
        problems.add(new Problem(r.file().toString(), "another file already has the slug " + r.episode().slug()
            + "; skipped"));
      }
    }
    return new Archive(root, episodes, List.copyOf(problems));
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

  public List<Problem> problems() {
    return problems;
  }
}
