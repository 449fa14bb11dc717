package dev.whodecides.pages;

import dev.whodecides.knowledge.Knowledge.Claim;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Chooses which of a card's claims back one of its sentences. Role cards cite their claims as a
 * whole, so for each field (what it decides, what goes wrong, the signal) the page cites the
 * claims that share the most content words with that sentence, each word weighted by how rare it
 * is among the candidates (so "data" counts for little), falling back to the card's first claim.
 * Words are compared by their first five letters, which is enough to match "decide" with
 * "decision" and "ship" with "shipping" without a real stemmer.
 */
final class Support {

  private static final Set<String> STOP = Set.of(
      "about", "after", "again", "also", "being", "between", "cannot", "could", "does", "each",
      "every", "from", "have", "into", "more", "nobody", "once", "only", "other", "over", "same",
      "should", "some", "such", "than", "that", "their", "them", "then", "there", "these", "they",
      "this", "those", "through", "what", "when", "where", "whether", "which", "while", "with",
      "without", "would", "your");

  private Support() {}

  /** Up to {@code max} claims from {@code candidates} that best support {@code statement}; never empty. */
  static List<Claim> pick(String statement, List<Claim> candidates, int max) {
    if (candidates.isEmpty()) {
      return List.of();
    }
    Set<String> words = stems(statement);
    List<Set<String>> texts = candidates.stream().map(c -> stems(c.text())).toList();
    Map<String, Integer> df = new HashMap<>();
    texts.forEach(t -> t.forEach(w -> df.merge(w, 1, Integer::sum)));
    record Scored(Claim claim, double score, int order) {}
    List<Scored> scored = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      double score = 0;
      for (String w : texts.get(i)) {
        if (words.contains(w)) {
          score += Math.log(1.0 + (double) candidates.size() / df.get(w));
        }
      }
      scored.add(new Scored(candidates.get(i), score, i));
    }
    scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparingInt(Scored::order));
    double best = scored.get(0).score();
    if (best == 0) {
      return List.of(candidates.get(0));
    }
    List<Claim> out = new ArrayList<>();
    for (Scored s : scored) {
      // a second claim only when it supports the sentence about as well as the first
      if (out.size() < max && s.score() > 0 && s.score() * 1.5 >= best) {
        out.add(s.claim());
      }
    }
    return out;
  }

  static Set<String> stems(String text) {
    Set<String> out = new HashSet<>();
    for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
      if (w.length() >= 4 && !STOP.contains(w)) {
        out.add(w.length() > 5 ? w.substring(0, 5) : w);
      }
    }
    return out;
  }
}
