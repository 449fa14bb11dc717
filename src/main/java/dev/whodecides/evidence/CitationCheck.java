package dev.whodecides.evidence;

import dev.whodecides.knowledge.Citation;
import java.util.List;
import java.util.Locale;

/**
 * The verdict on one citation of one claim. {@code ranked}: the cited range overlaps one of the
 * episode's top passages for the claim's text. {@code sharedTerms}: the claim's key terms that
 * the cited range also uses. {@code best}: the passage search would cite instead (null when the
 * archive has nothing for the claim).
 */
public record CitationCheck(
    String claim, String claimText, Citation citation, Status status, boolean ranked, List<String> keyTerms,
    List<String> sharedTerms, List<String> problems, Passage best) {

  /** ok: supported by ranking; weak: only by shared key terms; broken: wrong or unsupported. */
  public enum Status {
    OK, WEAK, BROKEN;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
