package dev.whodecides.web;

import dev.whodecides.catalog.Entity;
import dev.whodecides.release.Refusal;
import dev.whodecides.release.ReleaseInput;
import dev.whodecides.release.ReleasePolicy;
import dev.whodecides.release.ReleaseRecord;
import dev.whodecides.release.ReleaseRequest;
import dev.whodecides.store.Store;
import dev.whodecides.vocabulary.EntityRef;
import dev.whodecides.vocabulary.Kind;
import dev.whodecides.web.view.Model.Chrome;
import dev.whodecides.web.view.Model.Link;
import dev.whodecides.web.view.Model.ReleaseForm;
import dev.whodecides.web.view.Model;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * The browser pages' handlers: server-rendered pages (JTE templates compiled at build time) over
 * the same {@link Analysis} the API serves. Each handler reads the request, has the page's builder
 * ({@link MatrixPage}, {@link PeoplePage}, ...) make its model and renders it; every page reads
 * without JavaScript, and htmx only swaps parts of a page in place when it is there.
 */
final class PageController {

  private static final String HTMX = "/webjars/htmx.org/" + buildProperty("htmx.version") + "/dist/htmx.min.js";

  /** How the record form names the fields a release call is read from, for messages. */
  static final ReleaseInput.Labels FORM = new ReleaseInput.Labels("Metric", "Bar", "Next look", "Corrects record");

  private static final String FOREIGN_FORM = "This form did not come from this page of whodecides, or it is stale. "
      + "Reload the page and send it again.";

  private final Supplier<Analysis> analysis;
  private final Supplier<String> catalogError;
  private final Store store;
  private final Clock clock;
  private final Security security;
  private final KnowledgePage knowledge = new KnowledgePage();
  private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

  PageController(Supplier<Analysis> analysis, Supplier<String> catalogError, Store store, Clock clock,
      Security security) {
    this.analysis = analysis;
    this.catalogError = catalogError;
    this.store = store;
    this.clock = clock;
    this.security = security;
  }

  // ---- signing in to a private service ----

  void signInForm(Context ctx) {
    render(ctx, "signin.jte", new Model.SignIn(chrome(ctx, "Sign in", null), security.csrfToken(ctx),
        Security.safeNext(ctx.queryParam("next")), null));
  }

  void signIn(Context ctx) {
    String next = Security.safeNext(ctx.formParam("next"));
    if (!security.fromOurPage(ctx)) {
      ctx.status(403);
      render(ctx, "signin.jte", new Model.SignIn(chrome(ctx, "Sign in", null), security.csrfToken(ctx), next,
          FOREIGN_FORM));
      return;
    }
    Optional<EntityRef> user = security.tokenUser(ctx.formParam("token"));
    if (user.isEmpty()) {
      ctx.status(401);
      render(ctx, "signin.jte", new Model.SignIn(chrome(ctx, "Sign in", null), security.csrfToken(ctx), next,
          "That API token is not known; create one with: whodecides token create --user USER"));
      return;
    }
    security.signIn(ctx, user.get());
    ctx.redirect(next, HttpStatus.SEE_OTHER);
  }

  void signOut(Context ctx) {
    if (!security.fromOurPage(ctx)) {
      throw new PageError(403, "This sign-out did not come from a page of whodecides; use the Sign out button.");
    }
    security.signOut(ctx);
    ctx.redirect("/signin", HttpStatus.SEE_OTHER);
  }

  // ---- reading ----

  void overview(Context ctx) {
    render(ctx, "overview.jte", OverviewPage.build(analysis.get(), store, chrome(ctx, "Overview", "overview")));
  }

  void findings(Context ctx) {
    render(ctx, "findings.jte", FindingsPage.build(analysis.get(), chrome(ctx, "Findings", "findings"),
        ctx.queryParam("rule"), ctx.queryParam("severity"), ctx.queryParam("q"), page(ctx)));
  }

  void finding(Context ctx) {
    String id = ctx.pathParam("id");
    render(ctx, "finding.jte", FindingsPage.one(analysis.get(), chrome(ctx, "Finding", "findings"), id)
        .orElseThrow(() -> new PageError(404, "No finding " + id
            + " in the current catalog: it may have been fixed since the link was made.")));
  }

  void matrix(Context ctx) {
    render(ctx, "matrix.jte", MatrixPage.build(analysis.get(), chrome(ctx, "Decision matrix", "matrix"),
        ctx.queryParam("q"), "1".equals(ctx.queryParam("gaps")), page(ctx)));
  }

  void gap(Context ctx) {
    String product = ctx.queryParam("product");
    String type = ctx.queryParam("type");
    if (Display.blank(product) || Display.blank(type)) {
      throw new PageError(400, "Name the product and the decision type: /matrix/gap?product=REF&type=release");
    }
    render(ctx, "gap.jte", GapPage.build(analysis.get(), chrome(ctx, "Unowned decision", "matrix"), product, type)
        .orElseThrow(() -> new PageError(404, "No product '" + product + "' with a decision type '" + type
            + "' in the catalog.")));
  }

  void people(Context ctx) {
    render(ctx, "people.jte", PeoplePage.build(analysis.get(), chrome(ctx, "People", "people"), ctx.queryParam("q"),
        "1".equals(ctx.queryParam("mismatch")), page(ctx)));
  }

  void entity(Context ctx) {
    EntityRef ref = ref(ctx.pathParam("ref"));
    render(ctx, "entity.jte", EntityPage.build(analysis.get(), chrome(ctx, ref.toString(), null), ref)
        .orElseThrow(() -> new PageError(404, ref + " is not in the catalog.")));
  }

