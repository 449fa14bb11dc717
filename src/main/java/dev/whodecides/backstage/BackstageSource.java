package dev.whodecides.backstage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whodecides.catalog.LiveCatalog;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads every entity of a running Backstage through its catalog REST API
 * ({@code GET /api/catalog/entities/by-query}, page after page by its cursor). A catalog that
 * cannot be read (unreachable, a refused token, a server error, an answer that is not the API's)
 * gives one sentence naming the URL and what to do; the token never appears in one.
 */
public final class BackstageSource {

  /** The environment variable the token is read from, sent as a bearer token. */
  public static final String TOKEN_VARIABLE = "WHODECIDES_BACKSTAGE_TOKEN";

  /** Entities per page: Backstage serves pages of any size, and fewer round trips are faster. */
  static final int PAGE = 500;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String base;
  private final String token;
  private final HttpClient http;
  private final Duration timeout;

  /**
   * A reader of the Backstage at {@code url} (its base, e.g. {@code http://backstage:7007}; a
   * trailing {@code /api/catalog} is accepted too), sending {@code token} when it is not blank.
   */
  public BackstageSource(String url, String token) {
    this(url, token, Duration.ofSeconds(60));
  }

  public BackstageSource(String url, String token, Duration timeout) {
    String b = url.strip();
    while (b.endsWith("/")) {
      b = b.substring(0, b.length() - 1);
    }
    if (b.endsWith("/api/catalog")) {
      b = b.substring(0, b.length() - "/api/catalog".length());
    }
    this.base = b;
    this.token = token == null || token.isBlank() ? null : token.strip();
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  /** A reader with the token from {@link #TOKEN_VARIABLE}, when it is set. */
  public static BackstageSource fromEnvironment(String url) {
    return new BackstageSource(url, System.getenv(TOKEN_VARIABLE));
  }

  /** The URL as given, checked: an http or https URL with a host, or a sentence saying what is wrong. */
  public static String check(String url) {
    try {
      URI u = URI.create(url.strip());
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
        return "--backstage needs the http:// or https:// URL of a Backstage backend, e.g. http://localhost:7007,"
            + " not '" + url + "'";
      }
      return null;
    } catch (IllegalArgumentException e) {
      return "--backstage '" + url + "' is not a URL; give the Backstage backend's, e.g. http://localhost:7007";
    }
  }

  public String url() {
    return base;
  }

  /** Every entity, or the reason none could be read. */
  public LiveCatalog read() {
    String problem = check(base);
    if (problem != null) {
      return LiveCatalog.failed(base, problem);
    }
    List<Map<String, Object>> entities = new ArrayList<>();
    Set<String> cursors = new HashSet<>();
    String cursor = null;
    try {
      do {
        JsonNode page = page(cursor);
        JsonNode items = page.get("items");
        if (items == null || !items.isArray()) {
          return LiveCatalog.failed(base, notTheApi("it has no items list"));
        }
        for (JsonNode item : items) {
          if (item.isObject()) {
            entities.add(MAPPER.convertValue(item, MAPPER.getTypeFactory()
                .constructMapType(Map.class, String.class, Object.class)));
          }
        }
        JsonNode next = page.path("pageInfo").path("nextCursor");
        cursor = next.isTextual() && !next.asText().isEmpty() ? next.asText() : null;
        if (cursor != null && !cursors.add(cursor)) {
          return LiveCatalog.failed(base, "the catalog API returned the same page cursor twice;"
              + " its answer cannot be read to the end");
        }
      } while (cursor != null);
    } catch (Failure f) {
      return LiveCatalog.failed(base, f.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return LiveCatalog.failed(base, "reading the catalog was interrupted");
    }
    return LiveCatalog.of(base, entities);
  }

  private JsonNode page(String cursor) throws Failure, InterruptedException {
    String query = cursor == null ? "limit=" + PAGE
        : "limit=" + PAGE + "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
    URI uri = URI.create(base + "/api/catalog/entities/by-query?" + query);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpConnectTimeoutException e) {
      throw new Failure("cannot reach Backstage (no answer to connect within 10 s); check --backstage"
          + " and that Backstage runs");
    } catch (HttpTimeoutException e) {
      throw new Failure("Backstage did not answer within " + timeout.toSeconds() + " s; try again"
          + " or check its health");
    } catch (ConnectException | UnresolvedAddressException e) {
      throw new Failure("cannot reach Backstage (" + reason(e) + "); check --backstage and that"
          + " Backstage runs");
    } catch (IOException e) {
      throw new Failure("cannot read Backstage (" + reason(e) + "); check --backstage and that"
          + " Backstage runs");
    }
    int status = response.statusCode();
    if (status == 401 || status == 403) {
      throw new Failure("Backstage refused the request (" + status + " "
          + (status == 401 ? "Unauthorized" : "Forbidden") + ")" + serverMessage(response.body()) + "; "
          + (token == null ? "set " + TOKEN_VARIABLE + " to a token it accepts"
              : "check " + TOKEN_VARIABLE + ": it must be a token Backstage accepts"
                  + " (backend.auth.externalAccess) with access to the catalog"));
    }
    if (status == 404) {
      throw new Failure("Backstage has no catalog API (404 for /api/catalog/entities/by-query);"
          + " give the backend's base URL, e.g. http://localhost:7007");
    }
    if (status >= 500) {
      throw new Failure("Backstage failed (" + status + ")" + serverMessage(response.body())
          + "; try again, or see its logs");
    }
    if (status != 200) {
      throw new Failure("Backstage answered " + status + serverMessage(response.body())
          + " to /api/catalog/entities/by-query");
    }
    try {
      JsonNode body = MAPPER.readTree(response.body());
      if (body == null || !body.isObject()) {
        throw new Failure(notTheApi("it is not a JSON object"));
      }
      return body;
    } catch (JsonProcessingException e) {
      throw new Failure(notTheApi("it is not JSON"));
    }
  }

  private String notTheApi(String why) {
    return "the answer to /api/catalog/entities/by-query is not Backstage's catalog API (" + why
        + "); give the Backstage backend's base URL";
  }

  /** Backstage's own one-line reason from an error body ({@code {"error":{"message":...}}}), if any. */
  private static String serverMessage(String body) {
    try {
      JsonNode message = MAPPER.readTree(body).path("error").path("message");
      if (message.isTextual() && !message.asText().isBlank()) {
        String m = message.asText().lines().findFirst().orElse("").strip();
        return ": " + (m.length() > 200 ? m.substring(0, 200) + "..." : m);
      }
    } catch (JsonProcessingException | RuntimeException e) {
      // Not Backstage's error shape: the status alone says enough.
    }
    return "";
  }

  private static String reason(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
        return "unknown host";
      }
    }
    if (e instanceof ConnectException) {
      return "connection refused";
    }
    if (e instanceof UnresolvedAddressException) {
      return "unknown host";
    }
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
  }

  /** Why a read stopped, as the sentence for the user. */
  private static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;

    Failure(String message) {
      super(message, null, false, false);
    }
  }
}
