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
    // Runs of letters and digits (Unicode categories L and N), scanned by hand: a regular
    // expression split was most of the time spent on large catalogs.
    String lower = text.toLowerCase(Locale.ROOT);
    int start = -1;
    for (int i = 0; i <= lower.length(); ) {
      int cp = i < lower.length() ? lower.codePointAt(i) : ' ';
      boolean word = i < lower.length() && wordChar(cp);
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        add(out, lower.substring(start, i));
        start = -1;
      }
      i += i < lower.length() ? Character.charCount(cp) : 1;
    }
    return out;
  }

  private static boolean wordChar(int cp) {
    return switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
      default -> false;
    };
  }

  private static void add(List<String> out, String raw) {
    if (raw.length() < 2 || STOP.contains(raw)) {
      return;
    }
    out.add(raw.length() > 3 && raw.endsWith("s") && !raw.endsWith("ss") ? raw.substring(0, raw.length() - 1) : raw);
  }

  /** Unit-length TF-IDF vectors of a list of texts, features sorted by term id. */
  record Vectors(int[][] terms, double[][] weights, int[] df, double[] maxWeight) {
    int size() {
      return terms.length;
    }

    double cosine(int a, int b) {
      return dot(terms[a], weights[a], terms[b], weights[b]);
    }
  }

  static Vectors vectors(List<String> texts) {
    int n = texts.size();
    List<List<String>> tokenized = texts.parallelStream().map(TextSimilarity::tokens).toList();
    Map<String, Integer> vocabulary = new HashMap<>();
    int[][] ids = new int[n][];
    int[] dfGrow = new int[16];
    for (int i = 0; i < n; i++) {
      List<String> tokens = tokenized.get(i);
      int[] doc = new int[tokens.size()];
      for (int k = 0; k < doc.length; k++) {
        Integer id = vocabulary.get(tokens.get(k));
        if (id == null) {
          id = vocabulary.size();
          vocabulary.put(tokens.get(k), id);
        }
        doc[k] = id;
      }
      Arrays.sort(doc);
      ids[i] = doc;
      for (int k = 0; k < doc.length; k++) {
        if (k == 0 || doc[k] != doc[k - 1]) {
          if (doc[k] >= dfGrow.length) {
            dfGrow = Arrays.copyOf(dfGrow, Math.max(dfGrow.length * 2, doc[k] + 1));
          }
          dfGrow[doc[k]]++;
        }
      }
    }
    int v = vocabulary.size();
    int[] df = Arrays.copyOf(dfGrow, v);
    double[] idf = new double[v];
    for (int t = 0; t < v; t++) {
      idf[t] = Math.log((1.0 + n) / (1.0 + df[t])) + 1.0;
    }
    int[][] terms = new int[n][];
    double[][] weights = new double[n][];
    double[] maxWeight = new double[v];
    for (int i = 0; i < n; i++) {
      int[] doc = ids[i];
      int distinct = 0;
      for (int k = 0; k < doc.length; k++) {
        if (k == 0 || doc[k] != doc[k - 1]) {
          distinct++;
        }
      }
      int[] t = new int[distinct];
      double[] w = new double[distinct];
      int j = -1;
      for (int k = 0; k < doc.length; k++) {
        if (k == 0 || doc[k] != doc[k - 1]) {
          t[++j] = doc[k];
        }
        w[j] += idf[doc[k]];
      }
      double norm = 0;
      for (double x : w) {
        norm += x * x;
      }
      norm = Math.sqrt(norm);
      for (int k = 0; k < distinct; k++) {
        w[k] = norm == 0 ? 0 : w[k] / norm;
        maxWeight[t[k]] = Math.max(maxWeight[t[k]], w[k]);
      }
      terms[i] = t;
      weights[i] = w;
      ids[i] = null;
    }
    return new Vectors(terms, weights, df, maxWeight);
  }

  /** Every pair of texts whose cosine is at least {@code threshold}, by brute force over all pairs. */
  public static List<Pair> allPairs(List<String> texts, double threshold) {
    Vectors vec = vectors(texts);
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
    Vectors vec = vectors(texts);
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

  static double dot(int[] ta, double[] wa, int[] tb, double[] wb) {
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
