package dev.whodecides.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whodecides.catalog.Catalog;
import dev.whodecides.release.Refusal;
import dev.whodecides.release.ReleasePolicy;
import dev.whodecides.release.ReleaseRecord;
import dev.whodecides.rules.Finding;
import dev.whodecides.rules.LintOptions;
import dev.whodecides.rules.LintResult;
import dev.whodecides.rules.Linter;
import dev.whodecides.guarantees.VerifyReportReader;
import dev.whodecides.store.LintRun;
import dev.whodecides.store.Store;
import dev.whodecides.store.Verification;
import dev.whodecides.vocabulary.EntityRef;
import dev.whodecides.vocabulary.Kind;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The whodecides service: the REST API over the catalog and the store. Built from its parts so a
 * test can start it whole; handlers only translate HTTP to calls on the domain and the store.
 */
public final class ServiceApp {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Supplier<Catalog> catalog;
  private final Store store;
  private final Clock clock;
  private final boolean privateReads;
  private volatile Analysis analysis;

  public ServiceApp(Supplier<Catalog> catalog, Store store, Clock clock) {
    this(catalog, store, clock, false);
  }

  /** With {@code privateReads}, reading needs a bearer token too. */
  public ServiceApp(Supplier<Catalog> catalog, Store store, Clock clock, boolean privateReads) {
    this.catalog = catalog;
    this.store = store;
    this.clock = clock;
    this.privateReads = privateReads;
  }

