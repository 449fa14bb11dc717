package dev.whodecides.web;

import dev.whodecides.catalog.Entity;
import dev.whodecides.graph.NodeKind;
import dev.whodecides.pages.Page;
import dev.whodecides.pages.Pages;
import dev.whodecides.release.Bar;
import dev.whodecides.release.Refusal;
import dev.whodecides.release.ReleasePolicy;
import dev.whodecides.release.ReleaseRecord;
import dev.whodecides.release.ReleaseRequest;
import dev.whodecides.store.Store;
import dev.whodecides.vocabulary.EntityRef;
import dev.whodecides.vocabulary.Kind;
import dev.whodecides.web.view.Model.Chrome;
import dev.whodecides.web.view.Model.Link;
import dev.whodecides.web.view.Model.ReleaseForm;
import dev.whodecides.web.view.Model.TrendPoint;
import dev.whodecides.web.view.Model;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * The browser UI: server-rendered pages (JTE templates compiled at build time) over the same
 * {@link Analysis} the API serves. Handlers pick a page and its model ({@link PageModels}); every
 * page reads without JavaScript, and htmx only swaps parts of a page in place when it is there.
 */
final class WebUi {

  private static final String HTMX = "/webjars/htmx.org/" + buildProperty("htmx.version") + "/dist/htmx.min.js";

  private final Supplier<Analysis> analysis;
  private final Supplier<String> catalogError;
  private final Store store;
  private final Clock clock;
  private final Csrf csrf = new Csrf();
  private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
  private final Map<String, Page> knowledge = new LinkedHashMap<>();

  /** How many lint runs the overview's trend shows. */
  static final int TREND_RUNS = 40;

  /** Null for an open service; for a private one, who is signed in in which browser. */
  private final Sessions sessions;

  WebUi(Supplier<Analysis> analysis, Supplier<String> catalogError, Store store, Clock clock, boolean signInRequired) {
    this.sessions = signInRequired ? new Sessions(clock) : null;
    this.analysis = analysis;
    this.catalogError = catalogError;
    this.store = store;
    this.clock = clock;
    for (Page p : Pages.builtIn()) {
      knowledge.put(p.path(), p);
    }
  }

