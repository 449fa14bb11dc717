package dev.whodecides.evidence;

import dev.whodecides.knowledge.Citation;
import dev.whodecides.knowledge.Knowledge;
import dev.whodecides.knowledge.Times;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks that every citation of the knowledge file points at real transcript lines and that the
 * lines really support the claim.
 *
 * <p>The support test has two parts. <b>Ranking:</b> search the cited episode alone for the
 * claim's own text; the citation is supported when one of the episode's top {@link #TOP}
 * passages overlaps the cited range. <b>Key terms:</b> weigh each of the claim's analysed terms
 * (stemmed, stop words dropped) by its inverse document frequency over the archive's passages,
 * so rare words count and filler does not; the citation is supported when the words of the cited
 * lines cover at least {@link #MIN_COVERAGE} of that weight. A citation that passes the ranking
 * test is ok; one that passes only the key-term test is weak (a paraphrase far from the speaker's
 * words, or a range much longer than the point); one that passes neither, or whose episode, range
 * or lines are wrong, is broken.
 */
public final class CitationVerifier {

  static final int TOP = 5;
  static final int KEY_TERMS = 8;
  static final double MIN_COVERAGE = 0.5;
  /** Slack after the last line's start that still counts as within the episode. */
  static final int END_SLACK_SEC = 120;

  private final Knowledge knowledge;
  private final Archive archive;
  private final EvidenceIndex index;

  public CitationVerifier(Knowledge knowledge, Archive archive, EvidenceIndex index) {
    this.knowledge = knowledge;
    this.archive = archive;
    this.index = index;
  }

  /** Every citation of every claim, in the knowledge file's order. */
  public List<CitationCheck> verifyAll() {
    List<CitationCheck> out = new ArrayList<>();
    for (Knowledge.Claim claim : knowledge.claims().values()) {
      for (Knowledge.Source source : claim.citations()) {
        out.add(verify(claim.id(), claim.text(), source));
      }
    }
    return out;
  }

  public CitationCheck verify(String claimId, String claimText, Knowledge.Source source) {
    List<String> problems = new ArrayList<>();
    Citation citation;
    try {
      citation = knowledge.cite(source);
    } catch (RuntimeException e) {
      citation = new Citation(source.source(), "?", "?", source.from(), source.to(), null);
      problems.add(e.getMessage());
    }
    int from = -1;
    int to = -1;
    try {
      from = Times.parse(source.from());
      to = Times.parse(source.to());
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    var episode = archive.episode(source.source());
    if (episode.isEmpty()) {
      String why = archive.problems().stream().filter(p -> p.file().contains(source.source()))
          .map(Archive.Problem::message).findFirst().orElse(null);
      problems.add("episode " + source.source() + (why == null ? " is not in the archive" : " could not be read: " + why));
    } else if (!episode.get().hasPassages()) {
      problems.add("episode " + source.source() + " has no transcript, so no lines to cite");
    }
    if (from >= 0 && to >= 0 && from >= to) {
      problems.add("from " + source.from() + " is not before to " + source.to());
    }
    List<String> keyTerms = keyTerms(claimText);
    List<String> shared = List.of();
    double coverage = 0;
    boolean ranked = false;
    Passage best = null;
    if (episode.isPresent() && episode.get().hasPassages() && from >= 0 && to > from) {
      Episode e = episode.get();
      int end = e.lastSecond() + END_SLACK_SEC;
      if (from > e.lastSecond() || to > end) {
        problems.add("range " + source.from() + "-" + source.to() + " lies beyond the episode's end (last line at "
            + Times.format(e.lastSecond()) + ")");
      }
      final int f = from;
      final int t = to;
      List<TranscriptLine> inRange = e.lines().stream().filter(l -> l.sec() >= f && l.sec() < t).toList();
      if (inRange.isEmpty()) {
        problems.add("no transcript line starts within " + source.from() + "-" + source.to());
      }
      List<Hit> top = index.search(claimText, TOP, e.slug());
      ranked = top.stream().anyMatch(h -> h.passage().from() < t && h.passage().to() > f);
      best = top.isEmpty() ? null : top.get(0).passage();
      StringBuilder rangeText = new StringBuilder();
      inRange.forEach(l -> rangeText.append(l.text()).append(' '));
      Set<String> rangeTerms = new HashSet<>(index.terms(rangeText.toString()));
      shared = keyTerms.stream().filter(rangeTerms::contains).toList();
      coverage = coverage(claimText, rangeTerms);
    } else {
      List<Hit> top = index.search(claimText, 1, null);
      best = top.isEmpty() ? null : top.get(0).passage();
    }
    boolean byTerms = coverage >= MIN_COVERAGE;
    CitationCheck.Status status;
    if (!problems.isEmpty()) {
      status = CitationCheck.Status.BROKEN;
    } else if (ranked) {
      status = CitationCheck.Status.OK;
    } else if (byTerms) {
      status = CitationCheck.Status.WEAK;
    } else {
      status = CitationCheck.Status.BROKEN;
      problems.add(String.format("the cited lines neither rank among the episode's top %d passages for the claim nor"
          + " cover enough of its key terms (%.0f%% of their weight, %.0f%% needed)", TOP, coverage * 100,
          MIN_COVERAGE * 100));
    }
    return new CitationCheck(claimId, claimText, citation, status, ranked, keyTerms, shared, List.copyOf(problems), best);
  }

  /** The share of the claim's term weight (idf) that the cited lines' words cover. */
  double coverage(String claimText, Set<String> rangeTerms) {
    double total = 0;
    double covered = 0;
    int passages = Math.max(1, index.passages());
    for (String term : new LinkedHashSet<>(index.terms(claimText))) {
      int df = index.documentFrequency(term);
      if (df == 0) {
        continue;
      }
      double idf = Math.log(1.0 + (passages - df + 0.5) / (df + 0.5));
      total += idf;
      if (rangeTerms.contains(term)) {
        covered += idf;
      }
    }
    return total == 0 ? 0 : covered / total;
  }

  /** The claim's rarest analysed terms that the archive knows. */
  List<String> keyTerms(String claimText) {
    Set<String> unique = new LinkedHashSet<>(index.terms(claimText));
    return unique.stream()
        .filter(term -> index.documentFrequency(term) > 0)
        .sorted(Comparator.comparingInt(index::documentFrequency).thenComparing(Comparator.naturalOrder()))
        .limit(KEY_TERMS)
        .toList();
  }
}
