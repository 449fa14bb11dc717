package dev.whodecides.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web tests' one HTTP client for a service started in-process: requests as a browser or an API
 * client would send them (redirects are not followed, so a test sees them), replies with their
 * status, headers and body, as text or as JSON.
 */
final class ServiceClient {

  static final ObjectMapper JSON = new ObjectMapper();

  private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private static final Duration TIMEOUT = Duration.ofMinutes(2);
  private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  private final String base;

  ServiceClient(Javalin app) {
    this.base = "http://127.0.0.1:" + app.port();
  }

  /** A plain GET, as a link followed. */
  Reply get(String path) {
    return request("GET", path).send();
  }

  Request request(String method, String path) {
    return new Request(method, path);
  }

  /** A request being put together: {@code client.request("POST", "/api/releases").bearer(token).json(body).send()}. */
  final class Request {

    private final String method;
    private final HttpRequest.Builder b;
    private String body;

    private Request(String method, String path) {
      this.method = method;
      this.b = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT);
    }

    Request header(String name, String value) {
      if (value != null) {
        b.header(name, value);
      }
      return this;
    }

    /** {@code Authorization: Bearer token}; none for null. */
    Request bearer(String token) {
      return header("Authorization", token == null ? null : "Bearer " + token);
    }

    /** The {@code Cookie} header; none for null. */
    Request cookie(String cookie) {
      return header("Cookie", cookie);
    }

    /** The {@code Origin} header a browser adds to a post; none for null. */
    Request origin(String origin) {
      return header("Origin", origin);
    }

    /** This service's own origin, as a browser posting one of its forms sends it. */
    Request sameOrigin() {
      return origin(base);
    }

    Request json(String json) {
      header("Content-Type", "application/json");
      return body(json);
    }

    /** An url-encoded form body, {@code a=1&b=2}. */
    Request form(String form) {
      header("Content-Type", "application/x-www-form-urlencoded");
      return body(form);
    }

    Request body(String text) {
      this.body = text;
      return this;
    }

    Reply send() {
      try {
        return Reply.of(HTTP.send(build(), HttpResponse.BodyHandlers.ofString()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    CompletableFuture<Reply> sendAsync() {
      return HTTP.sendAsync(build(), HttpResponse.BodyHandlers.ofString()).thenApply(Reply::of);
    }

    private HttpRequest build() {
      return b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString(body)).build();
    }
  }

  /** What came back. */
  record Reply(int status, HttpHeaders headers, String body) {

    static Reply of(HttpResponse<String> r) {
      return new Reply(r.statusCode(), r.headers(), r.body());
    }

    /** The body as JSON; fails the test when it is not. */
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (JsonProcessingException e) {
        throw new AssertionError("the reply (" + status + ") is not JSON: " + body, e);
      }
    }

    Optional<String> header(String name) {
      return headers.firstValue(name);
    }

    List<String> setCookies() {
      return headers.allValues("Set-Cookie");
    }

    /** {@code name=value} of the cookie the reply sets, ready for a {@code Cookie} header. */
    String cookie(String name) {
      return setCookies().stream().filter(c -> c.startsWith(name + "="))
          .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).findFirst()
          .orElseThrow(() -> new AssertionError("no Set-Cookie " + name + " in " + setCookies()));
    }

    /** The value of the page's hidden CSRF field. */
    String csrfField() {
      Matcher m = CSRF_FIELD.matcher(body);
      if (!m.find()) {
        throw new AssertionError("the page has no csrf field: " + body);
      }
      return m.group(1);
    }
  }

  /** Percent-encodes a form value or query parameter. */
  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