  void routes(JavalinConfig config) {
    config.staticFiles.add(s -> {
      s.hostedPath = "/static";
      s.directory = "/dev/whodecides/web/static";
      s.location = Location.CLASSPATH;
    });
    config.staticFiles.enableWebjars();
    config.routes.before(ctx -> {
      ctx.header("X-Content-Type-Options", "nosniff");
      ctx.header("Referrer-Policy", "same-origin");
      ctx.header("X-Frame-Options", "DENY");
      ctx.header("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
          + "img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
    });
    if (sessions != null) {
      config.routes.before(ctx -> {
        String path = ctx.path();
        if (path.startsWith("/api/") || path.startsWith("/static/") || path.startsWith("/webjars/")
            || path.equals("/signin") || ctx.attribute("user") != null) {
          return;
        }
        Optional<EntityRef> user = sessions.user(ctx);
        if (user.isEmpty()) {
          String next = ctx.method().name().equals("GET") ? path + (ctx.queryString() == null ? "" : "?" + ctx.queryString())
              : "/";
          ctx.redirect("/signin?next=" + Links.enc(next), HttpStatus.SEE_OTHER);
          ctx.skipRemainingHandlers();
          return;
        }
        ctx.attribute("user", user.get());
      });
      config.routes.get("/signin", this::signInPage);
      config.routes.post("/signin", this::signIn);
      config.routes.post("/signout", this::signOut);
    }
    config.routes.get("/", this::overview);
    config.routes.get("/findings", this::findings);
    config.routes.get("/findings/{id}", this::finding);
    config.routes.get("/matrix", this::matrix);
    config.routes.get("/matrix/gap", this::gap);
    config.routes.get("/people", this::people);
    config.routes.get("/entities/<ref>", this::entity);
    config.routes.get("/graph", this::graph);
    config.routes.get("/releases", this::releases);
    config.routes.get("/releases/<ref>", this::productReleases);
    config.routes.post("/releases/<ref>", this::recordRelease);
    config.routes.get("/guarantees", this::guarantees);
    config.routes.get("/knowledge", ctx -> ctx.redirect("/knowledge/index.html"));
    config.routes.get("/knowledge/<path>", this::knowledge);
    config.routes.exception(PageError.class, (e, ctx) -> problem(ctx, e.status(), e.getMessage()));
    // Anything else is a bug of ours: say so on a page, and leave the trace where an operator looks.
    config.routes.exception(Exception.class, (e, ctx) -> {
      System.err.println("whodecides: " + ctx.method() + " " + ctx.path() + " failed:");
      e.printStackTrace();
      if (ctx.path().startsWith("/api/")) {
        ctx.status(500).json(Map.of("error", "internal error; the service's log has the details", "status", 500));
      } else {
        problem(ctx, 500, "Something went wrong on our side; the service's log has the details.");
      }
    });
    // An address no route knows: a page with the way back for browsers, JSON under /api.
    config.routes.exception(io.javalin.http.NotFoundResponse.class, (e, ctx) -> {
      if (ctx.path().startsWith("/api/")) {
        ctx.status(404).json(Map.of("error", "no API endpoint " + ctx.method() + " " + ctx.path()
            + "; see /api/openapi.json", "status", 404));
      } else {
        problem(ctx, 404, "Nothing lives at " + ctx.path() + ".");
      }
    });
  }

  private PageModels models() {
    return new PageModels(analysis.get(), store);
  }

  private Chrome chrome(Context ctx, String title, String section) {
    EntityRef user = ctx.attribute("user");
    return new Chrome(title, section, catalogError.get(), HTMX, user == null ? null : user.toString(),
        user == null ? null : csrf.token(ctx));
  }

  /** Where to go after signing in: a path on this server only, never another site. */
  private static final java.util.regex.Pattern LOCAL_PATH =
      java.util.regex.Pattern.compile("/(?!/)[A-Za-z0-9\\-._~!$&'()*+,;=:@/?%]*");

  static String safeNext(String next) {
    return next != null && LOCAL_PATH.matcher(next).matches() ? next : "/";
  }

  private void signInPage(Context ctx) {
    render(ctx, "signin.jte", new Model.SignIn(chrome(ctx, "Sign in", null), csrf.token(ctx),
        safeNext(ctx.queryParam("next")), null));
  }

  private void signIn(Context ctx) {
    String next = safeNext(ctx.formParam("next"));
    if (!csrf.valid(ctx) || !sameOrigin(ctx)) {
      ctx.status(403);
      render(ctx, "signin.jte", new Model.SignIn(chrome(ctx, "Sign in", null), csrf.token(ctx), next,
          "This form did not come from this page of whodecides, or it is stale. Reload the page and send it again."));
      return;
    }
    String token = ctx.formParam("token");
    Optional<EntityRef> user = token == null || token.isBlank() ? Optional.empty() : store.userForToken(token.strip());
    if (user.isEmpty()) {
      ctx.status(401);
      render(ctx, "signin.jte", new Model.SignIn(chrome(ctx, "Sign in", null), csrf.token(ctx), next,
          "That API token is not known; create one with: whodecides token create --user USER"));
      return;
    }
    sessions.signIn(ctx, user.get());
    ctx.redirect(next, HttpStatus.SEE_OTHER);
  }

  private void signOut(Context ctx) {
    if (!csrf.valid(ctx) || !sameOrigin(ctx)) {
      throw new PageError(403, "This sign-out did not come from a page of whodecides; use the Sign out button.");
    }
    sessions.signOut(ctx);
    ctx.redirect("/signin", HttpStatus.SEE_OTHER);
  }

  private void render(Context ctx, String template, Object model) {
    // Straight to UTF-8 bytes: a 100-row matrix page is about 300 KB, worth not copying twice.
    Utf8ByteOutput out = new Utf8ByteOutput();
    templates.render(template, model, out);
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("text/html; charset=utf-8").result(out.toByteArray());
  }

  private void problem(Context ctx, int status, String message) {
    String title = status == 404 ? "Not found" : status == 403 ? "Refused" : status == 401 ? "Token needed"
        : "Cannot do that";
    ctx.status(status);
    render(ctx, "problem.jte", new Model.Problem(chrome(ctx, title, null), status, message, new Link("Back to the overview", "/")));
  }

  private static int page(Context ctx) {
    String p = ctx.queryParam("page");
    if (p == null || p.isBlank()) {
      return 1;
    }
    try {
      return Integer.parseInt(p.strip());
    } catch (NumberFormatException e) {
      throw new PageError(400, "page '" + p + "' is not a number");
    }
  }

  private void overview(Context ctx) {
    Analysis a = analysis.get();
    List<TrendPoint> trend = store.lintRuns(TREND_RUNS).stream()
        .map(r -> new TrendPoint(PageModels.WHEN.format(r.recordedAt()), r.source(), r.errors(), r.warnings(), r.infos(),
            r.findings()))
        .toList();
    render(ctx, "overview.jte", new PageModels(a, store).overview(chrome(ctx, "Overview", "overview"), trend));
  }

  private void findings(Context ctx) {
    render(ctx, "findings.jte", models().findings(chrome(ctx, "Findings", "findings"),
        ctx.queryParam("rule"), ctx.queryParam("severity"), ctx.queryParam("q"), page(ctx)));
  }

  private void finding(Context ctx) {
    Analysis a = analysis.get();
    var f = a.findings().byId(ctx.pathParam("id")).orElseThrow(() -> new PageError(404,
        "No finding " + ctx.pathParam("id") + " in the current catalog: it may have been fixed since the link was made."));
    render(ctx, "finding.jte", new Model.FindingPage(chrome(ctx, f.rule(), "findings"), new PageModels(a, store).detail(f)));
  }

  private void matrix(Context ctx) {
    render(ctx, "matrix.jte", models().matrix(chrome(ctx, "Decision matrix", "matrix"),
        ctx.queryParam("q"), "1".equals(ctx.queryParam("gaps")), page(ctx)));
  }

  private void gap(Context ctx) {
    Analysis a = analysis.get();
    if (PageModels.blank(ctx.queryParam("product")) || PageModels.blank(ctx.queryParam("type"))) {
      throw new PageError(400, "Name the product and the decision type: /matrix/gap?product=REF&type=release");
    }
    var gap = new PageModels(a, store).gap(chrome(ctx, "Unowned decision", "matrix"), ctx.queryParam("product"), ctx.queryParam("type"))
        .orElseThrow(() -> new PageError(404, "No product '" + ctx.queryParam("product") + "' with a decision type '"
            + ctx.queryParam("type") + "' in the catalog."));
    render(ctx, "gap.jte", gap);
  }

  private void people(Context ctx) {
    render(ctx, "people.jte", models().people(chrome(ctx, "People", "people"), ctx.queryParam("q"),
        "1".equals(ctx.queryParam("mismatch")), page(ctx)));
  }

  private static EntityRef ref(String text) {
    try {
      return EntityRef.parse(text, Kind.COMPONENT.id());
    } catch (IllegalArgumentException e) {
      throw new PageError(400, "'" + text + "' is not an entity reference such as component:default/newsletter-picks");
    }
  }

  private void entity(Context ctx) {
    EntityRef ref = ref(ctx.pathParam("ref"));
    Analysis a = analysis.get();
    render(ctx, "entity.jte", new PageModels(a, store).entity(chrome(ctx, ref.toString(), null), ref)
        .orElseThrow(() -> new PageError(404, ref + " is not in the catalog.")));
  }

  /** Focus choices offered as a list; a bigger organization gets a text field for a reference instead. */
  static final int FOCUS_CHOICES = 300;

  private void graph(Context ctx) {
    Analysis a = analysis.get();
    String focusText = ctx.queryParam("focus");
    EntityRef focus = null;
    if (focusText != null && !focusText.isBlank()) {
      Optional<Entity> found = new PageModels(a, store).resolve(focusText, NodeKind.DRAWN);
      focus = found.map(Entity::ref).filter(r -> NodeKind.of(r.kind()) != null).orElseThrow(() -> new PageError(404,
          "No entity '" + focusText.strip() + "' the graph can focus on; give a domain, team, system, product,"
          + " person or decision such as group:default/personalization."));
    }
    List<Link> focuses = new ArrayList<>();
    for (Kind kind : List.of(Kind.DOMAIN, Kind.GROUP, Kind.SYSTEM)) {
      for (Entity e : a.catalog().ofKind(kind)) {
        focuses.add(new Link(kind.id() + ": " + PageModels.title(e), e.ref().toString()));
      }
    }
    if (focuses.size() > FOCUS_CHOICES) {
      focuses = List.of();
    }
    Analysis.Drawn g = a.graph(focus);
    String message = g.omitted() == 0 ? null : focus == null
        ? "This organization is bigger than one readable picture: " + g.omitted() + " boxes are left out. Focus on a"
            + " domain, team or system to see its part whole."
        : g.omitted() + " boxes around " + focus + " are left out; focus on something smaller to see them.";
    render(ctx, "graph.jte", new Model.Graph(chrome(ctx, "Ownership graph", "graph"), g.svg(),
        focus == null ? "" : focus.toString(), focuses, g.nodes(), g.omitted(), message));
  }

  private void releases(Context ctx) {
    render(ctx, "releases.jte", models().releases(chrome(ctx, "Releases", "releases"), ctx.queryParam("q"), page(ctx)));
  }

  private Entity product(Analysis a, String text) {
    return new PageModels(a, store).resolve(text, Kind.PRODUCTS)
        .orElseThrow(() -> new PageError(404, "No product '" + text + "' in the catalog."));
  }

  private void productReleases(Context ctx) {
    Analysis a = analysis.get();
    Entity p = product(a, ctx.pathParam("ref"));
    String recorded = ctx.queryParam("recorded");
    String notice = recorded != null && recorded.matches("[0-9]{1,18}") ? "Recorded as #" + recorded + "." : null;
    showProduct(ctx, a, p, ReleaseForm.empty(), notice, null);
  }

  private void showProduct(Context ctx, Analysis a, Entity p, ReleaseForm form, String notice, String error) {
    render(ctx, "product-releases.jte", new PageModels(a, store).productReleases(
        chrome(ctx, "Releases of " + PageModels.title(p), "releases"), p, page(ctx), form, csrf.token(ctx), notice, error));
  }

  private void recordRelease(Context ctx) {
    Analysis a = analysis.get();
    Entity p = product(a, ctx.pathParam("ref"));
    ReleaseForm form = new ReleaseForm(field(ctx, "version"), field(ctx, "decision"), field(ctx, "metrics"),
        field(ctx, "bar"), field(ctx, "acceptedRisk"), field(ctx, "rationale"), field(ctx, "waitUntil"),
        field(ctx, "supersedes"));
    if (!csrf.valid(ctx) || !sameOrigin(ctx)) {
      ctx.status(403);
      showProduct(ctx, a, p, form, null, "This form did not come from this page of whodecides, or it is stale. "
          + "Reload the page and send it again.");
      return;
    }
    String token = ctx.formParam("token");
    Optional<EntityRef> user = token == null || token.isBlank() ? Optional.empty() : store.userForToken(token.strip());
    if (user.isEmpty()) {
      ctx.status(401);
      showProduct(ctx, a, p, form, null, token == null || token.isBlank()
          ? "Enter your API token; create one with: whodecides token create --user USER"
          : "That API token is not known; create one with: whodecides token create --user USER");
      return;
    }
    try {
      ReleaseRequest request = request(form, p.ref(), user.get());
      ReleaseRecord stored = store.append(new ReleasePolicy(a.ownership(), clock).admit(request, user.get()));
      ctx.redirect(Links.releases(p.ref()) + "?recorded=" + stored.id() + "#r" + stored.id(), HttpStatus.SEE_OTHER);
    } catch (Refusal e) {
      ctx.status(e.status());
      showProduct(ctx, a, p, form, null, e.getMessage());
    }
  }

  private static boolean sameOrigin(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin == null) {
      return true; // older browsers send none on same-origin posts; the signed cookie still decides
    }
    String host = ctx.header("Host");
    return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
  }

