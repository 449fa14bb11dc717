package dev.whodecides.backstage;

import static org.junit.jupiter.api.Assertions.fail;

import dev.whodecides.guarantees.PostgresDb;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Backstage catalog backend for tests: {@code tools/backstage} (pinned npm packages, installed
 * by {@code npm ci}, as {@code .ci/run} does) on the local PostgreSQL in databases of its own, with a
 * static token and one {@code file} location per catalog file (with one location for many files, a
 * single bad document drops everything that location produced).
 */
final class BackstageServer implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  static final Path HOME = Path.of("tools", "backstage").toAbsolutePath();

  final String token = "wd-test-" + UUID.randomUUID();
  final String url;
  private final String prefix = "whodecides_backstage_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8) + "_";
  private final Process process;
  private final Path log;

  private BackstageServer(Path dir, List<Path> files) throws IOException {
    int port = port();
    url = "http://127.0.0.1:" + port;
    StringBuilder config = new StringBuilder("""
        backend:
          baseUrl: %s
          listen: {host: 127.0.0.1, port: %d}
          database:
            client: pg
            connection: {host: '%s', port: %s, user: '%s'}
            prefix: %s
          auth:
            externalAccess:
              - type: static
                options: {token: '%s', subject: whodecides-tests}
        catalog:
          rules:
            - allow: [Component, System, API, Resource, Location, User, Group, Domain]
          locations:
        """.formatted(url, port, PostgresDb.HOST, PostgresDb.PORT, PostgresDb.USER, prefix, token));
    for (Path f : files) {
      config.append("    - {type: file, target: '").append(f.toAbsolutePath().normalize()).append("'}\n");
    }
    Path yaml = Files.writeString(dir.resolve("app-config.yaml"), config);
    log = dir.resolve("backstage.log");
    process = new ProcessBuilder("node", "server.js", "--config", yaml.toString())
        .directory(HOME.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /**
   * Starts the backend over {@code files} and waits until it answers; skips the test (fails it
   * under CI) when Node or the installed packages are missing.
   */
  static BackstageServer start(Path dir, List<Path> files) throws Exception {
    if (!Files.isDirectory(HOME.resolve("node_modules/@backstage/plugin-catalog-backend"))) {
      unavailable("tools/backstage is not installed; run `npm ci` in tools/backstage (.ci/run does)");
    }
    try (PostgresDb probe = PostgresDb.create()) {
      // Only to skip (or fail under CI) with PostgreSQL's message when there is no server.
    }
    BackstageServer server;
    try {
      server = new BackstageServer(dir, files);
    } catch (IOException e) {
      unavailable("cannot start node (" + e.getMessage() + "); install Node 20");
      throw e;
    }
    server.awaitCatalog();
    return server;
  }

  private static void unavailable(String why) {
    if (System.getenv("CI") != null) {
      fail("CI is set but " + why);
    }
    Assumptions.abort("skipped: " + why);
  }

  private static int port() throws IOException {
    String fixed = System.getProperty("whodecides.backstage.port");
    if (fixed != null) {
      return Integer.parseInt(fixed);
    }
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** GET on the catalog API with the token; the body, or the status when not 200. */
  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token).build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private void awaitCatalog() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        fail("Backstage stopped (exit " + process.exitValue() + "): " + Files.readString(log));
      }
      try {
        if (get("/api/catalog/entities/by-query?limit=1").statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      }
      Thread.sleep(500);
    }
    fail("Backstage did not answer within 120 s: " + Files.readString(log));
  }

  String log() throws IOException {
    return Files.readString(log);
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    try (var c = DriverManager.getConnection("jdbc:postgresql://" + PostgresDb.HOST + ":" + PostgresDb.PORT
            + "/postgres?user=" + PostgresDb.USER);
         Statement st = c.createStatement();
         var rs = st.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '" + prefix + "%'")) {
      List<String> names = new java.util.ArrayList<>();
      while (rs.next()) {
        names.add(rs.getString(1));
      }
      for (String n : names) {
        try (Statement drop = c.createStatement()) {
          drop.execute("DROP DATABASE IF EXISTS " + n + " WITH (FORCE)");
        }
      }
    } catch (SQLException e) {
      // The databases are named for this run only; one left behind harms no other test.
    }
  }
}
