package dev.whodecides.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * TF-IDF cosine similarity over short texts, computed exactly through an inverted index: only
 * pairs that share a term are ever scored, so the cost follows how many texts share words rather
 * than the square of their number.
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
    int[][] termIds = new int[n][];
    int[][] counts = new int[n][];
    List<Integer> df = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<Integer, Integer> tf = new HashMap<>();
      for (String t : tokens(texts.get(i))) {
        int id = vocabulary.computeIfAbsent(t, k -> {
          df.add(0);
          return vocabulary.size();
        });
        tf.merge(id, 1, Integer::sum);
      }
      termIds[i] = new int[tf.size()];
      counts[i] = new int[tf.size()];
      int k = 0;
      for (Map.Entry<Integer, Integer> e : tf.entrySet()) {
        termIds[i][k] = e.getKey();
        counts[i][k] = e.getValue();
        df.set(e.getKey(), df.get(e.getKey()) + 1);
        k++;
      }
    }
    int v = vocabulary.size();
    double[] idf = new double[v];
    for (int t = 0; t < v; t++) {
      idf[t] = Math.log((1.0 + n) / (1.0 + df.get(t))) + 1.0;
    }
    // Inverted index: for each term, the documents holding it and their normalised weights.
    int[][] postDocs = new int[v][];
    double[][] postWeights = new double[v][];
    int[] fill = new int[v];
    for (int t = 0; t < v; t++) {
      postDocs[t] = new int[df.get(t)];
      postWeights[t] = new double[df.get(t)];
    }
    double[][] weights = new double[n][];
    for (int i = 0; i < n; i++) {
      double[] w = new double[termIds[i].length];
      double norm = 0;
      for (int k = 0; k < w.length; k++) {
        w[k] = counts[i][k] * idf[termIds[i][k]];
        norm += w[k] * w[k];
      }
      norm = Math.sqrt(norm);
      for (int k = 0; k < w.length; k++) {
        w[k] = norm == 0 ? 0 : w[k] / norm;
        int t = termIds[i][k];
        postDocs[t][fill[t]] = i;
        postWeights[t][fill[t]++] = w[k];
      }
      weights[i] = w;
    }
    List<Pair> pairs = new ArrayList<>();
    double[] acc = new double[n];
    int[] touched = new int[n];
    for (int i = 0; i < n; i++) {
      int touchedCount = 0;
      for (int k = 0; k < termIds[i].length; k++) {
        int t = termIds[i][k];
        double wi = weights[i][k];
        int[] docs = postDocs[t];
        double[] ws = postWeights[t];
        // Postings are in document order; only later documents are scored, so each pair once.
        int start = Arrays.binarySearch(docs, i) + 1;
        for (int p = start; p < docs.length; p++) {
          int j = docs[p];
          if (acc[j] == 0) {
            touched[touchedCount++] = j;
          }
          acc[j] += wi * ws[p];
        }
      }
      for (int x = 0; x < touchedCount; x++) {
        int j = touched[x];
        if (acc[j] >= threshold - 1e-12) {
          pairs.add(new Pair(i, j, acc[j]));
        }
        acc[j] = 0;
      }
    }
    return pairs;
  }
}
