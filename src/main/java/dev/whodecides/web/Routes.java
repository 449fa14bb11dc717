package dev.whodecides.web;

import dev.whodecides.release.Refusal;
import io.javalin.config.JavalinConfig;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.staticfiles.Location;

/**
 * Every address the service answers, in one place: the filters that run first, the JSON API
 * (each route documented in {@code openapi.json}; a test holds the two together), the browser
 * pages, and how errors are answered. Handlers live in {@link ApiController} and
 * {@link PageController}; checks in {@link Security}.
 */
final class Routes {

  private Routes() {}

  static void register(JavalinConfig config, Security security, ApiController api, PageController pages) {
    config.staticFiles.add(s -> {
      s.hostedPath = "/static";
      s.directory = "/dev/whodecides/web/static";
      s.location = Location.CLASSPATH;
    });
    config.staticFiles.enableWebjars();

    config.routes.before(security::headers);
    config.routes.before("/api/*", security::apiRead);
    config.routes.before(security::pages);

    // The JSON API.
    config.routes.get("/api/openapi.json", api::openApi);
    config.routes.get("/api/status", api::status);
    config.routes.get("/api/findings", api::findings);
    config.routes.get("/api/entities", api::entities);
    config.routes.get("/api/entities/{ref}", api::entity);
    config.routes.get("/api/matrix", api::matrix);
    config.routes.get("/api/people", api::people);
    config.routes.get("/api/who", api::who);
    config.routes.get("/api/authority", api::authority);
    config.routes.get("/api/releases", api::releases);
    config.routes.post("/api/releases", api::recordRelease);
    config.routes.get("/api/releases/check", api::releaseCheck);
    config.routes.get("/api/releases/{id}", api::release);
    config.routes.get("/api/lint-runs", api::lintRuns);
    config.routes.get("/api/verifications", api::verifications);
    config.routes.post("/api/verifications", api::importVerifications);

    // The browser pages.
    if (security.privateService()) {
      config.routes.get("/signin", pages::signInForm);
      config.routes.post("/signin", pages::signIn);
      config.routes.post("/signout", pages::signOut);
    }
    config.routes.get("/", pages::overview);
    config.routes.get("/findings", pages::findings);
    config.routes.get("/findings/{id}", pages::finding);
    config.routes.get("/matrix", pages::matrix);
    config.routes.get("/matrix/gap", pages::gap);
    config.routes.get("/people", pages::people);
    config.routes.get("/entities/<ref>", pages::entity);
    config.routes.get("/graph", pages::graph);
    config.routes.get("/releases", pages::releases);
    config.routes.get("/releases/<ref>", pages::productReleases);
    config.routes.post("/releases/<ref>", pages::recordRelease);
    config.routes.get("/guarantees", pages::guarantees);
    config.routes.get("/knowledge", ctx -> ctx.redirect("/knowledge/index.html"));
    config.routes.get("/knowledge/<path>", pages::knowledge);

    // Errors: JSON under /api, a page with the way back anywhere else.
    config.routes.exception(ApiError.class, (e, ctx) -> ApiController.error(ctx, e.status(), e.getMessage()));
    config.routes.exception(Refusal.class, (e, ctx) -> ApiController.error(ctx, e.status(), e.getMessage()));
    config.routes.exception(PageError.class, (e, ctx) -> pages.problem(ctx, e.status(), e.getMessage()));
    config.routes.exception(NotFoundResponse.class, (e, ctx) -> {
      if (ctx.path().startsWith("/api/")) {
        ApiController.error(ctx, 404, "no API endpoint " + ctx.method() + " " + ctx.path() + "; see /api/openapi.json");
      } else {
        pages.problem(ctx, 404, "Nothing lives at " + ctx.path() + ".");
      }
    });
    // Anything else is a bug of ours: say so, and leave the trace where an operator looks.
    config.routes.exception(Exception.class, (e, ctx) -> {
      System.err.println("whodecides: " + ctx.method() + " " + ctx.path() + " failed:");
      e.printStackTrace();
      if (ctx.path().startsWith("/api/")) {
        ApiController.error(ctx, 500, "internal error; the service's log has the details");
      } else {
        pages.problem(ctx, 500, "Something went wrong on our side; the service's log has the details.");
      }
    });
  }
}
