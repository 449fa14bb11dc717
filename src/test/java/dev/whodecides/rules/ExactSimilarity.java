package dev.whodecides.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The exact answers {@code duplicated-work}'s near-linear clustering ({@link NearDuplicates}) is
 * measured against: every pair of texts at or above a TF-IDF cosine threshold, by brute force
 * and by an exact pruned search, the clusters those pairs make, and the recall of a clustering
 * against them. Test and benchmark code only; the rule never needs all pairs.
 */
public final class ExactSimilarity {

  /** One pair of texts at or above the threshold; {@code a < b}. */
  public record Pair(int a, int b, double cosine) {}

  private ExactSimilarity() {}

  /** Every pair of texts whose cosine is at least {@code threshold}, by brute force over all pairs. */
  public static List<Pair> allPairs(List<String> texts, double threshold) {
    TextSimilarity.Vectors vec = TextSimilarity.vectors(texts);
    List<Pair> pairs = new ArrayList<>();
    for (int a = 0; a < vec.size(); a++) {
      for (int b = a + 1; b < vec.size(); b++) {
        double c = vec.cosine(a, b);
        if (c >= threshold - 1e-12) {
          pairs.add(new Pair(a, b, c));
        }
      }
    }
    return pairs;
  }

  /** Every pair of texts whose cosine is at least {@code threshold}: exact, pruned with an inverted index. */
  public static List<Pair> similarPairs(List<String> texts, double threshold) {
    int n = texts.size();
    TextSimilarity.Vectors vec = TextSimilarity.vectors(texts);
    int v = vec.df().length;
    int[] df = vec.df();
    int[][] terms = vec.terms();
    double[][] weights = vec.weights();
    double[] maxWeight = vec.maxWeight();
    // All-Pairs (Bayardo, Ma and Srikant 2007): visit each vector's features from the most common
    // term to the rarest and index a feature only once the features skipped so far could not
    // reach the threshold against any vector. Two vectors at or above the threshold then always
    // share an indexed feature, so the result is exact while common words stay out of the index.
    Integer[] byDf = new Integer[v];
    for (int t = 0; t < v; t++) {
      byDf[t] = t;
    }
    Arrays.sort(byDf, (a, b) -> df[b] - df[a] != 0 ? df[b] - df[a] : a - b);
    int[] rank = new int[v];
    for (int r = 0; r < v; r++) {
      rank[byDf[r]] = r;
    }
    List<List<Integer>> postings = new ArrayList<>(v);
    for (int t = 0; t < v; t++) {
      postings.add(null);
    }
    int[] seenBy = new int[n];
    Arrays.fill(seenBy, -1);
    int[] candidates = new int[n];
    List<Pair> pairs = new ArrayList<>();
    for (int y = 0; y < n; y++) {
      int count = 0;
      for (int t : terms[y]) {
        List<Integer> docs = postings.get(t);
        if (docs == null) {
          continue;
        }
        for (int x : docs) {
          if (seenBy[x] != y) {
            seenBy[x] = y;
            candidates[count++] = x;
          }
        }
      }
      for (int c = 0; c < count; c++) {
        int x = candidates[c];
        double cosine = TextSimilarity.dot(terms[x], weights[x], terms[y], weights[y]);
        if (cosine >= threshold - 1e-12) {
          pairs.add(new Pair(x, y, cosine));
        }
      }
      Integer[] order = new Integer[terms[y].length];
      for (int k = 0; k < order.length; k++) {
        order[k] = k;
      }
      final int doc = y;
      Arrays.sort(order, (a, b) -> rank[terms[doc][a]] - rank[terms[doc][b]]);
      double bound = 0;
      for (int k : order) {
        int t = terms[y][k];
        bound += weights[y][k] * maxWeight[t];
        if (bound >= threshold - 1e-12) {
          List<Integer> docs = postings.get(t);
          if (docs == null) {
            docs = new ArrayList<>(2);
            postings.set(t, docs);
          }
          docs.add(y);
        }
      }
    }
    return pairs;
  }

  /** The clustering the exact pairs make (union of every pair), a cluster id per text. */
  public static int[] exactClusters(List<String> texts, double threshold) {
    int[] parent = new int[texts.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    for (Pair p : similarPairs(texts, threshold)) {
      parent[NearDuplicates.find(parent, p.a())] = NearDuplicates.find(parent, p.b());
    }
    for (int i = 0; i < parent.length; i++) {
      parent[i] = NearDuplicates.find(parent, i);
    }
    return parent;
  }

  /** Share of the exact similar pairs whose two texts a clustering put together. */
  public static double recall(List<String> texts, int[] clusters, double threshold) {
    List<Pair> exact = similarPairs(texts, threshold);
    if (exact.isEmpty()) {
      return 1.0;
    }
    long found = exact.stream().filter(p -> clusters[p.a()] == clusters[p.b()]).count();
    return (double) found / exact.size();
  }
}
