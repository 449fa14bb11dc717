package dev.whodecides.web;

import dev.whodecides.catalog.Entity;
import dev.whodecides.decisions.DecisionMatrix;
import dev.whodecides.decisions.Ownership;
import dev.whodecides.report.Json;
import dev.whodecides.rules.Finding;
import dev.whodecides.vocabulary.DecisionType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of entities, one entity's decisions, and the decision matrix. */
final class EntityJson {

  private EntityJson() {}

  static Map<String, Object> summary(Entity e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ref", e.ref().toString());
    m.put("kind", e.ref().kind());
    m.put("name", e.ref().name());
    m.put("title", e.title());
    m.put("file", e.file());
    m.put("line", e.line());
    return m;
  }

  static Map<String, Object> detail(Entity e, Ownership ownership, FindingIndex findings) {
    Map<String, Object> m = summary(e);
    m.put("spec", e.spec());
    List<Map<String, Object>> decisions = new ArrayList<>();
    for (DecisionType t : DecisionType.values()) {
      ownership.effective(e.ref(), t).ifPresent(eff -> {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("type", t.id());
        d.put("owner", eff.owner() == null ? null : eff.owner().toString());
        d.put("inheritedFrom", eff.inheritedFrom().toString());
        d.put("declaredAt", eff.declaration().source().where());
        decisions.add(d);
      });
    }
    m.put("decisions", decisions);
    m.put("findings", findings.about(e.ref().toString()).stream().map(Json::finding).toList());
    return m;
  }

  static Map<String, Object> matrix(List<DecisionMatrix.Row> matrixRows, FindingIndex findings) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (DecisionMatrix.Row row : matrixRows) {
      List<Finding> about = findings.about(row.product().ref().toString());
      List<Map<String, Object>> cells = new ArrayList<>();
      for (DecisionMatrix.Cell c : row.cells()) {
        Map<String, Object> cell = new LinkedHashMap<>();
        cell.put("type", c.type().id());
        cell.put("owner", c.owner() == null ? null : c.owner().toString());
        cell.put("inheritedFrom", c.inheritedFrom() == null ? null : c.inheritedFrom().toString());
        cell.put("declaredAt", c.declaration() == null ? null : c.declaration().source().where());
        cell.put("gap", c.gap());
        cell.put("role", c.type().role().id());
        cells.add(cell);
      }
      Map<String, Object> r = summary(row.product());
      r.put("lifecycle", row.product().text("lifecycle"));
      r.put("cells", cells);
      r.put("findings", about.stream().map(Json::finding).toList());
      rows.add(r);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("decisionTypes", java.util.Arrays.stream(DecisionType.values()).map(DecisionType::id).toList());
    m.put("rows", rows);
    return m;
  }
}
