package dev.whodecides.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whodecides.store.Store;
import dev.whodecides.vocabulary.EntityRef;
import io.javalin.Javalin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A private service's pages: sign in once with a token, then browse; the API still wants its bearer token. */
class PrivateUiTest {

  static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  @TempDir static Path dir;
  static Javalin app;
  static String token;

  @BeforeAll
  static void start() {
    Store store = Store.open(dir.resolve("p.db").toString(), null);
    token = store.createToken(EntityRef.parse("user:tomas.reyes", null));
    app = new ServiceApp(new CatalogSource(List.of(Path.of("examples/retail-data-org"))), store, Clock.systemUTC(), true)
        .create().start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    app.stop();
  }

  static HttpResponse<String> get(String path, String cookie) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(String path, String form, String cookie) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String cookie(HttpResponse<?> r, String name) {
    return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
        .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Signs in through the form as a browser would; returns the Cookie header for later requests. */
  static String signIn(String next) throws Exception {
    HttpResponse<String> form = get("/signin?next=" + enc(next), null);
    String csrfCookie = cookie(form, Csrf.COOKIE);
    Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(form.body());
    assertThat(m.find()).isTrue();
    HttpResponse<String> r = post("/signin", "csrf=" + enc(m.group(1)) + "&next=" + enc(next) + "&token=" + enc(token),
        csrfCookie);
    assertThat(r.statusCode()).isEqualTo(303);
    return csrfCookie + "; " + cookie(r, Sessions.COOKIE);
  }

  @Test
  void pagesAskForASignInAndReturnToWhereTheBrowserWas() throws Exception {
    HttpResponse<String> anonymous = get("/matrix?gaps=1", null);
    assertThat(anonymous.statusCode()).isEqualTo(303);
    assertThat(anonymous.headers().firstValue("Location")).hasValue("/signin?next=%2Fmatrix%3Fgaps%3D1");
    String session = signIn("/matrix?gaps=1");
    HttpResponse<String> matrix = get("/matrix?gaps=1", session);
    assertThat(matrix.statusCode()).isEqualTo(200);
    assertThat(matrix.body()).contains("Decision matrix").contains("user:default/tomas.reyes").contains("Sign out");
  }

  @Test
  void theSessionCookieIsNotABearerTokenForTheApi() throws Exception {
    String session = signIn("/");
    assertThat(get("/api/findings", session).statusCode()).isEqualTo(401);
  }

  @Test
  void wrongTokensForgedFormsAndOtherSitesAreRefused() throws Exception {
    HttpResponse<String> form = get("/signin", null);
    String csrfCookie = cookie(form, Csrf.COOKIE);
    Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(form.body());
    assertThat(m.find()).isTrue();
    HttpResponse<String> noCsrf = post("/signin", "next=%2F&token=" + enc(token), csrfCookie);
    assertThat(noCsrf.statusCode()).isEqualTo(403);
    assertThat(noCsrf.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(Sessions.COOKIE));
    HttpResponse<String> badToken = post("/signin", "csrf=" + enc(m.group(1)) + "&next=%2F&token=nope", csrfCookie);
    assertThat(badToken.statusCode()).isEqualTo(401);
    assertThat(badToken.body()).contains("token is not known");
    HttpResponse<String> offSite = post("/signin", "csrf=" + enc(m.group(1)) + "&next=" + enc("//evil.example/x")
        + "&token=" + enc(token), csrfCookie);
    assertThat(offSite.headers().firstValue("Location")).hasValue("/");
    assertThat(get("/", "whodecides_session=made-up").statusCode()).isEqualTo(303);
  }

  @Test
  void signingOutEndsTheSessionAndNeedsTheFormsToken() throws Exception {
    String session = signIn("/");
    HttpResponse<String> people = get("/people", session);
    assertThat(people.statusCode()).isEqualTo(200);
    Matcher m = Pattern.compile("action=\"/signout\" class=\"signout\"><input type=\"hidden\" name=\"csrf\" value=\"([^\"]+)\"")
        .matcher(people.body());
    assertThat(m.find()).isTrue();
    assertThat(post("/signout", "", session).statusCode()).as("another site's sign-out form").isEqualTo(403);
    assertThat(get("/people", session).statusCode()).isEqualTo(200);
    HttpResponse<String> out = post("/signout", "csrf=" + enc(m.group(1)), session);
    assertThat(out.statusCode()).isEqualTo(303);
    assertThat(get("/people", session).statusCode()).isEqualTo(303);
  }

  @Test
  void theSessionCookieIsHttpOnlyLaxAndExpires() throws Exception {
    HttpResponse<String> form = get("/signin", null);
    Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(form.body());
    assertThat(m.find()).isTrue();
    HttpResponse<String> r = post("/signin", "csrf=" + enc(m.group(1)) + "&next=%2F&token=" + enc(token),
        cookie(form, Csrf.COOKIE));
    String set = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(Sessions.COOKIE)).findFirst()
        .orElseThrow();
    assertThat(set).contains("HttpOnly").contains("SameSite=Lax").contains("Max-Age=43200").contains("Path=/");
    assertThat(form.headers().firstValue("Cache-Control")).hasValue("no-store");
  }

  @Test
  void onlyPathsOfThisServerAreWhereSignInReturnsTo() {
    for (String bad : List.of("//evil.example/x", "/\t/evil.example", "/\n/evil.example", "/\\evil.example",
        "https://evil.example", "/\\/evil.example", "javascript:alert(1)", "")) {
      assertThat(WebUi.safeNext(bad)).as(bad).isEqualTo("/");
    }
    assertThat(WebUi.safeNext("/matrix?gaps=1&q=a%20b")).isEqualTo("/matrix?gaps=1&q=a%20b");
  }

  @Test
  void aTabInTheReturnAddressDoesNotLeadOffSite() throws Exception {
    HttpResponse<String> form = get("/signin?next=%2F%09%2Fevil.example", null);
    assertThat(form.body()).contains("name=\"next\" value=\"/\"");
  }
}
