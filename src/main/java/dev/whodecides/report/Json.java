package dev.whodecides.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.whodecides.knowledge.Citation;
import dev.whodecides.rules.Baseline;
import dev.whodecides.rules.Finding;
import dev.whodecides.rules.LintResult;
import dev.whodecides.rules.Severity;
import dev.whodecides.rules.Waived;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

  /** A finding of a run as the JSON contract gives it, with its baselineState when compared with a baseline. */
  public static Map<String, Object> finding(Finding f, LintResult r) {
    Map<String, Object> m = finding(f);
    String state = r.baselineState(f);
    if (state != null) {
      m.put("baselineState", state);
    }
    return m;
  }

  /** A waived finding: the finding, and the waiver that accepts it (never in a baseline, so no baselineState). */
  public static Map<String, Object> waived(Waived w) {
    Map<String, Object> m = finding(w.finding());
    Map<String, Object> waiver = new LinkedHashMap<>();
    waiver.put("reason", w.waiver().reason());
    waiver.put("by", w.waiver().by());
    waiver.put("until", w.waiver().until().toString());
    waiver.put("file", w.waiver().file());
    waiver.put("line", w.waiver().line());
    m.put("waiver", waiver);
    return m;
  }

  /** A finding as the JSON contract gives it. */
  public static Map<String, Object> finding(Finding f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rule", f.rule());
    m.put("severity", f.severity().id());
    m.put("entity", f.entity());
    m.put("file", f.file());
    m.put("line", f.line());
    m.put("column", f.column());
    m.put("message", f.message());
    Map<String, Object> rec = new LinkedHashMap<>();
    rec.put("role", f.recommendation().role());
    rec.put("action", f.recommendation().action());
    m.put("recommendation", rec);
    m.put("evidence", f.evidence().stream().map(Json::citation).toList());
    m.put("fingerprint", f.fingerprint());
    return m;
  }

  public static Map<String, Object> citation(Citation c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("source", c.source());
    m.put("guest", c.guest());
    m.put("episode", c.episode());
    m.put("from", c.from());
    m.put("to", c.to());
    m.put("url", c.url());
    return m;
  }

  /** The {@code summary} block of the lint JSON: counts over the whole catalog. */
  public static Map<String, Object> summary(LintResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("errors", r.count(Severity.ERROR));
    m.put("warnings", r.count(Severity.WARNING));
    m.put("infos", r.count(Severity.INFO));
    m.put("entities", r.entities());
    m.put("files", r.catalog().files());
    m.put("waived", r.waived().size());
    if (r.baseline() != null) {
      m.put("new", r.countBaseline(Baseline.NEW));
      m.put("unchanged", r.countBaseline(Baseline.UNCHANGED));
      m.put("absent", r.baseline().absent());
    }
    return m;
  }

  static List<Map<String, Object>> findings(List<Finding> findings) {
    return findings.stream().map(Json::finding).toList();
  }
}
