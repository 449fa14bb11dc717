package dev.whodecides.rules;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Groups texts whose TF-IDF cosine reaches a threshold, in time that grows about linearly with
 * their number: MinHash signatures over each text's words, locality-sensitive hashing in bands to
 * find candidate pairs, and the exact cosine ({@link TextSimilarity}) to confirm each candidate.
 * A candidate is only scored when its two texts are not yet in one cluster, so a large group of
 * copies costs about one comparison per member.
 *
 * <p>Parameters: {@value #BANDS} bands of {@value #ROWS} rows. Two texts whose word sets have
 * Jaccard similarity {@code s} become candidates with probability {@code 1 - (1 - s^3)^BANDS}:
 * 0.985 at s = 0.4, 0.94 at s = 0.35, 0.82 at s = 0.3; texts at cosine 0.5 or more usually share
 * more than that, and a pair missed directly is often still joined through a third text. Words in more than {@value #COMMON_SHARE} of the texts (and
 * more than {@value #COMMON_MIN} texts) are left out of the signatures: they weigh little in the
 * cosine and would only fill the buckets. The tests measure the recall against an exact all-pairs
 * search, which the rule itself never runs.
 */
public final class NearDuplicates {

  static final int BANDS = 64;
  static final int ROWS = 3;
  static final double COMMON_SHARE = 0.02;
  static final int COMMON_MIN = 200;
  /** Buckets larger than this are scored along a chain of neighbours only, so one hot word cannot go quadratic. */
  static final int BUCKET_CAP = 400;

  private NearDuplicates() {}

  /** A cluster id per text: texts with the same id describe the same work; singletons keep their own index. */
  public static int[] clusters(List<String> texts, double threshold) {
    TextSimilarity.Vectors vec = TextSimilarity.vectors(texts);
    int n = vec.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    int hashes = BANDS * ROWS;
    long[] seedsA = new long[hashes];
    long[] seedsB = new long[hashes];
    long s = 0x9E3779B97F4A7C15L;
    for (int h = 0; h < hashes; h++) {
      seedsA[h] = mix(s += 0x9E3779B97F4A7C15L) | 1;
      seedsB[h] = mix(s += 0x9E3779B97F4A7C15L);
    }
    long commonAbove = Math.max(COMMON_MIN, (long) (COMMON_SHARE * n));
    int v = vec.df().length;
    long[] termHash = new long[v];
    for (int t = 0; t < v; t++) {
      termHash[t] = mix(t + 0x632BE59BD9B4E019L);
    }
    long[][] signature = new long[n][];
    IntStream.range(0, n).parallel().forEach(i -> {
      int[] terms = vec.terms()[i];
      boolean anyRare = false;
      for (int t : terms) {
        anyRare |= vec.df()[t] <= commonAbove;
      }
      long[] sig = new long[hashes];
      Arrays.fill(sig, Long.MAX_VALUE);
      for (int t : terms) {
        if (anyRare && vec.df()[t] > commonAbove) {
          continue;
        }
        long base = termHash[t];
        for (int h = 0; h < hashes; h++) {
          long x = base * seedsA[h] + seedsB[h];
          x ^= x >>> 29;
          x *= 0xBF58476D1CE4E5B9L;
          x ^= x >>> 32;
          if (x < sig[h]) {
            sig[h] = x;
          }
        }
      }
      signature[i] = terms.length == 0 ? null : sig;
    });
    // Per band, sort (band key, text) packed in one long, the text in the low bits, and walk
    // runs of equal keys. Two different keys that agree in their high bits only add a candidate,
    // which the exact cosine then rejects.
    int bits = Math.max(1, 64 - Long.numberOfLeadingZeros(n));
    long low = (1L << bits) - 1;
    // Keys are computed and sorted for all bands in parallel; scoring stays sequential, because
    // it skips pairs already joined and that needs the clusters found so far.
    long[][] sortedBands = IntStream.range(0, BANDS).parallel().mapToObj(band -> {
      long[] packed = new long[n];
      int m = 0;
      for (int i = 0; i < n; i++) {
        if (signature[i] == null) {
          continue;
        }
        long k = band;
        for (int r = 0; r < ROWS; r++) {
          k = mix(k * 31 + signature[i][band * ROWS + r]);
        }
        packed[m++] = (k & ~low) | i;
      }
      packed = m == n ? packed : Arrays.copyOf(packed, m);
      Arrays.sort(packed);
      return packed;
    }).toArray(long[][]::new);
    int[] bucket = new int[n];
    for (long[] packed : sortedBands) {
      int m = packed.length;
      int start = 0;
      while (start < m) {
        int end = start + 1;
        long key = packed[start] & ~low;
        while (end < m && (packed[end] & ~low) == key) {
          end++;
        }
        if (end - start > 1) {
          for (int j = start; j < end; j++) {
            bucket[j - start] = (int) (packed[j] & low);
          }
          scoreBucket(vec, parent, bucket, end - start, threshold);
        }
        start = end;
      }
    }
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = find(parent, i);
    }
    return out;
  }

  private static void scoreBucket(TextSimilarity.Vectors vec, int[] parent, int[] members, int size,
      double threshold) {
    boolean capped = size > BUCKET_CAP;
    for (int x = 0; x < size; x++) {
      int a = members[x];
      int limit = capped ? Math.min(size, x + 2) : size;
      for (int y = x + 1; y < limit; y++) {
        int b = members[y];
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb && vec.cosine(a, b) >= threshold - 1e-12) {
          parent[ra] = rb;
        }
      }
    }
  }

  static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
