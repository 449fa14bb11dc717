package dev.whodecides.notify;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * One place the service tells about release calls: its address, the secret its deliveries are
 * signed with (null for unsigned) and the body format. The secret, and an address's path (a
 * Slack webhook address is itself a credential), never appear in {@link #toString()} or
 * {@link #shown()}.
 */
public record Webhook(URI url, String secret, Format format) {

  /** What a delivery's body looks like. */
  public enum Format {
    /** The whole {@code release.recorded} event. */
    JSON,
    /** The statement as a Slack-compatible {@code {"text": ...}} message. */
    SLACK;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Format> byId(String id) {
      for (Format f : values()) {
        if (f.id().equals(id)) {
          return Optional.of(f);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * An absolute http or https address with a host, or empty: the one test every source of
   * webhooks (the configuration, {@code serve --webhook}) applies.
   */
  public static Optional<URI> address(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(text.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getRawUserInfo() == null) {
        return Optional.of(uri);
      }
    } catch (java.net.URISyntaxException e) {
      // not an address: empty below
    }
    return Optional.empty();
  }

  public boolean signed() {
    return secret != null;
  }

  /** The address as pages and logs show it: scheme, host and port, the path left out. */
  public String shown() {
    return shown(url.toString());
  }

  /** {@link #shown()} for an address stored as text. */
  public static String shown(String url) {
    try {
      URI u = new URI(url);
      String path = u.getRawPath() == null || u.getRawPath().isEmpty() || u.getRawPath().equals("/") ? "/" : "/…";
      return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort()) + path;
    } catch (java.net.URISyntaxException | NullPointerException e) {
      return "(an address that is not a URL)";
    }
  }

  @Override
  public String toString() {
    return "Webhook[" + shown() + ", " + format.id() + (signed() ? ", signed" : ", unsigned") + "]";
  }
}
