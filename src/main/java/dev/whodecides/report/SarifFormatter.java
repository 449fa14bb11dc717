package dev.whodecides.report;

import dev.whodecides.knowledge.Citation;
import dev.whodecides.knowledge.Knowledge;
import dev.whodecides.rules.BuiltInRules;
import dev.whodecides.rules.Finding;
import dev.whodecides.rules.LintResult;
import dev.whodecides.rules.Place;
import dev.whodecides.rules.RuleDescriptor;
import dev.whodecides.rules.Severity;
import dev.whodecides.rules.Waived;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --format sarif}: SARIF 2.1.0 as GitHub code scanning reads it, so findings show up as
 * annotations on the pull request lines that caused them.
 */
public final class SarifFormatter implements Formatter {

  private final String docsBase;
  private final String version;

  public SarifFormatter(String docsBase, String version) {
    this.docsBase = docsBase;
    this.version = version;
  }

  @Override
  public String format(LintResult r) {
    Knowledge k = r.analysis().knowledge();
    List<Map<String, Object>> rules = new ArrayList<>();
    Map<String, Integer> index = new HashMap<>();
    for (RuleDescriptor d : BuiltInRules.descriptors()) {
      index.put(d.id(), rules.size());
      String why = k.rule(d.id()).map(Knowledge.RuleCard::why).orElse(d.summary());
      StringBuilder help = new StringBuilder(why.strip());
      List<Citation> evidence = d.evidence(k);
      StringBuilder helpMd = new StringBuilder(why.strip()).append(evidence.isEmpty() ? "\n" : "\n\nEvidence:\n");
      for (Citation c : evidence) {
        help.append("\nEvidence: ").append(c.label()).append(' ').append(c.url());
        helpMd.append("- [").append(c.label()).append("](").append(c.url()).append(")\n");
      }
      Map<String, Object> rule = new LinkedHashMap<>();
      rule.put("id", d.id());
      rule.put("name", pascal(d.id()));
      rule.put("shortDescription", Map.of("text", d.summary()));
      rule.put("fullDescription", Map.of("text", why.strip()));
      rule.put("help", Map.of("text", help.toString(), "markdown", helpMd.toString()));
      rule.put("helpUri", docsBase + d.id() + ".md");
      rule.put("defaultConfiguration", Map.of("level", level(d.severity())));
      Map<String, Object> props = new LinkedHashMap<>();
      props.put("tags", d.role() == null ? List.of("decision-rights") : List.of("decision-rights", d.role()));
      rule.put("properties", props);
      rules.add(rule);
    }
    List<Map<String, Object>> results = new ArrayList<>();
    for (Finding f : r.findings()) {
      results.add(result(f, r.baselineState(f), index));
    }
    for (Waived w : r.waived()) {
      // No baselineState: a waived finding is kept out of baselines, so it is neither new nor unchanged.
      Map<String, Object> result = result(w.finding(), null, index);
      // GitHub code scanning closes an alert whose result carries an accepted suppression.
      Map<String, Object> suppression = new LinkedHashMap<>();
      suppression.put("kind", "external");
      suppression.put("status", "accepted");
      suppression.put("justification", w.waiver().reason());
      result.put("suppressions", List.of(suppression));
      results.add(result);
    }
    Map<String, Object> driver = new LinkedHashMap<>();
    driver.put("name", "whodecides");
    driver.put("version", version);
    driver.put("semanticVersion", version.replace("-SNAPSHOT", ""));
    driver.put("informationUri", docsBase.replaceAll("docs/rules/$", ""));
    driver.put("rules", rules);
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("tool", Map.of("driver", driver));
    run.put("originalUriBaseIds", Map.of("%SRCROOT%", Map.of("description", Map.of("text", "The repository root"))));
    run.put("results", results);
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    root.put("version", "2.1.0");
    root.put("runs", List.of(run));
    return Json.write(root);
  }

  private static Map<String, Object> result(Finding f, String state, Map<String, Integer> index) {
    Map<String, Object> location = location(f.file(), f.line(), f.column(), f.entity());
    String text = f.message() + " Recommendation: "
        + (f.recommendation().role() == null ? "" : f.recommendation().role() + ": ") + f.recommendation().action();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("ruleId", f.rule());
    result.put("ruleIndex", index.getOrDefault(f.rule(), 0));
    result.put("level", level(f.severity()));
    result.put("message", Map.of("text", text));
    result.put("locations", List.of(location));
    if (!f.places().isEmpty()) {
      // Every place that names the finding's subject, the first being the result's own location.
      List<Map<String, Object>> related = new ArrayList<>();
      for (Place p : f.places()) {
        Map<String, Object> at = location(p.file(), p.line(), p.column(), p.entity());
        at.put("id", related.size());
        at.put("message", Map.of("text", p.field() + " of " + p.entity()));
        related.add(at);
      }
      result.put("relatedLocations", related);
    }
    // v2: the finding's own fingerprint (rule, entity, subject), which survives rewording.
    result.put("partialFingerprints", Map.of("whodecidesFinding/v2", f.fingerprint()));
    if (state != null) {
      result.put("baselineState", state);
    }
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("recommendedRole", f.recommendation().role());
    props.put("evidence", f.evidence().stream().map(Json::citation).toList());
    result.put("properties", props);
    return result;
  }

  private static Map<String, Object> location(String file, int line, int column, String entity) {
    Map<String, Object> region = new LinkedHashMap<>();
    region.put("startLine", line);
    region.put("startColumn", column);
    Map<String, Object> artifact = new LinkedHashMap<>();
    artifact.put("uri", file);
    artifact.put("uriBaseId", "%SRCROOT%");
    Map<String, Object> physical = new LinkedHashMap<>();
    physical.put("artifactLocation", artifact);
    physical.put("region", region);
    Map<String, Object> location = new LinkedHashMap<>();
    location.put("physicalLocation", physical);
    if (entity != null) {
      location.put("logicalLocations", List.of(Map.of("fullyQualifiedName", entity, "kind", "object")));
    }
    return location;
  }

  static String level(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }

  private static String pascal(String id) {
    StringBuilder b = new StringBuilder();
    for (String part : id.split("-")) {
      b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return b.toString();
  }
}