  private static String field(Context ctx, String name) {
    String v = ctx.formParam(name);
    return v == null ? "" : v;
  }

  /** The form's fields as the release policy reads them; a malformed line is refused with 400. */
  static ReleaseRequest request(ReleaseForm f, EntityRef product, EntityRef by) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    for (String line : f.metrics().split("[\\r\\n]+")) {
      if (line.isBlank()) {
        continue;
      }
      try {
        var metric = ReleaseRequest.metric(line);
        metrics.put(metric.getKey(), metric.getValue());
      } catch (IllegalArgumentException e) {
        throw new Refusal(400, "Metric " + e.getMessage());
      }
    }
    Map<String, String> bar = new LinkedHashMap<>();
    for (String line : f.bar().split("[\\r\\n]+")) {
      if (line.isBlank()) {
        continue;
      }
      try {
        Bar b = Bar.parse(line.strip());
        bar.put(b.metric(), b.expression());
      } catch (IllegalArgumentException e) {
        throw new Refusal(400, "Bar '" + line.strip() + "': " + e.getMessage());
      }
    }
    LocalDate waitUntil = null;
    if (!f.waitUntil().isBlank()) {
      try {
        waitUntil = LocalDate.parse(f.waitUntil().strip());
      } catch (DateTimeParseException e) {
        throw new Refusal(400, "Next look '" + f.waitUntil() + "' is not a date like 2026-12-31");
      }
    }
    Long supersedes = null;
    if (!f.supersedes().isBlank()) {
      try {
        supersedes = Long.parseLong(f.supersedes().strip().replaceFirst("^#", ""));
      } catch (NumberFormatException e) {
        throw new Refusal(400, "Corrects record '" + f.supersedes() + "' is not a record number");
      }
    }
    return new ReleaseRequest(product.toString(), f.version().strip(), f.decision().strip(), by.toString(), metrics, bar,
        blankToNull(f.acceptedRisk()), blankToNull(f.rationale()), waitUntil, supersedes);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private void guarantees(Context ctx) {
    render(ctx, "guarantees.jte", models().guarantees(chrome(ctx, "Guarantees", "guarantees"), ctx.queryParam("q"),
        page(ctx)));
  }

  private void knowledge(Context ctx) {
    String path = ctx.pathParam("path");
    if (path.endsWith(".html")) {
      path = path.substring(0, path.length() - 5);
    }
    Page page = knowledge.get(path);
    if (page == null) {
      throw new PageError(404, "No knowledge page '" + ctx.pathParam("path") + "'.");
    }
    List<Link> pages = new ArrayList<>();
    for (Page p : knowledge.values()) {
      pages.add(new Link(p.title(), "/knowledge/" + p.path() + ".html"));
    }
    render(ctx, "knowledge.jte", new Model.Knowledge(chrome(ctx, page.title(), "knowledge"), Pages.article(page), pages));
  }

  private static String buildProperty(String key) {
    try (InputStream in = WebUi.class.getResourceAsStream("build.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      String v = p.getProperty(key);
      if (v == null || v.startsWith("${")) {
        throw new IllegalStateException("build.properties lacks " + key + "; rebuild with Maven");
      }
      return v;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
