package dev.whodecides.web;

import static dev.whodecides.web.ServiceClient.enc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whodecides.store.Store;
import dev.whodecides.vocabulary.EntityRef;
import dev.whodecides.web.ServiceClient.Reply;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The browser pages over HTTP: every page, escaping, the release form and its CSRF check. */
class WebUiTest {

  static final String PICKS = "/releases/component:default/newsletter-picks";
  static final String XSS = "<script>alert(1)</script>";

  @TempDir static Path dir;
  static Store store;
  static Javalin app;
  static ServiceClient client;
  static String tomas;
  static String lena;

  @BeforeAll
  static void start() throws IOException {
    Path catalog = dir.resolve("org");
    copy(Path.of("examples/retail-data-org"), catalog);
    // An entity whose catalog text is markup: every page must show it as text.
    Files.writeString(catalog.resolve("components/xss.yaml"), """
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: xss-widget
          title: "<script>alert(1)</script>"
          description: "<img src=x onerror=alert(2)>"
        spec:
          type: service
          lifecycle: production
          owner: group:default/personalization
        ---
        apiVersion: backstage.io/v1alpha1
        kind: User
        metadata:
          name: mallory
          annotations:
            whodecides.dev/title: "<script>alert(1)</script>"
        spec:
          profile:
            displayName: "<script>alert(1)</script>"
          memberOf: [personalization]
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: "<script>alert(1)</script>"
        spec:
          type: service
          lifecycle: production
          owner: group:default/personalization
        """);
    store = Store.open(dir.resolve("ui.db").toString(), null);
    tomas = store.createToken(EntityRef.parse("user:tomas.reyes", null));
    lena = store.createToken(EntityRef.parse("user:lena.vogel", null));
    app = new ServiceApp(new CatalogSource(List.of(catalog)), store, Clock.systemUTC()).create().start("127.0.0.1", 0);
    client = new ServiceClient(app);
  }

  @AfterAll
  static void stop() {
    app.stop();
  }

  static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  static Reply get(String path) {
    return client.get(path);
  }

  /** A form post as a browser sends it, with its cookie and origin (none for null). */
  static Reply post(String path, String form, String cookie, String origin) {
    return client.request("POST", path).form(form).cookie(cookie).origin(origin).send();
  }

