package dev.whodecides.web;

import static dev.whodecides.web.ServiceClient.enc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whodecides.store.Store;
import dev.whodecides.vocabulary.EntityRef;
import dev.whodecides.web.ServiceClient.Reply;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A private service's pages: sign in once with a token, then browse; the API still wants its bearer token. */
class PrivateUiTest {

  @TempDir static Path dir;
  static Javalin app;
  static ServiceClient client;
  static String token;

  @BeforeAll
  static void start() {
    Store store = Store.open(dir.resolve("p.db").toString(), null);
    token = store.createToken(EntityRef.parse("user:tomas.reyes", null));
    app = new ServiceApp(new CatalogSource(List.of(Path.of("examples/retail-data-org"))), store, Clock.systemUTC(), true)
        .create().start("127.0.0.1", 0);
    client = new ServiceClient(app);
  }

  @AfterAll
  static void stop() {
    app.stop();
  }

  static Reply get(String path, String cookie) {
    return client.request("GET", path).cookie(cookie).send();
  }

  static Reply post(String path, String form, String cookie) {
    return client.request("POST", path).form(form).cookie(cookie).send();
  }

  /** Signs in through the form as a browser would; returns the Cookie header for later requests. */
  static String signIn(String next) {
    Reply form = get("/signin?next=" + enc(next), null);
    String csrfCookie = form.cookie(Security.CSRF_COOKIE);
    String csrf = form.csrfField();
    Reply r = post("/signin", "csrf=" + enc(csrf) + "&next=" + enc(next) + "&token=" + enc(token), csrfCookie);
    assertThat(r.status()).isEqualTo(303);
    return csrfCookie + "; " + r.cookie(Security.SESSION_COOKIE);
  }

  @Test
  void pagesAskForASignInAndReturnToWhereTheBrowserWas() {
    Reply anonymous = get("/matrix?gaps=1", null);
    assertThat(anonymous.status()).isEqualTo(303);
    assertThat(anonymous.header("Location")).hasValue("/signin?next=%2Fmatrix%3Fgaps%3D1");
    String session = signIn("/matrix?gaps=1");
    Reply matrix = get("/matrix?gaps=1", session);
    assertThat(matrix.status()).isEqualTo(200);
    assertThat(matrix.body()).contains("Decision matrix").contains("user:default/tomas.reyes").contains("Sign out");
  }

  @Test
  void theSessionCookieIsNotABearerTokenForTheApi() {
    String session = signIn("/");
    assertThat(get("/api/findings", session).status()).isEqualTo(401);
  }

  @Test
  void wrongTokensForgedFormsAndOtherSitesAreRefused() {
    Reply form = get("/signin", null);
    String csrfCookie = form.cookie(Security.CSRF_COOKIE);
    String csrf = form.csrfField();
    Reply noCsrf = post("/signin", "next=%2F&token=" + enc(token), csrfCookie);
    assertThat(noCsrf.status()).isEqualTo(403);
    assertThat(noCsrf.setCookies()).noneMatch(c -> c.startsWith(Security.SESSION_COOKIE));
    Reply badToken = post("/signin", "csrf=" + enc(csrf) + "&next=%2F&token=nope", csrfCookie);
    assertThat(badToken.status()).isEqualTo(401);
    assertThat(badToken.body()).contains("token is not known");
    Reply offSite = post("/signin", "csrf=" + enc(csrf) + "&next=" + enc("//evil.example/x")
        + "&token=" + enc(token), csrfCookie);
    assertThat(offSite.header("Location")).hasValue("/");
    assertThat(get("/", "whodecides_session=made-up").status()).isEqualTo(303);
  }

  @Test
  void signingOutEndsTheSessionAndNeedsTheFormsToken() {
    String session = signIn("/");
    Reply people = get("/people", session);
    assertThat(people.status()).isEqualTo(200);
    assertThat(people.body()).contains("action=\"/signout\" class=\"signout\"><input type=\"hidden\" name=\"csrf\"");
    String csrf = people.csrfField();
    assertThat(post("/signout", "", session).status()).as("another site's sign-out form").isEqualTo(403);
    assertThat(get("/people", session).status()).isEqualTo(200);
    Reply out = post("/signout", "csrf=" + enc(csrf), session);
    assertThat(out.status()).isEqualTo(303);
    assertThat(get("/people", session).status()).isEqualTo(303);
  }

  @Test
  void theSessionCookieIsHttpOnlyLaxAndExpires() {
    Reply form = get("/signin", null);
    String csrf = form.csrfField();
    Reply r = post("/signin", "csrf=" + enc(csrf) + "&next=%2F&token=" + enc(token),
        form.cookie(Security.CSRF_COOKIE));
    String set = r.setCookies().stream().filter(c -> c.startsWith(Security.SESSION_COOKIE)).findFirst()
        .orElseThrow();
    assertThat(set).contains("HttpOnly").contains("SameSite=Lax").contains("Max-Age=43200").contains("Path=/");
    assertThat(form.header("Cache-Control")).hasValue("no-store");
  }

  @Test
  void onlyPathsOfThisServerAreWhereSignInReturnsTo() {
    for (String bad : List.of("//evil.example/x", "/\t/evil.example", "/\n/evil.example", "/\\evil.example",
        "https://evil.example", "/\\/evil.example", "javascript:alert(1)", "")) {
      assertThat(Security.safeNext(bad)).as(bad).isEqualTo("/");
    }
    assertThat(Security.safeNext("/matrix?gaps=1&q=a%20b")).isEqualTo("/matrix?gaps=1&q=a%20b");
  }

  @Test
  void aTabInTheReturnAddressDoesNotLeadOffSite() {
    Reply form = get("/signin?next=%2F%09%2Fevil.example", null);
    assertThat(form.body()).contains("name=\"next\" value=\"/\"");
  }
}
