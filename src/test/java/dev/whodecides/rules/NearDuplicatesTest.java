package dev.whodecides.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whodecides.generate.UseCaseTexts;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The near-linear clustering behind duplicated-work keeps the verdicts of the exact all-pairs cosine. */
class NearDuplicatesTest {

  static final double THRESHOLD = LintOptions.DEFAULT_DUPLICATE_THRESHOLD;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {42, 7, 2026})
  void clustersOf5000UseCasesReach95PercentRecallOfExactAllPairs(long seed) {
    List<String> texts = new UseCaseTexts(seed, 20_000).texts(5_000, 0.1);
    List<ExactSimilarity.Pair> exact = ExactSimilarity.similarPairs(texts, THRESHOLD);
    assertThat(exact).as("the sample has planted duplicates").hasSizeGreaterThan(300);
    int[] clusters = NearDuplicates.clusters(texts, THRESHOLD);
    assertThat(ExactSimilarity.recall(texts, clusters, THRESHOLD)).isGreaterThanOrEqualTo(0.95);
    // Every join is a confirmed pair, so no cluster reaches beyond an exact one.
    int[] exactClusters = ExactSimilarity.exactClusters(texts, THRESHOLD);
    for (int i = 0; i < texts.size(); i++) {
      assertThat(exactClusters[clusters[i]]).isEqualTo(exactClusters[i]);
    }
  }

  @Test
  void theIndexedExactSearchFindsWhatBruteForceFinds() {
    List<String> texts = new UseCaseTexts(3, 5_000).texts(1_500, 0.1);
    Set<String> indexed = new HashSet<>();
    ExactSimilarity.similarPairs(texts, THRESHOLD).forEach(p -> indexed.add(p.a() + "-" + p.b()));
    Set<String> brute = new HashSet<>();
    ExactSimilarity.allPairs(texts, THRESHOLD).forEach(p -> brute.add(p.a() + "-" + p.b()));
    assertThat(indexed).isNotEmpty().isEqualTo(brute);
  }

  @Test
  void emptyAndWordlessTextsStayAlone() {
    int[] c = NearDuplicates.clusters(List.of("", "the and of", "fresh produce forecast per store",
        "fresh produce forecast per store"), THRESHOLD);
    assertThat(c[0]).isEqualTo(0);
    assertThat(c[1]).isEqualTo(1);
    assertThat(c[2]).isEqualTo(c[3]);
  }
}
