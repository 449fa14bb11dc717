package dev.whodecides.rules;

import dev.whodecides.generate.UseCaseTexts;
import java.util.Arrays;
import java.util.List;

/**
 * Times duplicate clustering on synthetic use cases: MinHash with LSH (what {@code duplicated-work}
 * runs) against brute-force all-pairs cosine, and reports the recall of the first against the
 * second. A benchmark driver, kept out of the product jar: {@code bench/duplicates.sh} runs it from
 * the test classes as {@code DuplicatesBench lsh|allpairs N RUNS [--recall]}.
 */
public final class DuplicatesBench {

  private DuplicatesBench() {}

  public static void main(String[] args) {
    String method = args[0];
    int n = Integer.parseInt(args[1]);
    int runs = Integer.parseInt(args[2]);
    double threshold = LintOptions.DEFAULT_DUPLICATE_THRESHOLD;
    List<String> texts = new UseCaseTexts(42, 20_000).texts(n, 0.1);
    double[] seconds = new double[runs];
    int[] clusters = null;
    for (int r = 0; r < runs; r++) {
      long t0 = System.nanoTime();
      if (method.equals("lsh")) {
        clusters = NearDuplicates.clusters(texts, threshold);
      } else {
        ExactSimilarity.allPairs(texts, threshold);
      }
      seconds[r] = (System.nanoTime() - t0) / 1e9;
    }
    Arrays.sort(seconds);
    StringBuilder line = new StringBuilder(String.format("%s n=%d runs=%d median=%.3fs min=%.3fs max=%.3fs",
        method, n, runs, seconds[runs / 2], seconds[0], seconds[runs - 1]));
    if (clusters != null && args.length > 3 && args[3].equals("--recall")) {
      line.append(String.format(" recall=%.4f", ExactSimilarity.recall(texts, clusters, threshold)));
    }
    System.out.println(line);
  }
}