  void graph(Context ctx) {
    String focus = ctx.queryParam("focus");
    render(ctx, "graph.jte", GraphPage.build(analysis.get(), chrome(ctx, "Ownership graph", "graph"), focus)
        .orElseThrow(() -> new PageError(404, "No entity '" + focus.strip() + "' the graph can focus on; give a"
            + " domain, team, system, product, person or decision such as group:default/personalization.")));
  }

  void releases(Context ctx) {
    render(ctx, "releases.jte", ReleasesPage.build(analysis.get(), store, chrome(ctx, "Releases", "releases"),
        ctx.queryParam("q"), page(ctx)));
  }

  void productReleases(Context ctx) {
    Analysis a = analysis.get();
    Entity p = product(a, ctx.pathParam("ref"));
    String recorded = ctx.queryParam("recorded");
    String notice = recorded != null && recorded.matches("[0-9]{1,18}") ? "Recorded as #" + recorded + "." : null;
    showProduct(ctx, a, p, ReleaseForm.empty(), notice, null);
  }

  void guarantees(Context ctx) {
    render(ctx, "guarantees.jte", GuaranteesPage.build(analysis.get(), store, chrome(ctx, "Guarantees", "guarantees"),
        ctx.queryParam("q"), page(ctx)));
  }

  void knowledge(Context ctx) {
    String path = ctx.pathParam("path");
    render(ctx, "knowledge.jte", knowledge.build(chrome(ctx, "Knowledge", "knowledge"), path)
        .orElseThrow(() -> new PageError(404, "No knowledge page '" + path + "'.")));
  }

  // ---- recording a release call through the form ----

  /**
   * The record form posted: it must come from our own page, carry a known token of the release
   * owner, and pass the release policy. A refusal shows the page again with what was typed.
   */
  void recordRelease(Context ctx) {
    Analysis a = analysis.get();
    Entity p = product(a, ctx.pathParam("ref"));
    ReleaseForm form = new ReleaseForm(field(ctx, "version"), field(ctx, "decision"), field(ctx, "metrics"),
        field(ctx, "bar"), field(ctx, "acceptedRisk"), field(ctx, "rationale"), field(ctx, "waitUntil"),
        field(ctx, "supersedes"));
    if (!security.fromOurPage(ctx)) {
      ctx.status(403);
      showProduct(ctx, a, p, form, null, FOREIGN_FORM);
      return;
    }
    String token = ctx.formParam("token");
    Optional<EntityRef> user = security.tokenUser(token);
    if (user.isEmpty()) {
      ctx.status(401);
      showProduct(ctx, a, p, form, null, token == null || token.isBlank()
          ? "Enter your API token; create one with: whodecides token create --user USER"
          : "That API token is not known; create one with: whodecides token create --user USER");
      return;
    }
    try {
      ReleaseRequest request = new ReleaseInput(FORM).metricLines(form.metrics()).barLines(form.bar())
          .waitUntil(form.waitUntil()).supersedes(form.supersedes())
          .request(p.ref().toString(), form.version(), form.decision(), user.get().toString(), form.acceptedRisk(),
              form.rationale());
      ReleaseRecord stored = store.append(new ReleasePolicy(a.ownership(), clock).admit(request, user.get()));
      ctx.redirect(Links.releases(p.ref()) + "?recorded=" + stored.id() + "#r" + stored.id(), HttpStatus.SEE_OTHER);
    } catch (Refusal e) {
      ctx.status(e.status());
      showProduct(ctx, a, p, form, null, e.getMessage());
    }
  }

  private void showProduct(Context ctx, Analysis a, Entity p, ReleaseForm form, String notice, String error) {
    render(ctx, "product-releases.jte", ProductReleasesPage.build(a, store,
        chrome(ctx, "Releases of " + Display.title(p), "releases"), p, page(ctx), form, security.csrfToken(ctx),
        notice, error));
  }

  private static Entity product(Analysis a, String text) {
    return Display.resolve(a.catalog(), text, Kind.PRODUCTS)
        .orElseThrow(() -> new PageError(404, "No product '" + text + "' in the catalog."));
  }

  // ---- answering ----

  /** A page for a refusal or a missing thing, with the way back. */
  void problem(Context ctx, int status, String message) {
    String title = status == 404 ? "Not found" : status == 403 ? "Refused" : status == 401 ? "Token needed"
        : "Cannot do that";
    ctx.status(status);
    render(ctx, "problem.jte", new Model.Problem(chrome(ctx, title, null), status, message,
        new Link("Back to the overview", "/")));
  }

  private Chrome chrome(Context ctx, String title, String section) {
    EntityRef user = security.signedIn(ctx);
    return new Chrome(title, section, catalogError.get(), HTMX, user == null ? null : user.toString(),
        user == null ? null : security.csrfToken(ctx));
  }

  private void render(Context ctx, String template, Object model) {
    // Straight to UTF-8 bytes: a 100-row matrix page is about 300 KB, worth not copying twice.
    Utf8ByteOutput out = new Utf8ByteOutput();
    templates.render(template, model, out);
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("text/html; charset=utf-8").result(out.toByteArray());
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

  private static EntityRef ref(String text) {
    try {
      return EntityRef.parse(text, Kind.COMPONENT.id());
    } catch (IllegalArgumentException e) {
      throw new PageError(400, "'" + text + "' is not an entity reference such as component:default/newsletter-picks");
    }
  }

  private static String field(Context ctx, String name) {
    String v = ctx.formParam(name);
    return v == null ? "" : v;
  }

  private static String buildProperty(String key) {
    try (InputStream in = PageController.class.getResourceAsStream("build.properties")) {
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
