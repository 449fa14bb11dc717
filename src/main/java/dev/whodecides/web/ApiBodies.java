package dev.whodecides.web;

import dev.whodecides.rules.Waived;
import dev.whodecides.rules.LintResult;
import java.util.IdentityHashMap;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whodecides.catalog.Entity;
import dev.whodecides.decisions.DecisionMatrix;
import dev.whodecides.decisions.Ownership;
import dev.whodecides.report.Json;
import dev.whodecides.report.PeopleJson;
import dev.whodecides.rules.Finding;
import dev.whodecides.store.LintRun;
import dev.whodecides.store.Verification;
import dev.whodecides.vocabulary.DecisionType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The JSON bodies the API answers with, as records Jackson writes field by field in the order
 * declared here; {@code openapi.json} describes the same shapes.
 */
final class ApiBodies {

  private ApiBodies() {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Every refusal and failure: {@code {"error": "...", "status": 400}}. */
  record ErrorBody(String error, int status) {}

  /** Where a page of a long list starts, its size, the total, and the address of the next page. */
  record Page(int offset, int limit, int total, String next) {}

  /** {@code GET /api/findings}: the lint JSON's shape a page at a time. */
  record Findings(List<Json.FindingJson> findings, Json.SummaryJson summary, Page page) {

    static Findings of(List<Finding> page, LintResult lint, Page where) {
      // A waived finding is shown with its waiver; the others with their baselineState when there is a baseline.
      IdentityHashMap<Finding, Waived> waived = new IdentityHashMap<>();
      lint.waived().forEach(w -> waived.put(w.finding(), w));
      return new Findings(page.stream().map(f -> waived.containsKey(f) ? Json.waived(waived.get(f))
          : Json.finding(f, lint)).toList(), Json.summary(lint), where);
    }
  }

  record Status(int entities, int files, int findings, String catalogError) {}

  record People(List<PeopleJson.PersonJson> people) {}

  /** One entity in a list. */
  record EntitySummary(String ref, String kind, String name, String title, String file, int line) {

    static EntitySummary of(Entity e) {
      return new EntitySummary(e.ref().toString(), e.ref().kind(), e.ref().name(), e.title(), e.file(), e.line());
    }
  }

  /** One decision type's effective owner of an entity, and where it is declared. */
  record Decision(String type, String owner, String inheritedFrom, String declaredAt) {}

  /** One entity in full: its spec, its effective decisions and the findings about it. */
  record EntityDetail(String ref, String kind, String name, String title, String file, int line,
      Map<String, Object> spec, List<Decision> decisions, List<Json.FindingJson> findings) {

    static EntityDetail of(Entity e, Ownership ownership, FindingIndex findings) {
      List<Decision> decisions = new ArrayList<>();
      for (DecisionType t : DecisionType.values()) {
        ownership.effective(e.ref(), t).ifPresent(eff -> decisions.add(new Decision(t.id(),
            eff.owner() == null ? null : eff.owner().toString(), eff.inheritedFrom().toString(),
            eff.declaration().source().where())));
      }
      return new EntityDetail(e.ref().toString(), e.ref().kind(), e.ref().name(), e.title(), e.file(), e.line(),
          e.spec(), decisions, findings.about(e.ref().toString()).stream().map(Json::finding).toList());
    }
  }

  /** {@code GET /api/matrix}: the decision types as columns, a page of products as rows. */
  record Matrix(List<String> decisionTypes, List<MatrixRow> rows, Page page) {

    static Matrix of(List<DecisionMatrix.Row> rows, FindingIndex findings, Page page) {
      return new Matrix(Arrays.stream(DecisionType.values()).map(DecisionType::id).toList(),
          rows.stream().map(r -> MatrixRow.of(r, findings)).toList(), page);
    }
  }

  record MatrixRow(String ref, String kind, String name, String title, String file, int line, String lifecycle,
      List<Cell> cells, List<Json.FindingJson> findings) {

    static MatrixRow of(DecisionMatrix.Row row, FindingIndex findings) {
      Entity e = row.product();
      return new MatrixRow(e.ref().toString(), e.ref().kind(), e.ref().name(), e.title(), e.file(), e.line(),
          e.text("lifecycle"), row.cells().stream().map(Cell::of).toList(),
          findings.about(e.ref().toString()).stream().map(Json::finding).toList());
    }
  }

  record Cell(String type, String owner, String inheritedFrom, String declaredAt, boolean gap, String role) {

    static Cell of(DecisionMatrix.Cell c) {
      return new Cell(c.type().id(), c.owner() == null ? null : c.owner().toString(),
          c.inheritedFrom() == null ? null : c.inheritedFrom().toString(),
          c.declaration() == null ? null : c.declaration().source().where(), c.gap(), c.type().role().id());
    }
  }

  /** One point of the findings trend. */
  record Run(long id, String recordedAt, String source, String fingerprint, int entities, int files, long errors,
      long warnings, long infos, long findings, Map<String, Long> byRule) {

    static Run of(LintRun r) {
      return new Run(r.id(), r.recordedAt().toString(), r.source(), r.fingerprint(), r.entities(), r.files(),
          r.errors(), r.warnings(), r.infos(), r.findings(), r.byRule());
    }
  }

  /** One contract's imported results, with its checks as {@code verify --format json} printed them. */
  record VerificationBody(long id, String importedAt, String contract, String file, String server, long passed,
      long failed, long errors, long warnings, JsonNode checks) {

    static VerificationBody of(Verification v) {
      JsonNode checks;
      try {
        checks = JSON.readTree(v.result()).path("checks");
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("verification " + v.id() + " holds a result that is not JSON", e);
      }
      return new VerificationBody(v.id(), v.importedAt().toString(), v.contract(), v.file(), v.server(), v.passed(),
          v.failed(), v.errors(), v.warnings(), checks.isArray() ? checks : JSON.createArrayNode());
    }
  }
}
