package dev.whodecides.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whodecides.Shared;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The shared podcast archive and its search index, built once per test run for every test class
 * that registers this extension ({@code @ExtendWith(PodcastIndex.class)}), and deleted when the run
 * ends. Building the index is the costliest step of the suite; commands under test are pointed at
 * {@link #cache()} with {@code --cache}, where they find it already built.
 */
public final class PodcastIndex implements BeforeAllCallback {

  private static volatile Built built;

  /** What the run builds once: the cache folder, the loaded archive and the open index. */
  private record Built(Path cache, Archive archive, EvidenceIndex index) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      index.close();
      try (Stream<Path> s = Files.walk(cache)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    // The root store lives for the whole run and closes what it holds (AutoCloseable) at its end.
    built = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(PodcastIndex.class, k -> build(), Built.class);
  }

  private static Built build() {
    try {
      Path cache = Files.createTempDirectory("whodecides-podcast-index");
      Archive archive = Archive.load(archive());
      EvidenceIndex index = EvidenceIndex.open(cache, archive(), false, () -> archive);
      assertThat(index.built()).as("a fresh cache folder is built into").isTrue();
      return new Built(cache, archive, index);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Built built() {
    if (built == null) {
      throw new IllegalStateException("register the extension: @ExtendWith(PodcastIndex.class)");
    }
    return built;
  }

  /** The folder of the shared episode files. */
  public static Path archive() {
    return Shared.path("podcast");
  }

  /** The cache folder that holds the built index, for {@code --cache}. */
  public static Path cache() {
    return built().cache();
  }

  /** The archive as loaded for the index. */
  public static Archive loaded() {
    return built().archive();
  }

  /** The open index; the extension closes it when the run ends. */
  public static EvidenceIndex index() {
    return built().index();
  }
}
