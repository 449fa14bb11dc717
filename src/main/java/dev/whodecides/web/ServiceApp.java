package dev.whodecides.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whodecides.catalog.Catalog;
import dev.whodecides.catalog.EntityRef;
import dev.whodecides.decisions.Ownership;
import dev.whodecides.release.Refusal;
import dev.whodecides.release.ReleasePolicy;
import dev.whodecides.release.ReleaseRecord;
import dev.whodecides.report.JsonFormatter;
import dev.whodecides.rules.LintOptions;
import dev.whodecides.rules.LintResult;
import dev.whodecides.rules.Linter;
import dev.whodecides.store.Store;
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
  private volatile Analysis analysis;

  /** The catalog's analysis, shared by every request until the catalog changes. */
  private record Analysis(Catalog catalog, Ownership ownership, LintResult lint) {}

  public ServiceApp(Supplier<Catalog> catalog, Store store, Clock clock) {
    this.catalog = catalog;
    this.store = store;
    this.clock = clock;
  }

  public Javalin create() {
    return Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.routes.post("/api/releases", this::recordRelease);
      config.routes.get("/api/releases", this::listReleases);
      config.routes.get("/api/releases/{id}", this::oneRelease);
      config.routes.get("/api/findings", this::findings);
      config.routes.exception(ApiError.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
      config.routes.exception(Refusal.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
    });
  }

  private Analysis analysis() {
    Catalog current = catalog.get();
    Analysis a = analysis;
    if (a == null || a.catalog() != current) {
      LintResult lint = Linter.lint(current, LintOptions.defaults());
      a = new Analysis(current, lint.analysis().ownership(), lint);
      analysis = a;
    }
    return a;
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
    EntityRef ref = c.resolve(product, List.of("component", "api", "resource", "system"), EntityRef.DEFAULT_NAMESPACE)
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

  private void findings(Context ctx) {
    ctx.contentType("application/json").result(new JsonFormatter().format(analysis().lint()));
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
