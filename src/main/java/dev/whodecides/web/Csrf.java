package dev.whodecides.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Cross-site request forgery protection for the UI's forms, as a signed double-submit cookie: the
 * browser holds a random value in an HttpOnly, SameSite=Strict cookie; each form carries that value
 * signed with a key only this process knows. A post counts only when the two match, so another
 * site can neither read the field nor forge it. (The JSON API needs none: it takes no cookies, only
 * bearer tokens.)
 */
final class Csrf {

  static final String COOKIE = "whodecides_csrf";
  static final String FIELD = "csrf";

  private static final SecureRandom RANDOM = new SecureRandom();
  private final SecretKeySpec key;

  Csrf() {
    byte[] k = new byte[32];
    RANDOM.nextBytes(k);
    key = new SecretKeySpec(k, "HmacSHA256");
  }

  /** The value for a form's hidden field, setting the cookie it is checked against when missing. */
  String token(Context ctx) {
    String nonce = ctx.cookie(COOKIE);
    if (nonce == null || nonce.length() < 16 || nonce.length() > 64) {
      byte[] b = new byte[24];
      RANDOM.nextBytes(b);
      nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
      ctx.res().addHeader("Set-Cookie", COOKIE + "=" + nonce + "; Path=/; HttpOnly; SameSite=Strict");
    }
    return sign(nonce);
  }

  /** Whether a form post carries the signed value of its own cookie. */
  boolean valid(Context ctx) {
    String nonce = ctx.cookie(COOKIE);
    String field = ctx.formParam(FIELD);
    if (nonce == null || field == null) {
      return false;
    }
    return MessageDigest.isEqual(sign(nonce).getBytes(StandardCharsets.US_ASCII),
        field.getBytes(StandardCharsets.US_ASCII));
  }

  private String sign(String nonce) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(nonce.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }
}
