package dev.whodecides.report;

import dev.whodecides.rules.LintResult;
import dev.whodecides.rules.Severity;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --format json}: {@code {"findings":[...], "summary":{...}}}, a contract. */
public final class JsonFormatter implements Formatter {

  @Override
  public String format(LintResult r) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("errors", r.count(Severity.ERROR));
    summary.put("warnings", r.count(Severity.WARNING));
    summary.put("infos", r.count(Severity.INFO));
    summary.put("entities", r.entities());
    summary.put("files", r.catalog().files());
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("findings", Json.findings(r.findings()));
    root.put("summary", summary);
    return Json.write(root);
  }
}
