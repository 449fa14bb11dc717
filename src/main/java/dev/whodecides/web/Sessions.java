package dev.whodecides.web;

import dev.whodecides.vocabulary.EntityRef;
import io.javalin.http.Context;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Browser sign-in for a private service: after a person proves an API token once, their browser
 * holds a random session id (HttpOnly, SameSite=Lax cookie, so a link from chat or mail arrives
 * signed in; every change is a POST with its own CSRF check) that maps, in this process only, to
 * the token's user for {@link #LIFETIME}. The token itself never goes into a cookie. A restart
 * signs everybody out.
 */
final class Sessions {

  static final String COOKIE = "whodecides_session";
  static final Duration LIFETIME = Duration.ofHours(12);
  private static final SecureRandom RANDOM = new SecureRandom();

  private record Session(EntityRef user, Instant expires) {}

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Clock clock;

  Sessions(Clock clock) {
    this.clock = clock;
  }

  void signIn(Context ctx, EntityRef user) {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    Instant now = clock.instant();
    sessions.values().removeIf(s -> s.expires().isBefore(now));
    sessions.put(id, new Session(user, now.plus(LIFETIME)));
    ctx.res().addHeader("Set-Cookie", COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Lax; Max-Age="
        + LIFETIME.toSeconds());
  }

  void signOut(Context ctx) {
    String id = ctx.cookie(COOKIE);
    if (id != null) {
      sessions.remove(id);
    }
    ctx.res().addHeader("Set-Cookie", COOKIE + "=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0");
  }

  Optional<EntityRef> user(Context ctx) {
    String id = ctx.cookie(COOKIE);
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
}
