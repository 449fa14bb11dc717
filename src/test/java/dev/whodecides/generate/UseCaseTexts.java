package dev.whodecides.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Synthetic use-case texts for measuring duplicate detection: words drawn from a Zipf-shaped
 * vocabulary, like real prose, and a share of texts planted as rewordings of an earlier one
 * (most words kept, some replaced, a few added), some close and some borderline.
 */
public final class UseCaseTexts {

  private static final String[] SYLLABLES = {
      "ka", "lo", "mi", "ne", "ru", "ta", "vo", "zi", "pe", "do", "gu", "ha", "jo", "li", "ma", "no", "po",
      "ri", "te", "ve", "ba", "ce", "fi", "go", "hu", "ke", "la", "mo", "nu", "pi", "ro", "tu", "we", "xa"};

  private final Random random;
  private final String[] vocabulary;
  private final double[] cumulative;

  public UseCaseTexts(long seed, int vocabularySize) {
    this.random = new Random(seed);
    this.vocabulary = new String[vocabularySize];
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < vocabularySize; i++) {
      String w;
      do {
        StringBuilder b = new StringBuilder();
        int syllables = 2 + random.nextInt(3);
        for (int k = 0; k < syllables; k++) {
          b.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        w = b.toString();
      } while (!seen.add(w));
      vocabulary[i] = w;
    }
    cumulative = new double[vocabularySize];
    double sum = 0;
    for (int i = 0; i < vocabularySize; i++) {
      sum += 1.0 / (i + 1);
      cumulative[i] = sum;
    }
    for (int i = 0; i < vocabularySize; i++) {
      cumulative[i] /= sum;
    }
  }

  /** {@code n} texts of which about {@code plantedShare} are rewordings of an earlier text. */
  public List<String> texts(int n, double plantedShare) {
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      if (i > 0 && random.nextDouble() < plantedShare) {
        String original = out.get(random.nextInt(i));
        out.add(reword(original, random.nextDouble() < 0.7 ? 0.85 : 0.6));
      } else {
        int length = 14 + random.nextInt(15);
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < length; k++) {
          b.append(k == 0 ? "" : " ").append(word());
        }
        out.add(b.toString());
      }
    }
    return out;
  }

  private String reword(String text, double keep) {
    StringBuilder b = new StringBuilder();
    for (String w : text.split(" ")) {
      b.append(b.length() == 0 ? "" : " ").append(random.nextDouble() < keep ? w : word());
    }
    for (int extra = random.nextInt(4); extra > 0; extra--) {
      b.append(' ').append(word());
    }
    return b.toString();
  }

  private String word() {
    int i = Arrays.binarySearch(cumulative, random.nextDouble());
    return vocabulary[Math.min(vocabulary.length - 1, i < 0 ? -i - 1 : i)];
  }
}
