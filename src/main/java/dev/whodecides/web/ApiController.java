package dev.whodecides.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whodecides.catalog.Catalog;
import dev.whodecides.decisions.Authority;
import dev.whodecides.decisions.DecisionMatrix;
import dev.whodecides.guarantees.VerifyReportReader;
import dev.whodecides.release.ReleaseGate;
import dev.whodecides.release.ReleasePolicy;
import dev.whodecides.report.AuthorityJson;
import dev.whodecides.report.ReleaseCheckJson;
import dev.whodecides.report.PeopleJson;
import dev.whodecides.rules.Finding;
import dev.whodecides.rules.Waived;
import dev.whodecides.store.Store;
import dev.whodecides.store.Verification;
import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.EntityRef;
import dev.whodecides.vocabulary.Kind;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The JSON API's handlers: each reads the request, asks the analysis or the store, and answers
 * with one of the {@link ApiBodies}. Routes are in {@link Routes}, documented in {@code openapi.json}.
 */
final class ApiController {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** How many lint runs {@code /api/lint-runs} answers with unless {@code limit} says otherwise, and at most. */
  static final int RUNS = 50;
  static final int MAX_RUNS = 10_000;

  private final Supplier<Analysis> analysis;
  private final Supplier<String> catalogError;
  private final Store store;
  private final Clock clock;
  private final Security security;

  ApiController(Supplier<Analysis> analysis, Supplier<String> catalogError, Store store, Clock clock,
      Security security) {
    this.analysis = analysis;
    this.catalogError = catalogError;
    this.store = store;
    this.clock = clock;
    this.security = security;
  }

  static void error(Context ctx, int status, String message) {
    ctx.status(status).json(new ApiBodies.ErrorBody(message, status));
  }

  void openApi(Context ctx) {
    ctx.contentType("application/json").result(OpenApi.document());
  }

  void status(Context ctx) {
    Analysis a = analysis.get();
    ctx.json(new ApiBodies.Status(a.catalog().size(), a.catalog().files(), a.lint().findings().size(),
        catalogError.get()));
  }

  /**
   * The lint JSON's shape ({@code findings}, {@code summary} of the whole catalog) a page at a time,
   * optionally only one rule's, one severity's or one entity's findings; {@code page} says where
   * the next page is.
   */
  void findings(Context ctx) {
    Analysis a = analysis.get();
    Paging paging = Paging.of(ctx);
    String rule = ctx.queryParam("rule");
    String severity = ctx.queryParam("severity");
    String entity = ctx.queryParam("entity");
    String state = ctx.queryParam("state");
    if (state != null && !Set.of("new", "unchanged", "waived").contains(state)) {
      throw new ApiError(400, "state must be new, unchanged or waived, not '" + state + "'");
    }
    if (state != null && !state.equals("waived") && a.lint().baseline() == null) {
      throw new ApiError(400, "state=" + state + " needs a baseline; start the service with serve --baseline FILE");
    }
    if (severity != null && !Set.of("error", "warning", "info").contains(severity)) {
      throw new ApiError(400, "severity must be error, warning or info, not '" + severity + "'");
    }
    List<Finding> all = "waived".equals(state) ? a.lint().waived().stream().map(Waived::finding).toList()
        : a.lint().findings();
    if (entity != null && !entity.isBlank()) {
      all = a.findingsAbout(entity, Kind.LOOKUP)
          .orElseThrow(() -> new ApiError(404, "entity '" + entity + "' is not in the catalog"));
    }
    List<Finding> matching = rule == null && severity == null && state == null ? all : all.stream()
        .filter(f -> rule == null || f.rule().equals(rule))
        .filter(f -> severity == null || f.severity().id().equals(severity))
        .filter(f -> state == null || state.equals("waived") || state.equals(a.lint().baselineState(f)))
        .toList();
    ctx.json(ApiBodies.Findings.of(paging.slice(matching), a.lint(), paging.describe(ctx, matching.size())));
  }

  void entities(Context ctx) {
    String kind = ctx.queryParam("kind");
    Catalog c = analysis.get().catalog();
    ctx.json((kind == null ? c.entities() : c.ofKind(kind)).stream().map(ApiBodies.EntitySummary::of).toList());
  }

  void entity(Context ctx) {
    Analysis a = analysis.get();
    EntityRef ref;
    try {
      ref = EntityRef.parse(ctx.pathParam("ref"), Kind.COMPONENT.id());
    } catch (IllegalArgumentException e) {
      throw new ApiError(400, e.getMessage());
    }
    var e = a.catalog().get(ref).orElseThrow(() -> new ApiError(404, ref + " is not in the catalog"));
    ctx.json(ApiBodies.EntityDetail.of(e, a.ownership(), a.findings()));
  }

  void matrix(Context ctx) {
    Analysis a = analysis.get();
    Paging paging = Paging.of(ctx);
    List<DecisionMatrix.Row> rows = a.matrix().rows();
    ctx.json(ApiBodies.Matrix.of(paging.slice(rows), a.findings(), paging.describe(ctx, rows.size())));
  }

