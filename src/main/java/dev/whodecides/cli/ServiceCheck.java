package dev.whodecides.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whodecides.report.ReleaseCheckJson;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** {@code release check --service}: the running service's release gate, over HTTP. */
final class ServiceCheck {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ServiceCheck() {}

  /** Asks {@code service} (a base URL); a service that cannot be reached or refuses the question is a {@link UserError}. */
  static ReleaseCheckJson.CheckJson ask(String service, String product, String version) {
    String base = service.endsWith("/") ? service.substring(0, service.length() - 1) : service;
    URI uri;
    try {
      uri = URI.create(base + "/api/releases/check?product=" + encode(product) + "&version=" + encode(version));
      if (uri.getScheme() == null || !uri.getScheme().startsWith("http")) {
        throw new IllegalArgumentException("not an http(s) URL");
      }
    } catch (IllegalArgumentException e) {
      throw new UserError("--service '" + service + "' is not a URL such as http://whodecides.internal:8080");
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
    String token = System.getenv("WHODECIDES_TOKEN");
    if (token != null && !token.isBlank()) {
      request.header("Authorization", "Bearer " + token.strip());
    }
    HttpResponse<String> response;
    try {
      response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
          .send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UserError("cannot reach the service at " + base + " (" + e + "); check --service");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserError("interrupted while asking " + base);
    }
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UserError(base + " answered HTTP " + response.statusCode() + " with no JSON; is it a whodecides serve?");
    }
    if (response.statusCode() != 200) {
      String message = body.path("error").asText("HTTP " + response.statusCode());
      throw new UserError("the service refused the check: " + message
          + (response.statusCode() == 401 ? " (a private service needs WHODECIDES_TOKEN set to a token)" : ""));
    }
    try {
      return JSON.treeToValue(body, ReleaseCheckJson.CheckJson.class);
    } catch (IOException e) {
      throw new UserError(base + " answered a release check this whodecides cannot read (" + e.getMessage()
          .lines().findFirst().orElse("") + "); use the same whodecides version for both");
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
