package dev.whodecides.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.whodecides.evidence.Hit;
import dev.whodecides.evidence.Passage;
import dev.whodecides.knowledge.Times;
import java.util.List;

/**
 * Passages of the podcast archive as {@code evidence --format json}, {@code kb suggest --format json} and
 * the MCP tool {@code search_evidence} give them: one shape for all.
 */
public final class EvidenceJson {

  private EvidenceJson() {}

  /** One passage, fields in this order: the {@code evidence} contract. Times are {@code M:SS} or {@code H:MM:SS}. */
  public record PassageJson(String episode, String title, @JsonProperty("short") String shortTitle,
      List<String> guests, List<String> speakers, String chapter, String from, String to, String text, String url) {}

  /** The {@code evidence} answer: the best passages first. */
  public record HitsJson(List<PassageJson> hits) {}

  /** A passage proposed as a citation, with its search score after the passage's own fields. */
  public record SuggestionJson(@JsonUnwrapped PassageJson passage, float score) {}

  /** The {@code kb suggest} answer. */
  public record SuggestionsJson(List<SuggestionJson> suggestions) {}

  public static PassageJson passage(Passage p) {
    return new PassageJson(p.slug(), p.title(), p.shortTitle(), p.guests(), p.speakers(), p.chapter(),
        Times.format(p.from()), Times.format(p.to()), p.text(), p.url());
  }

  public static HitsJson hits(List<Hit> hits) {
    return new HitsJson(hits.stream().map(h -> passage(h.passage())).toList());
  }

  public static SuggestionsJson suggestions(List<Hit> hits) {
    return new SuggestionsJson(hits.stream().map(h -> new SuggestionJson(passage(h.passage()), h.score())).toList());
  }
}