  void people(Context ctx) {
    Analysis a = analysis.get();
    ctx.json(new ApiBodies.People(PeopleJson.people(a.people(), a.lint().analysis().knowledge())));
  }

  /** Whether a person may make a decision on an entity: 200 either way, the answer in {@code allowed}. */
  void authority(Context ctx) {
    Authority authority = Authority.of(analysis.get().ownership());
    try {
      ctx.json(AuthorityJson.may(authority.may(authority.user(ctx.queryParam("user")),
          Authority.decisionType(ctx.queryParam("decision")), authority.scope(ctx.queryParam("scope")))));
    } catch (Authority.BadQuery e) {
      throw new ApiError(e.unknown() ? 404 : 400, e.getMessage());
    }
  }

  /** Who holds each decision (or the one named) on an entity. */
  void who(Context ctx) {
    Authority authority = Authority.of(analysis.get().ownership());
    String decision = ctx.queryParam("decision");
    try {
      EntityRef scope = authority.scope(ctx.queryParam("scope"));
      ctx.json(AuthorityJson.who(scope, authority.holdings(scope, decision)));
    } catch (Authority.BadQuery e) {
      throw new ApiError(e.unknown() ? 404 : 400, e.getMessage());
    }
  }

  void recordRelease(Context ctx) {
    EntityRef caller = security.caller(ctx);
    JsonNode body;
    try {
      body = JSON.readTree(ctx.body());
    } catch (IOException e) {
      throw new ApiError(400, "the body is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
    var record = new ReleasePolicy(analysis.get().ownership(), clock).admit(ReleaseJson.request(body), caller);
    ctx.status(201).json(ReleaseCheckJson.record(store.append(record)));
  }

  void releases(Context ctx) {
    EntityRef ref = product(ctx.queryParam("product"), "/api/releases?product=REF");
    ctx.json(store.releases(ref.toString()).stream().map(ReleaseCheckJson::record).toList());
  }

  /** The release gate: whether a version may be deployed, 200 whether or not it may. */
  void releaseCheck(Context ctx) {
    String version = ctx.queryParam("version");
    if (version == null || version.isBlank()) {
      throw new ApiError(400, "name the version: /api/releases/check?product=REF&version=V");
    }
    EntityRef product = product(ctx.queryParam("product"), "/api/releases/check?product=REF&version=V");
    EntityRef owner = Authority.of(analysis.get().ownership()).who(product, DecisionType.RELEASE).owner();
    ctx.json(ReleaseCheckJson.check(ReleaseGate.check(product, version, store.releases(product.toString()), owner)));
  }

  private EntityRef product(String product, String usage) {
    if (product == null || product.isBlank()) {
      throw new ApiError(400, "name the product: " + usage);
    }
    Catalog c = analysis.get().catalog();
    return c.resolve(product, Kind.PRODUCTS)
        .filter(c::exists)
        .orElseThrow(() -> new ApiError(404, "product '" + product + "' is not in the catalog"));
  }

  void release(Context ctx) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new ApiError(400, "release id '" + ctx.pathParam("id") + "' is not a number");
    }
    ctx.json(ReleaseCheckJson.record(store.release(id).orElseThrow(() -> new ApiError(404, "no release record " + id))));
  }

  void lintRuns(Context ctx) {
    int limit = Paging.number(ctx, "limit", RUNS, 1, MAX_RUNS);
    // Analysing first puts the catalog as it is now on the trend; the analysis itself is not needed here.
    var unused = analysis.get();
    ctx.json(store.lintRuns(limit).stream().map(ApiBodies.Run::of).toList());
  }

  void verifications(Context ctx) {
    String contract = ctx.queryParam("contract");
    if (contract == null) {
      ctx.json(store.latestVerifications().stream().map(ApiBodies.VerificationBody::of).toList());
      return;
    }
    if (contract.isBlank()) {
      throw new ApiError(400, "name the contract by its id: /api/verifications?contract=ID");
    }
    List<Verification> history = store.verifications(contract);
    if (history.isEmpty() && analysis.get().catalog().contracts().stream().noneMatch(c -> contract.equals(c.id()))) {
      throw new ApiError(404, "contract '" + contract + "' is not in the catalog and has no verifications");
    }
    ctx.json(history.stream().map(ApiBodies.VerificationBody::of).toList());
  }

  void importVerifications(Context ctx) {
    security.caller(ctx);
    List<Verification> rows;
    try {
      rows = Verification.rows(VerifyReportReader.read(ctx.body()), clock.instant());
    } catch (VerifyReportReader.NotAReport e) {
      throw new ApiError(400, e.getMessage() + "; send what whodecides verify --format json prints");
    } catch (IllegalArgumentException e) {
      throw new ApiError(400, e.getMessage());
    }
    ctx.status(201).json(store.recordVerifications(rows).stream().map(ApiBodies.VerificationBody::of).toList());
  }
}
