package dev.whodecides.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whodecides.store.Store;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.router.ParsedEndpoint;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Routes} and {@code openapi.json} cannot drift apart: every API route the running service
 * has is documented, and every documented path and method answers (not with "no API endpoint").
 */
class RoutesTest {

  @TempDir static Path dir;
  /** A private service, which has every route (the sign-in pages too). */
  static Javalin app;
  /** An open one, whose reads answer without a token. */
  static Javalin open;
  static ServiceClient client;

  @BeforeAll
  static void start() {
    Store store = Store.open(dir.resolve("routes.db").toString(), null);
    CatalogSource catalog = new CatalogSource(List.of(Path.of("examples/retail-data-org")));
    app = new ServiceApp(catalog, store, Clock.systemUTC(), true).create().start("127.0.0.1", 0);
    open = new ServiceApp(catalog, store, Clock.systemUTC()).create().start("127.0.0.1", 0);
    client = new ServiceClient(open);
  }

  @AfterAll
  static void stop() {
    app.stop();
    open.stop();
  }

  /** {@code GET /api/findings}, ... of the running service's router (filters left out). */
  static Set<String> routed() {
    Set<String> out = new TreeSet<>();
    for (ParsedEndpoint e : app.unsafe.internalRouter.allHttpHandlers()) {
      HandlerType method = e.endpoint.method;
      if (method.isHttpMethod() && !method.equals(HandlerType.HEAD) && !method.equals(HandlerType.OPTIONS)) {
        out.add(method.name() + " " + e.endpoint.path);
      }
    }
    return out;
  }

  static Set<String> documented() {
    JsonNode paths = client.get("/api/openapi.json").json().get("paths");
    Set<String> out = new TreeSet<>();
    for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
      String path = it.next();
      paths.get(path).fieldNames().forEachRemaining(m -> out.add(m.toUpperCase(Locale.ROOT) + " " + path));
    }
    return out;
  }

  @Test
  void everyApiRouteIsDocumentedAndNothingElseIs() {
    Set<String> api = new TreeSet<>(routed());
    api.removeIf(r -> !r.substring(r.indexOf(' ') + 1).startsWith("/api/"));
    assertThat(api).as("API routes").hasSizeGreaterThan(10);
    assertThat(documented()).isEqualTo(api);
    assertThat(routed()).as("pages are routed too, and are no part of the API document")
        .contains("GET /", "GET /matrix", "POST /releases/<ref>", "POST /signin");
  }

  @Test
  void everyDocumentedPathAndMethodAnswers() {
    for (String route : documented()) {
      String method = route.substring(0, route.indexOf(' '));
      String path = route.substring(route.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "1");
      ServiceClient.Reply r = client.request(method, path).body(method.equals("POST") ? "{}" : null).send();
      assertThat(r.body()).as(route).doesNotContain("no API endpoint");
      // Reads answer, or refuse the made-up id or the missing parameter; writes want their token.
      assertThat(r.status()).as(route).isIn(method.equals("POST") ? List.of(401) : List.of(200, 400, 404));
    }
    assertThat(client.get("/api/nothing-here").body()).contains("no API endpoint GET /api/nothing-here");
  }
}
