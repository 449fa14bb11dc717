package dev.whodecides.guarantees;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A single-node Trino (coordinator and worker in one process) with the memory connector as
 * catalog {@code memory}, started from the server archive that Maven unpacks before the
 * integration tests (see pom.xml) in a child JVM of Java 24 or newer, on a free loopback port.
 * Where it cannot start, the test is skipped with the reason, and fails under CI.
 */
final class TrinoEngine implements AutoCloseable {

  /** Trino 476 is compiled for Java 24. */
  static final int MIN_JAVA = 24;
  static final Duration START_TIMEOUT = Duration.ofSeconds(Long.getLong("whodecides.trino.start-seconds", 240));

  final int port;
  private final Process process;
  private final Path work;
  private final Path log;
  private final Thread reaper;

  private TrinoEngine(int port, Process process, Path work, Path log) {
    this.port = port;
    this.process = process;
    this.work = work;
    this.log = log;
    // A test JVM that dies must not leave the server running.
    this.reaper = new Thread(process::destroyForcibly, "trino-reaper");
    Runtime.getRuntime().addShutdownHook(reaper);
  }

  /** Starts the server and waits until it answers queries, or skips/fails the test. */
  static TrinoEngine start() {
    String home = System.getProperty("whodecides.trino.home");
    if (home == null || !Files.isDirectory(Path.of(home, "lib"))) {
      unavailable("the Trino server is not unpacked (" + home + "); run `mvn verify`, whose pre-integration-test"
          + " phase unpacks io.trino:trino-server-core from Maven Central");
    }
    Path java = javaHome().map(j -> j.resolve("bin/java")).orElse(null);
    if (java == null) {
      unavailable("Trino needs Java " + MIN_JAVA + "+ and none was found; set -Dwhodecides.trino.java=JDK_HOME"
          + " (a temurin-25 JDK sits in /usr/lib/jvm on this project's machines)");
    }
    Path work = null;
    Process p = null;
    try {
      work = Files.createTempDirectory("whodecides-trino-");
      int port = freePort();
      Files.createDirectories(work.resolve("catalog"));
      Files.writeString(work.resolve("catalog/memory.properties"), "connector.name=memory\n");
      Files.writeString(work.resolve("config.properties"), String.join("\n",
          "coordinator=true",
          "node-scheduler.include-coordinator=true",
          "http-server.http.port=" + port,
          "discovery.uri=http://127.0.0.1:" + port,
          "query.max-memory=256MB",
          "query.max-memory-per-node=128MB",
          "plugin.dir=" + Path.of(home, "plugin"),
          "catalog.config-dir=" + work.resolve("catalog"),
          ""));
      Path log = work.resolve("server.log");
      List<String> cmd = new ArrayList<>(List.of(java.toString(),
          "-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError",
          "-Dnode.environment=test", "-Dnode.id=whodecides-test", "-Dnode.data-dir=" + work.resolve("data"),
          // Loopback only: Trino would otherwise announce the machine's first network address.
          "-Dnode.bind-ip=127.0.0.1", "-Dnode.internal-address=127.0.0.1",
          "-Dconfig=" + work.resolve("config.properties"),
          "-cp", Path.of(home, "lib") + "/*", "io.trino.server.TrinoServer"));
      p = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      TrinoEngine engine = new TrinoEngine(port, p, work, log);
      engine.awaitStarted();
      return engine;
    } catch (IOException | InterruptedException e) {
      if (p != null) {
        p.destroyForcibly();
      }
      unavailable("Trino did not start: " + e.getMessage());
      return null;
    }
  }

  private void awaitStarted() throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest info = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/info"))
        .timeout(Duration.ofSeconds(5)).build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        String tail = tail();
        close();
        unavailable("Trino exited with status " + process.exitValue() + " while starting: " + tail);
      }
      try {
        HttpResponse<String> r = http.send(info, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && r.body().replace(" ", "").contains("\"starting\":false")) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    String tail = tail();
    close();
    unavailable("Trino did not start within " + START_TIMEOUT.toSeconds() + " s: " + tail);
  }

  private String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static void unavailable(String how) {
    if (System.getenv("CI") != null) {
      fail("CI is set but " + how);
    }
    Assumptions.abort("skipped: " + how);
  }

  /** The JDK to run Trino with: -Dwhodecides.trino.java, else the newest JDK 24+ under /usr/lib/jvm. */
  static java.util.Optional<Path> javaHome() {
    String given = System.getProperty("whodecides.trino.java");
    if (given != null) {
      return java.util.Optional.of(Path.of(given));
    }
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return java.util.Optional.empty();
    }
    try (Stream<Path> dirs = Files.list(jvms)) {
      return dirs.filter(d -> Files.isExecutable(d.resolve("bin/java")) && feature(d) >= MIN_JAVA)
          .max(Comparator.comparingInt(TrinoEngine::feature));
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
  }

  /** The feature version in a JDK's {@code release} file (JAVA_VERSION="25.0.3"), 0 when unreadable. */
  private static int feature(Path jdk) {
    try {
      for (String line : Files.readAllLines(jdk.resolve("release"))) {
        if (line.startsWith("JAVA_VERSION=")) {
          String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
          return Integer.parseInt(v.split("[.+-]")[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return 0;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  String url(String catalog, String schema) {
    return "jdbc:trino://127.0.0.1:" + port + "/" + catalog + "/" + schema;
  }

  Connection connect(String user) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", user);
    return DriverManager.getConnection("jdbc:trino://127.0.0.1:" + port + "/memory", p);
  }

  void run(String user, String... statements) throws SQLException {
    try (Connection c = connect(user); Statement st = c.createStatement()) {
      for (String sql : statements) {
        st.execute(sql);
      }
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(reaper);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs anyway
    }
    try (Stream<Path> files = Files.walk(work)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
