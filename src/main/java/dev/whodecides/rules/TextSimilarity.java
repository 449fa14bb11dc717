package dev.whodecides.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * TF-IDF vectors of short texts and their cosine, the similarity {@link NearDuplicates} confirms
 * its candidate pairs with.
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
  // Parallel primitive arrays keep a million vectors compact; the record is never compared or hashed.
  @SuppressWarnings("ArrayRecordComponent")
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
