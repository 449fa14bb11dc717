package dev.whodecides.evidence;

import java.util.List;
import java.util.Map;

/**
 * What an evidence index knows of its archive besides the passages, kept beside them in the
 * cache: the coverage, the files skipped, the repairs, and every episode with its passage count,
 * so an episode without a transcript is still known by title, guests and links.
 */
public record ArchiveSummary(
    Coverage coverage, List<Archive.Problem> skipped, List<Notice> notices, List<EpisodeSummary> episodes) {

  /** One episode as the index lists it; {@code passages} is 0 for one without a transcript. */
  public record EpisodeSummary(
      String slug, String file, String title, String shortTitle, List<String> guests, Map<String, String> links,
      int passages) {}

  static ArchiveSummary of(Archive archive) {
    List<EpisodeSummary> episodes = archive.episodes().values().stream()
        .map(e -> new EpisodeSummary(e.slug(), e.file(), e.title(), e.shortTitle(), e.guests(), e.links(),
            Passage.of(e).size()))
        .toList();
    return new ArchiveSummary(archive.coverage(), archive.problems(), archive.notices(), episodes);
  }
}
