package dev.whodecides.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * TF-IDF cosine similarity over short texts, exact at a threshold, without scoring all pairs:
 * an inverted index over each text's rarer words finds the only candidates that can reach the
 * threshold, so the cost follows how many texts really overlap rather than the square of their
 * number.
 *
 * <p>Weights: raw term frequency times smoothed inverse document frequency
 * {@code ln((1 + n) / (1 + df)) + 1}, vectors normalised to unit length. Tokens are lower-cased
 * runs of letters and digits, English stop words dropped, a trailing plural "s" removed.
 */
public final class TextSimilarity {

  private static final Set<String> STOP = Set.of(
      "a", "about", "above", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be",
      "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do",
      "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having",
      "he", "her", "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself",
      "just", "me", "more", "most", "my", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or",
      "other", "our", "ours", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than", "that",
      "the", "their", "theirs", "them", "then", "there", "these", "they", "this", "those", "through", "to", "too",
      "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who",
      "whom", "why", "will", "with", "would", "you", "your", "yours", "per", "via", "get", "gets", "make", "use",
      "using", "need", "needs", "want", "wants", "one", "two", "new");

  /** One pair of texts at or above the threshold; {@code a < b}. */
  public record Pair(int a, int b, double cosine) {}

  private TextSimilarity() {}

  static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    for (String raw : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (raw.length() < 2 || STOP.contains(raw)) {
        continue;
      }
      String t = raw.length() > 3 && raw.endsWith("s") && !raw.endsWith("ss") ? raw.substring(0, raw.length() - 1) : raw;
      out.add(t);
    }
    return out;
  }

  /** Every pair of texts whose cosine is at least {@code threshold}. */
  public static List<Pair> similarPairs(List<String> texts, double threshold) {
    int n = texts.size();
    Map<String, Integer> vocabulary = new HashMap<>();
    List<Map<Integer, Integer>> tfs = new ArrayList<>(n);
    List<Integer> df = new ArrayList<>();
    for (String text : texts) {
      Map<Integer, Integer> tf = new HashMap<>();
      for (String t : tokens(text)) {
        int id = vocabulary.computeIfAbsent(t, k -> {
          df.add(0);
          return vocabulary.size();
        });
        tf.merge(id, 1, Integer::sum);
      }
      tf.keySet().forEach(id -> df.set(id, df.get(id) + 1));
      tfs.add(tf);
    }
    int v = vocabulary.size();
    double[] idf = new double[v];
    for (int t = 0; t < v; t++) {
      idf[t] = Math.log((1.0 + n) / (1.0 + df.get(t))) + 1.0;
    }
    // Unit-length vectors, features sorted by term id for merging.
    int[][] terms = new int[n][];
    double[][] weights = new double[n][];
    double[] maxWeight = new double[v];
    for (int i = 0; i < n; i++) {
      int[] ids = tfs.get(i).keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
      double[] w = new double[ids.length];
      double norm = 0;
      for (int k = 0; k < ids.length; k++) {
        w[k] = tfs.get(i).get(ids[k]) * idf[ids[k]];
        norm += w[k] * w[k];
      }
      norm = Math.sqrt(norm);
      for (int k = 0; k < ids.length; k++) {
        w[k] = norm == 0 ? 0 : w[k] / norm;
        maxWeight[ids[k]] = Math.max(maxWeight[ids[k]], w[k]);
      }
      terms[i] = ids;
      weights[i] = w;
    }
    tfs.clear();
    // All-Pairs (Bayardo, Ma and Srikant 2007): visit each vector's features from the most common
    // term to the rarest and index a feature only once the features skipped so far could not
    // reach the threshold against any vector. Two vectors at or above the threshold then always
    // share an indexed feature, so the result is exact while common words stay out of the index.
    Integer[] byDf = new Integer[v];
    for (int t = 0; t < v; t++) {
      byDf[t] = t;
    }
    Arrays.sort(byDf, (a, b) -> df.get(b) - df.get(a) != 0 ? df.get(b) - df.get(a) : a - b);
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
        double cosine = dot(terms[x], weights[x], terms[y], weights[y]);
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

  private static double dot(int[] ta, double[] wa, int[] tb, double[] wb) {
    double sum = 0;
    int i = 0;
    int j = 0;
    while (i < ta.length && j < tb.length) {
      if (ta[i] == tb[j]) {
        sum += wa[i++] * wb[j++];
      } else if (ta[i] < tb[j]) {
        i++;
      } else {
        j++;
      }
    }
    return sum;
  }
}