  public Javalin create() {
    return Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.routes.post("/api/releases", this::recordRelease);
      config.routes.get("/api/releases", this::listReleases);
      config.routes.get("/api/releases/{id}", this::oneRelease);
      config.routes.get("/api/findings", this::findings);
      config.routes.get("/api/entities", this::entities);
      config.routes.get("/api/entities/{ref}", this::entity);
      config.routes.get("/api/matrix", this::matrix);
      config.routes.get("/api/people", this::people);
      config.routes.get("/api/status", this::status);
      config.routes.get("/api/lint-runs", this::lintRuns);
      config.routes.get("/api/verifications", this::verifications);
      config.routes.post("/api/verifications", this::importVerifications);
      config.routes.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(OpenApi.document()));
      if (privateReads) {
        config.routes.before("/api/*", ctx -> {
          if (!ctx.method().name().equals("POST") && !ctx.path().equals("/api/openapi.json")) {
            caller(ctx);
          }
        });
      }
      new WebUi(this::analysis, () -> catalog instanceof CatalogSource s ? s.lastError() : null, store, clock,
          privateReads).routes(config);
      config.routes.exception(ApiError.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
      config.routes.exception(Refusal.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
    });
  }

  /** Analyses the catalog now, so the first request does not wait for it. */
  public void prepare() {
    analysis();
  }

  Analysis analysis() {
    Catalog current = catalog.get();
    Analysis a = analysis;
    if (a != null && a.catalog() == current) {
      return a;
    }
    // One analysis per catalog: requests that arrive while it is built wait for it rather than
    // each linting the same catalog again.
    synchronized (this) {
      a = analysis;
      if (a == null || a.catalog() != current) {
        LintResult lint = Linter.lint(current, LintOptions.defaults());
        a = new Analysis(current, lint);
        analysis = a;
        recordRun(lint);
      }
      return a;
    }
  }

  private void recordRelease(Context ctx) {
    EntityRef caller = caller(ctx);
    JsonNode body;
    try {
      body = JSON.readTree(ctx.body());
    } catch (IOException e) {
      throw new ApiError(400, "the body is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
    ReleaseRecord record = new ReleasePolicy(analysis().ownership(), clock).admit(ReleaseJson.request(body), caller);
    ctx.status(201).json(ReleaseJson.record(store.append(record)));
  }

  private void listReleases(Context ctx) {
    String product = ctx.queryParam("product");
    if (product == null || product.isBlank()) {
      throw new ApiError(400, "name the product: /api/releases?product=REF");
    }
    Catalog c = analysis().catalog();
    EntityRef ref = c.resolve(product, Kind.PRODUCTS)
        .filter(c::exists)
        .orElseThrow(() -> new ApiError(404, "product '" + product + "' is not in the catalog"));
    ctx.json(store.releases(ref.toString()).stream().map(ReleaseJson::record).toList());
  }

  private void oneRelease(Context ctx) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new ApiError(400, "release id '" + ctx.pathParam("id") + "' is not a number");
    }
    ctx.json(ReleaseJson.record(store.release(id).orElseThrow(() -> new ApiError(404, "no release record " + id))));
  }

  /**
   * The lint JSON's shape ({@code findings}, {@code summary} of the whole catalog) a page at a time,
   * optionally only one rule's, one severity's or one entity's findings; {@code page} says where
   * the next page is.
   */
  private void findings(Context ctx) {
    Analysis a = analysis();
    Paging paging = Paging.of(ctx);
    String rule = ctx.queryParam("rule");
    String severity = ctx.queryParam("severity");
    String entity = ctx.queryParam("entity");
    if (severity != null && !java.util.Set.of("error", "warning", "info").contains(severity)) {
      throw new ApiError(400, "severity must be error, warning or info, not '" + severity + "'");
    }
    List<Finding> all = a.lint().findings();
    if (entity != null && !entity.isBlank()) {
      Catalog c = a.catalog();
      EntityRef ref;
      try {
        ref = c.resolve(entity.strip(), Kind.LOOKUP).filter(c::exists).orElse(null);
      } catch (IllegalArgumentException e) {
        ref = null;
      }
      // A finding may be about an entity the catalog could not take (invalid-entity): match its text too.
      all = a.findings().about(ref != null ? ref.toString() : entity.strip());
      if (ref == null && all.isEmpty()) {
        throw new ApiError(404, "entity '" + entity + "' is not in the catalog");
      }
    }
    List<Finding> matching = rule == null && severity == null ? all : all.stream()
        .filter(f -> rule == null || f.rule().equals(rule))
        .filter(f -> severity == null || f.severity().id().equals(severity))
        .toList();
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("findings", matching.subList(Math.min(paging.offset(), matching.size()), paging.end(matching.size())).stream()
        .map(dev.whodecides.report.Json::finding).toList());
    m.put("summary", dev.whodecides.report.Json.summary(a.lint()));
    m.put("page", paging.describe(ctx, matching.size()));
    ctx.json(m);
  }

  private void entities(Context ctx) {
    String kind = ctx.queryParam("kind");
    Catalog c = analysis().catalog();
    List<Map<String, Object>> out = new java.util.ArrayList<>();
    for (var e : kind == null ? c.entities() : c.ofKind(kind)) {
      out.add(EntityJson.summary(e));
    }
    ctx.json(out);
  }

  private void entity(Context ctx) {
    Analysis a = analysis();
    EntityRef ref;
    try {
      ref = EntityRef.parse(ctx.pathParam("ref"), Kind.COMPONENT.id());
    } catch (IllegalArgumentException e) {
      throw new ApiError(400, e.getMessage());
    }
    var e = a.catalog().get(ref).orElseThrow(() -> new ApiError(404, ref + " is not in the catalog"));
    ctx.json(EntityJson.detail(e, a.ownership(), a.findings()));
  }

  private void matrix(Context ctx) {
    Analysis a = analysis();
    Paging paging = Paging.of(ctx);
    List<dev.whodecides.decisions.DecisionMatrix.Row> rows = a.matrix().rows();
    Map<String, Object> m = EntityJson.matrix(
        rows.subList(Math.min(paging.offset(), rows.size()), paging.end(rows.size())), a.findings());
    m.put("page", paging.describe(ctx, rows.size()));
    ctx.json(m);
  }

  private void people(Context ctx) {
    Analysis a = analysis();
    ctx.json(Map.of("people", dev.whodecides.report.PeopleJson.people(a.people(), a.lint().analysis().knowledge())));
  }

  private void status(Context ctx) {
    Analysis a = analysis();
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("entities", a.catalog().size());
    m.put("files", a.catalog().files());
    m.put("findings", a.lint().findings().size());
    m.put("catalogError", catalog instanceof CatalogSource s ? s.lastError() : null);
    ctx.json(m);
  }

  /** Adds a changed catalog's lint run to the trend; the store failing never fails a read. */
  private void recordRun(LintResult lint) {
    if (lint.catalog().hasFatalProblems()) {
      return;
    }
    try {
      store.recordLintRunIfChanged(LintRun.of(lint, LintRun.SERVE, clock.instant()));
    } catch (RuntimeException e) {
      System.err.println("whodecides: could not record the lint run in the store (" + e.getMessage() + ")");
    }
  }

  private void lintRuns(Context ctx) {
    int limit = Paging.number(ctx, "limit", RunJson.DEFAULT_LIMIT, 1, RunJson.MAX_LIMIT);
    analysis(); // so that the catalog as it is now is on the trend
    ctx.json(store.lintRuns(limit).stream().map(RunJson::lintRun).toList());
  }

  private void verifications(Context ctx) {
    String contract = ctx.queryParam("contract");
    if (contract == null) {
      ctx.json(store.latestVerifications().stream().map(RunJson::verification).toList());
      return;
    }
    if (contract.isBlank()) {
      throw new ApiError(400, "name the contract by its id: /api/verifications?contract=ID");
    }
    List<Verification> history = store.verifications(contract);
    if (history.isEmpty() && analysis().catalog().contracts().stream().noneMatch(c -> contract.equals(c.id()))) {
      throw new ApiError(404, "contract '" + contract + "' is not in the catalog and has no verifications");
    }
    ctx.json(history.stream().map(RunJson::verification).toList());
  }

  private void importVerifications(Context ctx) {
    caller(ctx);
    List<Verification> rows;
    try {
      rows = Verification.rows(VerifyReportReader.read(ctx.body()), clock.instant());
    } catch (VerifyReportReader.NotAReport e) {
      throw new ApiError(400, e.getMessage() + "; send what whodecides verify --format json prints");
    } catch (IllegalArgumentException e) {
      throw new ApiError(400, e.getMessage());
    }
    ctx.status(201).json(store.recordVerifications(rows).stream().map(RunJson::verification).toList());
  }

  private EntityRef caller(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new ApiError(401, "writing needs a bearer token: Authorization: Bearer <token from whodecides token create>");
    }
    Optional<EntityRef> user = store.userForToken(header.substring(7));
    return user.orElseThrow(() -> new ApiError(401, "the bearer token is not known; create one with whodecides token create"));
  }

  private static void error(Context ctx, int status, String message) {
    ctx.status(status).json(Map.of("error", message, "status", status));
  }
}
