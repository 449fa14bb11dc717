package dev.whodecides.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.whodecides.knowledge.Citation;
import dev.whodecides.rules.Baseline;
import dev.whodecides.rules.Finding;
import dev.whodecides.rules.LintResult;
import dev.whodecides.rules.Severity;
import dev.whodecides.rules.Waived;
import dev.whodecides.rules.Waiver;
import java.io.UncheckedIOException;
import java.util.List;

/** Shared JSON writing: one mapper, and the finding shape every JSON output uses. */
public final class Json {

  static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Json() {}

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The evidence behind a finding: a range of a podcast episode. */
  public record CitationJson(String source, String guest, String episode, String from, String to, String url) {}

  /** What to do about a finding, and the role that would do it. */
  public record RecommendationJson(String role, String action) {}

  /** One place that names a finding's subject: the entity and field holding it, and where. */
  public record PlaceJson(String entity, String field, String file, int line, int column) {}

  /** The waiver that accepts a finding, and where in the configuration it is written. */
  public record WaiverJson(String reason, String by, String until, String file, int line) {}

  /**
   * A finding as the JSON contract gives it, fields in this order. {@code baselineState} is there when the run
   * was compared with a baseline, {@code waiver} only on a waived finding, {@code places} only on a finding
   * about something many places name (every one of them, the finding's own first).
   */
  public record FindingJson(String rule, String severity, String entity, String file, int line, int column,
      String message, RecommendationJson recommendation, List<CitationJson> evidence,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<PlaceJson> places, String fingerprint,
      @JsonInclude(JsonInclude.Include.NON_NULL) String baselineState,
      @JsonInclude(JsonInclude.Include.NON_NULL) WaiverJson waiver) {}

  /** The {@code summary} block: counts over the whole catalog; the last three only when there is a baseline. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record SummaryJson(long errors, long warnings, long infos, int entities, int files, int waived,
      @JsonProperty("new") Long newFindings, Long unchanged, Long absent) {}

  /** A finding of a run as the JSON contract gives it, with its baselineState when compared with a baseline. */
  public static FindingJson finding(Finding f, LintResult r) {
    return finding(f, r.baselineState(f), null);
  }

  /** A waived finding: the finding, and the waiver that accepts it (never in a baseline, so no baselineState). */
  public static FindingJson waived(Waived w) {
    Waiver v = w.waiver();
    return finding(w.finding(), null, new WaiverJson(v.reason(), v.by(), v.until().toString(), v.file(), v.line()));
  }

  /** A finding as the JSON contract gives it. */
  public static FindingJson finding(Finding f) {
    return finding(f, null, null);
  }

  private static FindingJson finding(Finding f, String baselineState, WaiverJson waiver) {
    return new FindingJson(f.rule(), f.severity().id(), f.entity(), f.file(), f.line(), f.column(), f.message(),
        new RecommendationJson(f.recommendation().role(), f.recommendation().action()),
        f.evidence().stream().map(Json::citation).toList(),
        f.places().stream().map(p -> new PlaceJson(p.entity(), p.field(), p.file(), p.line(), p.column())).toList(),
        f.fingerprint(), baselineState, waiver);
  }

  public static CitationJson citation(Citation c) {
    return new CitationJson(c.source(), c.guest(), c.episode(), c.from(), c.to(), c.url());
  }

  /** The {@code summary} block of the lint JSON: counts over the whole catalog. */
  public static SummaryJson summary(LintResult r) {
    boolean compared = r.baseline() != null;
    return new SummaryJson(r.count(Severity.ERROR), r.count(Severity.WARNING), r.count(Severity.INFO), r.entities(),
        r.catalog().files(), r.waived().size(), compared ? r.countBaseline(Baseline.NEW) : null,
        compared ? r.countBaseline(Baseline.UNCHANGED) : null, compared ? (long) r.baseline().absent() : null);
  }
}
