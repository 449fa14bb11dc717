package dev.whodecides.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The {@code X-Whodecides-Signature} of a delivery: HMAC-SHA256 of the exact body bytes under the webhook's secret. */
public final class Signature {

  /** The header that carries the signature. */
  public static final String HEADER = "X-Whodecides-Signature";

  private Signature() {}

  /** {@code sha256=} and the lower-case hex HMAC-SHA256 of {@code body}. */
  public static String of(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
