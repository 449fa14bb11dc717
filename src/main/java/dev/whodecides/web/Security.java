package dev.whodecides.web;

import dev.whodecides.store.Store;
import dev.whodecides.vocabulary.EntityRef;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Every security check of the service, in one place.
 *
 * <ul>
 *   <li><b>Bearer tokens</b> for the JSON API: every write, and every read of a private service,
 *       names its caller with {@code Authorization: Bearer <token from whodecides token create>}.
 *       The API takes no cookies, so it needs no CSRF check.
 *   <li><b>Sessions</b> for a private service's pages: after a person proves a token once, the
 *       browser holds a random session id (HttpOnly, SameSite=Lax, so a link from chat or mail
 *       arrives signed in) that maps, in this process only, to the token's user for
 *       {@link #SESSION_LIFETIME}. The token never goes into a cookie; a restart signs everybody out.
 *   <li><b>CSRF</b> for the pages' forms, as a signed double-submit cookie: the browser holds a
 *       random value in an HttpOnly, SameSite=Strict cookie; each form carries that value signed
 *       with a key only this process knows. Another site can neither read the field nor forge it.
 *   <li><b>Origin</b>: a form post whose {@code Origin} names another site is refused.
 *   <li><b>Headers</b> every response carries: no sniffing, no framing, a strict content policy.
 * </ul>
 */
final class Security {

  static final String CSRF_COOKIE = "whodecides_csrf";
  static final String CSRF_FIELD = "csrf";
  static final String SESSION_COOKIE = "whodecides_session";
  static final Duration SESSION_LIFETIME = Duration.ofHours(12);

  /** The request attribute holding the signed-in person of a private service's page. */
  private static final String USER = "user";

  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' "
      + "'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

  /** Where to go after signing in: a path on this server only, never another site. */
  private static final Pattern LOCAL_PATH = Pattern.compile("/(?!/)[A-Za-z0-9\\-._~!$&'()*+,;=:@/?%]*");

  private static final SecureRandom RANDOM = new SecureRandom();

  private record Session(EntityRef user, Instant expires) {}

  private final Store store;
  private final Clock clock;
  private final boolean privateService;
  private final SecretKeySpec csrfKey;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  /** With {@code privateService}, reading the API needs a bearer token and the pages a sign-in. */
  Security(Store store, Clock clock, boolean privateService) {
    this.store = store;
    this.clock = clock;
    this.privateService = privateService;
    byte[] k = new byte[32];
    RANDOM.nextBytes(k);
    this.csrfKey = new SecretKeySpec(k, "HmacSHA256");
  }

  boolean privateService() {
    return privateService;
  }

  // ---- every response ----

  void headers(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "same-origin");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
  }

  // ---- the API: bearer tokens ----

  /** The person the request's bearer token belongs to; a 401 without a known one. */
  EntityRef caller(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new ApiError(401, "writing needs a bearer token: Authorization: Bearer <token from whodecides token create>");
    }
    return store.userForToken(header.substring(7))
        .orElseThrow(() -> new ApiError(401, "the bearer token is not known; create one with whodecides token create"));
  }

  /**
   * Before every API request of a private service: reads need a token too. Writes check theirs in
   * their handler (they need to know who calls); the OpenAPI document stays open.
   */
  void apiRead(Context ctx) {
    if (privateService && !ctx.method().name().equals("POST") && !ctx.path().equals("/api/openapi.json")) {
      caller(ctx);
    }
  }

  /** The person a token typed into a form belongs to, if the token is known. */
  Optional<EntityRef> tokenUser(String token) {
    return token == null || token.isBlank() ? Optional.empty() : store.userForToken(token.strip());
  }

  // ---- the pages: sessions ----

  /**
   * Before every page of a private service: a browser that is not signed in goes to the sign-in
   * form, and comes back to the page it asked for afterwards.
   */
  void pages(Context ctx) {
    if (!privateService) {
      return;
    }
    String path = ctx.path();
    if (path.startsWith("/api/") || path.startsWith("/static/") || path.startsWith("/webjars/")
        || path.equals("/signin") || ctx.attribute(USER) != null) {
      return;
    }
    Optional<EntityRef> user = session(ctx);
    if (user.isEmpty()) {
      String next = ctx.method().name().equals("GET") ? path + (ctx.queryString() == null ? "" : "?" + ctx.queryString())
          : "/";
      ctx.redirect("/signin?next=" + Links.enc(next), HttpStatus.SEE_OTHER);
      ctx.skipRemainingHandlers();
      return;
    }
    ctx.attribute(USER, user.get());
  }

  /** Who is signed in on this page, or null on an open service. */
  EntityRef signedIn(Context ctx) {
    return ctx.attribute(USER);
  }

  void signIn(Context ctx, EntityRef user) {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    Instant now = clock.instant();
    sessions.values().removeIf(s -> s.expires().isBefore(now));
    sessions.put(id, new Session(user, now.plus(SESSION_LIFETIME)));
    ctx.res().addHeader("Set-Cookie", SESSION_COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Lax; Max-Age="
        + SESSION_LIFETIME.toSeconds());
  }

  void signOut(Context ctx) {
    String id = ctx.cookie(SESSION_COOKIE);
    if (id != null) {
      sessions.remove(id);
    }
    ctx.res().addHeader("Set-Cookie", SESSION_COOKIE + "=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0");
  }

  private Optional<EntityRef> session(Context ctx) {
    String id = ctx.cookie(SESSION_COOKIE);
    Session s = id == null ? null : sessions.get(id);
    if (s == null) {
      return Optional.empty();
    }
    if (s.expires().isBefore(clock.instant())) {
      sessions.remove(id);
      return Optional.empty();
    }
    return Optional.of(s.user());
  }

  /** A return address after signing in: the path itself when it is on this server, else the overview. */
  static String safeNext(String next) {
    return next != null && LOCAL_PATH.matcher(next).matches() ? next : "/";
  }

  // ---- the pages' forms: CSRF and origin ----

  /** The value for a form's hidden field, setting the cookie it is checked against when missing. */
  String csrfToken(Context ctx) {
    String nonce = ctx.cookie(CSRF_COOKIE);
    if (nonce == null || nonce.length() < 16 || nonce.length() > 64) {
      byte[] b = new byte[24];
      RANDOM.nextBytes(b);
      nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
      ctx.res().addHeader("Set-Cookie", CSRF_COOKIE + "=" + nonce + "; Path=/; HttpOnly; SameSite=Strict");
    }
    return sign(nonce);
  }

  /**
   * Whether a form post came from a page of this service: it carries the signed value of its own
   * CSRF cookie, and its {@code Origin}, when the browser sends one, is this server.
   */
  boolean fromOurPage(Context ctx) {
    return csrfValid(ctx) && sameOrigin(ctx);
  }

  private boolean csrfValid(Context ctx) {
    String nonce = ctx.cookie(CSRF_COOKIE);
    String field = ctx.formParam(CSRF_FIELD);
    if (nonce == null || field == null) {
      return false;
    }
    return MessageDigest.isEqual(sign(nonce).getBytes(StandardCharsets.US_ASCII),
        field.getBytes(StandardCharsets.US_ASCII));
  }

  private static boolean sameOrigin(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin == null) {
      return true; // older browsers send none on same-origin posts; the signed cookie still decides
    }
    String host = ctx.header("Host");
    return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
  }

  private String sign(String nonce) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(csrfKey);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(nonce.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }
}