  /** How HTML text content shows a string. */
  static String text(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/matrix", "/matrix?gaps=1&q=pricing", "/findings", "/findings?rule=no-ship-authority",
      "/people", "/releases", PICKS, "/guarantees", "/graph", "/knowledge/index.html",
      "/knowledge/roles/product-owner.html", "/entities/component:default/newsletter-picks",
      "/entities/group:default/personalization", "/entities/user:default/tomas.reyes"})
  void everyPageIsHtmlWithTheNavAndASecurityPolicy(String path) {
    Reply r = get(path);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
    assertThat(r.header("Content-Security-Policy")).hasValueSatisfying(v ->
        assertThat(v).contains("script-src 'self'").contains("frame-ancestors 'none'"));
    assertThat(r.body()).startsWith("<!DOCTYPE html>").contains("<nav aria-label=\"Sections\">").contains("</html>");
    assertThat(r.body()).doesNotContain(XSS).doesNotContain("<img src=x");
  }

  @Test
  void catalogTextIsEscapedEverywhereItAppears() {
    String escaped = "&lt;script&gt;alert(1)&lt;/script&gt;";
    assertThat(get("/matrix?q=xss").body()).contains(escaped);
    assertThat(get("/entities/component:default/xss-widget").body()).contains(escaped)
        .contains("&lt;img src=x onerror=alert(2)&gt;");
    assertThat(get("/releases?q=xss").body()).contains(escaped);
    assertThat(get("/people?q=mallory").body()).contains(escaped).doesNotContain(XSS);
    assertThat(get("/entities/user:default/mallory").body()).contains(escaped).doesNotContain(XSS);
    // The invalid name is reported by the linter; the finding's message shows it as text.
    assertThat(get("/findings?rule=invalid-entity").body()).contains("&lt;script&gt;").doesNotContain(XSS);
  }

  @Test
  void aRedCellOpensTheFindingWithItsRecommendationAndEvidence() {
    String matrix = get("/matrix").body();
    String gapHref = "/matrix/gap?product=component%3Adefault%2Fassortment-optimizer&amp;type=release";
    assertThat(matrix).contains("<td class=\"gap\"><a href=\"" + gapHref + "\"");
    String gap = get(gapHref.replace("&amp;", "&")).body();
    assertThat(gap).contains("Nobody owns <code>release</code>")
        .contains("no-ship-authority")
        .contains("href=\"/knowledge/roles/product-owner.html\"")
        .contains("decisions/commercial.yaml")
        .containsPattern("href=\"https://www\\.youtube\\.com/watch\\?v=[^\"]+t=\\d+");
    Matcher permalink = Pattern.compile("href=\"(/findings/[0-9a-f]{16})\"").matcher(gap);
    assertThat(permalink.find()).isTrue();
    String finding = get(permalink.group(1)).body();
    assertThat(finding).contains("What to do").contains("Evidence").contains("no-ship-authority");
  }

  @Test
  void theOwnershipGraphIsInlineSvgWithLinksAndFocus() {
    String whole = get("/graph").body();
    assertThat(whole).contains("<svg").contains("href=\"/entities/component:default/newsletter-picks\"")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(XSS);
    int boxes = whole.split("<a href=\"/entities/").length;
    String focused = get("/graph?focus=group:default/personalization").body();
    assertThat(focused).contains("<svg").contains("selected");
    assertThat(focused.split("<a href=\"/entities/").length).isLessThan(boxes);
    Reply unknown = get("/graph?focus=group:default/nope");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body()).contains("No entity");
  }

  @Test
  void missingThingsAreHtml404sThatSayWhat() {
    assertThat(get("/findings/000000000000").status()).isEqualTo(404);
    Reply r = get("/entities/component:default/nope");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.body()).contains("component:default/nope is not in the catalog");
    assertThat(get("/matrix/gap?product=nope&type=release").status()).isEqualTo(404);
    assertThat(get("/matrix/gap?product=newsletter-picks&type=nope").status()).isEqualTo(404);
    assertThat(get("/releases/component:default/nope").status()).isEqualTo(404);
    assertThat(get("/knowledge/nope.html").status()).isEqualTo(404);
    assertThat(get("/matrix?page=x").status()).isEqualTo(400);
    assertThat(get("/matrix/gap").status()).isEqualTo(400);
    assertThat(get("/graph?focus=usecase:default/nope").status()).isEqualTo(404);
    Reply nowhere = client.request("GET", "/nope").header("Accept", "text/html").send();
    assertThat(nowhere.status()).isEqualTo(404);
    assertThat(nowhere.body()).contains("Nothing lives at /nope").contains("Back to the overview");
    Reply api = client.request("GET", "/api/releases/999999").header("Accept", "text/html").send();
    assertThat(api.status()).isEqualTo(404);
    assertThat(api.body()).startsWith("{").contains("no release record 999999");
  }

  @Test
  void thePeoplePageSetsTitleBesideFitAndFilters() {
    String people = get("/people").body();
    assertThat(people).contains("Tomas Reyes").contains("product-owner");
    String mismatches = get("/people?mismatch=1").body();
    assertThat(mismatches).contains("<tr class=\"mismatch\">").doesNotContain("<tr>\n<th scope=\"row\">");
    assertThat(get("/people?q=tomas").body()).contains("Tomas Reyes").doesNotContain("Priya Natarajan");
  }

  @Test
  void theGuaranteesPageFindsAContract() {
    String found = get("/guarantees?q=product-master").body();
    assertThat(found).contains("product-master.odcs.yaml").doesNotContain("customer-transactions.odcs.yaml");
  }

  /** The form's cookie and hidden field, as a browser would get them from the page. */
  record Form(String cookie, String csrf) {}

  static Form openForm() {
    Reply page = get(PICKS);
    return new Form(page.cookie(Security.CSRF_COOKIE), page.csrfField());
  }

  static String fields(String csrf, String token, String decision, String metrics, String risk) {
    return (csrf == null ? "" : "csrf=" + enc(csrf) + "&") + "version=" + enc("4.1.0") + "&decision=" + decision
        + "&metrics=" + enc(metrics) + "&bar=" + enc("precision>=0.80") + "&acceptedRisk=" + enc(risk)
        + "&rationale=" + enc("Tested on last month's traffic") + "&waitUntil=&supersedes=&token=" + enc(token);
  }

  @Test
  void theReleaseOwnerRecordsThroughTheFormAndSeesTheStatement() {
    Form f = openForm();
    int before = store.releases("component:default/newsletter-picks").size();
    Reply r = post(PICKS, fields(f.csrf(), tomas, "ship", "precision=0.84", ""), f.cookie(),
        "http://127.0.0.1:" + app.port());
    assertThat(r.status()).isEqualTo(303);
    String location = r.header("Location").orElseThrow();
    assertThat(location).startsWith(PICKS + "?recorded=");
    assertThat(store.releases("component:default/newsletter-picks")).hasSize(before + 1);
    String log = get(location.substring(0, location.indexOf('#'))).body();
    assertThat(log).contains("Recorded as #").contains("4.1.0").contains("Tomas Reyes")
        .contains(text(store.releases("component:default/newsletter-picks").get(0).statement()));
  }

  @Test
  void aPostWithoutItsCsrfTokenIsRefusedAndStoresNothing() {
    Form f = openForm();
    int before = store.releases("component:default/newsletter-picks").size();
    Reply missing = post(PICKS, fields(null, tomas, "wait", "precision=0.5", ""), f.cookie(), null);
    assertThat(missing.status()).isEqualTo(403);
    assertThat(missing.body()).contains("did not come from this page");
    Reply noCookie = post(PICKS, fields(f.csrf(), tomas, "wait", "precision=0.5", ""), null, null);
    assertThat(noCookie.status()).isEqualTo(403);
    Reply forged = post(PICKS, fields(f.csrf() + "x", tomas, "wait", "precision=0.5", ""), f.cookie(),
        null);
    assertThat(forged.status()).isEqualTo(403);
    Reply otherSite = post(PICKS, fields(f.csrf(), tomas, "wait", "precision=0.5", ""), f.cookie(),
        "https://evil.example");
    assertThat(otherSite.status()).isEqualTo(403);
    assertThat(store.releases("component:default/newsletter-picks")).hasSize(before);
  }

  @Test
  void refusalsKeepWhatWasTyped() {
    Form f = openForm();
    int before = store.releases("component:default/newsletter-picks").size();
    Reply noToken = post(PICKS, fields(f.csrf(), "", "wait", "precision=0.5", ""), f.cookie(), null);
    assertThat(noToken.status()).isEqualTo(401);
    assertThat(noToken.body()).contains("Enter your API token");
    Reply badToken = post(PICKS, fields(f.csrf(), "nope", "wait", "precision=0.5", ""), f.cookie(), null);
    assertThat(badToken.status()).isEqualTo(401);
    Reply notOwner = post(PICKS, fields(f.csrf(), lena, "wait", "precision=0.5", ""), f.cookie(), null);
    assertThat(notOwner.status()).isEqualTo(403);
    assertThat(notOwner.body()).contains("tomas.reyes");
    Reply belowBar = post(PICKS, fields(f.csrf(), tomas, "ship", "precision=0.61", ""), f.cookie(), null);
    assertThat(belowBar.status()).isEqualTo(422);
    assertThat(belowBar.body()).contains("precision=0.61").contains("Tested on last month's traffic");
    Reply badMetric = post(PICKS, fields(f.csrf(), tomas, "wait", "precision=high", ""), f.cookie(), null);
    assertThat(badMetric.status()).isEqualTo(400);
    assertThat(badMetric.body()).contains("is not NAME=NUMBER");
    assertThat(store.releases("component:default/newsletter-picks")).hasSize(before);
    Reply withRisk = post(PICKS, fields(f.csrf(), tomas, "ship", "precision=0.61",
        "Editors review every pick for two weeks"), f.cookie(), null);
    assertThat(withRisk.status()).isEqualTo(303);
  }

  @Test
  void theOverviewShowsTheTrendOfLintRuns() {
    // The service recorded a run when it first analysed the catalog; add an older CLI run beside it.
    assertThat(store.lintRuns(10)).isNotEmpty();
    String page = get("/").body();
    assertThat(page).contains("<figure class=\"trend\">").contains("aria-label=\"Findings per lint run\"")
        .contains("<td>serve</td>").containsPattern("<rect class=\"t-error\" x=\"36\" y=\"[0-9.]+\" width=\"14\"")
        .contains("<title>");
    assertThat(page).contains("<td><a href=\"/findings?rule=no-ship-authority\"><code>no-ship-authority</code></a></td>");
  }

  @Test
  void theGuaranteesPageShowsEachContractsLastVerification() {
    String before = get("/guarantees").body();
    assertThat(before).contains("product-master.odcs.yaml").contains("never");
    store.recordVerifications(dev.whodecides.store.Verification.rows(dev.whodecides.guarantees.VerifyReportReader.read("""
        {"contracts":[{"contract":"8c1e4f0a-7d2b-4e9f-b3a6-1d5c9e0f2b77","file":"contracts/product-master.odcs.yaml",
          "server":"local","checks":[{"check":"row_count","result":"passed"},{"check":"not_null","result":"failed"}]}]}
        """), java.time.Instant.parse("2026-11-20T09:30:00Z")));
    String after = get("/guarantees").body();
    assertThat(after).contains("class=\"verified-failed\"").contains("1 broken").contains("2026-11-20 09:30 UTC")
        .contains("1 passed, 1 failed, 0 could not run, on local");
  }

  /** Every address a page links to, followed from the overview: none may fail on our side. */
  @Test
  void followingEveryLinkOfTheExampleNeverHitsAServerError() {
    java.util.Deque<String> todo = new java.util.ArrayDeque<>(List.of("/"));
    java.util.Set<String> seen = new java.util.HashSet<>(todo);
    Pattern href = Pattern.compile("href=\"(/[^\"#]*)");
    int visited = 0;
    while (!todo.isEmpty() && visited < 600) {
      String path = todo.poll();
      Reply r = get(path.replace("&amp;", "&"));
      visited++;
      assertThat(r.status()).as(path).isLessThan(500);
      if (r.header("Content-Type").orElse("").startsWith("text/html")) {
        Matcher m = href.matcher(r.body());
        while (m.find()) {
          String next = m.group(1);
          if (!next.startsWith("/api/") && !next.startsWith("/webjars/") && !next.startsWith("/static/")
              && !next.contains("page=") && seen.add(next)) {
            todo.add(next);
          }
        }
      }
    }
    assertThat(visited).isGreaterThan(100);
  }

  @Test
  void numbersThatAreNotFiniteAndMisplacedBarsAreRefused() {
    Form f = openForm();
    int before = store.releases("component:default/newsletter-picks").size();
    for (String metrics : List.of("precision=Infinity", "precision=1e999", "precision=NaN", "precision>=0.8")) {
      Reply r = post(PICKS, fields(f.csrf(), tomas, "ship", metrics, "risk"), f.cookie(), null);
      assertThat(r.status()).as(metrics).isEqualTo(400);
    }
    Reply api = client.request("POST", "/api/releases").bearer(tomas).json("{\"product\":\"newsletter-picks\","
        + "\"version\":\"9\",\"decision\":\"ship\",\"by\":\"tomas.reyes\",\"metrics\":{\"precision\":1e999},"
        + "\"bar\":{\"precision\":\">= 0.8\"},\"acceptedRisk\":\"x\"}").send();
    assertThat(api.status()).isEqualTo(400);
    assertThat(api.body()).contains("finite number");
    assertThat(store.releases("component:default/newsletter-picks")).hasSize(before);
    assertThat(get(PICKS + "?recorded=You%20must%20re-enter%20your%20token").body()).doesNotContain("re-enter");
  }

  @Test
  void htmxAndTheStylesheetComeFromTheJar() {
    String page = get("/").body();
    Matcher m = Pattern.compile("<script src=\"(/webjars/htmx\\.org/[^\"]+/htmx\\.min\\.js)\"").matcher(page);
    assertThat(m.find()).isTrue();
    Reply htmx = get(m.group(1));
    assertThat(htmx.status()).isEqualTo(200);
    assertThat(htmx.body()).contains("htmx");
    assertThat(get("/static/app.css").status()).isEqualTo(200);
  }
}
