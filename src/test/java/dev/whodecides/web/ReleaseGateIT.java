package dev.whodecides.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whodecides.store.Store;
import dev.whodecides.vocabulary.EntityRef;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The release gate end to end, every part a real process: the packaged jar, a private service, and
 * the deploy job of {@code docs/release-gate.md} run step by step with bash as Actions runs it. The
 * deploy is blocked while no ship is on record, goes once the owner recorded one, is blocked again
 * by a superseding wait, and a ship still stands after the release decision changed hands.
 */
class ReleaseGateIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  record Result(int status, String out, String err) {}

  @TempDir Path dir;

  /** Runs the packaged jar, as a pipeline would, in the work folder. */
  Result whodecides(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(java(), "-jar", dir.resolve("whodecides.jar").toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).start();
    return finish(p);
  }

  static Result finish(Process p) throws Exception {
    var out = p.getInputStream().readAllBytes();
    var err = p.getErrorStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** The steps of the documented deploy job, by name. */
  @SuppressWarnings("unchecked")
  static Map<String, Map<String, Object>> documentedSteps() throws IOException {
    String doc = Files.readString(Path.of("docs/release-gate.md"));
    Matcher m = Pattern.compile("```yaml\n(# \\.github/workflows/deploy[^`]*)```").matcher(doc);
    assertThat(m.find()).as("docs/release-gate.md has the deploy workflow").isTrue();
    Map<String, Object> workflow = new Yaml().load(m.group(1));
    Map<String, Object> job = (Map<String, Object>) ((Map<String, Object>) workflow.get("jobs")).get("deploy");
    assertThat((Map<String, Object>) job.get("env")).containsKeys("PRODUCT", "VERSION");
    Map<String, Map<String, Object>> steps = new LinkedHashMap<>();
    for (Map<String, Object> step : (List<Map<String, Object>>) job.get("steps")) {
      if (step.get("name") != null) {
        steps.put((String) step.get("name"), step);
      }
    }
    List<String> names = new ArrayList<>(steps.keySet());
    assertThat(names.indexOf("Release gate")).as("the gate runs before the deploy").isLessThan(names.indexOf("Deploy"))
        .isNotNegative();
    return steps;
  }

  /**
   * Runs the documented Release gate and Deploy steps as Actions would (bash -eo pipefail, a failed
   * step skips the rest) and returns the gate's exit status and what the job printed.
   */
  @SuppressWarnings("unchecked")
  Result deployJob(String version, String url, String token) throws Exception {
    Map<String, Map<String, Object>> steps = documentedSteps();
    StringBuilder log = new StringBuilder();
    int status = 0;
    for (String name : List.of("Release gate", "Deploy")) {
      Map<String, Object> step = steps.get(name);
      Path script = dir.resolve(name.replace(' ', '-') + ".sh");
      Files.writeString(script, (String) step.get("run"));
      ProcessBuilder pb = new ProcessBuilder("bash", "--noprofile", "--norc", "-eo", "pipefail", script.toString())
          .directory(dir.toFile()).redirectErrorStream(true);
      Map<String, String> env = pb.environment();
      env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
      env.put("PRODUCT", "component:default/newsletter-picks");
      env.put("VERSION", version);
      env.put("WHODECIDES_URL", url);
      env.put("WHODECIDES_TOKEN", token);
      if (step.get("env") != null) {
        assertThat(env).containsKeys(((Map<String, Object>) step.get("env")).keySet().toArray(String[]::new));
      }
      Result r = finish(pb.start());
      log.append(r.out());
      if (r.status() != 0) {
        status = r.status();
        break;
      }
    }
    return new Result(status, log.toString(), "");
  }

  static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
  }

  @Test
  void theDeployGoesOnlyWhileAShipStands() throws Exception {
    Files.copy(Path.of(System.getProperty("whodecides.jar", "target/whodecides.jar")), dir.resolve("whodecides.jar"));
    Path catalog = dir.resolve("catalog");
    copy(Path.of("examples/retail-data-org"), catalog);
    Files.writeString(dir.resolve("deploy.sh"), "#!/bin/sh\necho \"deploying $1\"\necho \"$1\" >> deployed.txt\n");
    assertThat(dir.resolve("deploy.sh").toFile().setExecutable(true)).isTrue();
    Path db = dir.resolve("records.db");
    String token = Store.open(db.toString(), null).createToken(EntityRef.parse("user:kenji.watanabe", null));
    int port = KillDurabilityIT.freePort();
    String url = "http://127.0.0.1:" + port;
    Process service = KillDurabilityIT.serve(List.of(catalog.toString(), "--port", String.valueOf(port), "--db",
        db.toString(), "--private"));
    try {
      // Nothing on record: blocked, on the database and through the service alike.
      Result none = whodecides("release", "check", "--catalog", "catalog", "--db", db.toString(),
          "--product", "newsletter-picks", "--version", "2.4.0", "--format", "json");
      assertThat(none.status()).as(none.err()).isEqualTo(1);
      assertThat(JSON.readTree(none.out()).get("reason").asText()).startsWith("No call on record");
      Result blocked = deployJob("2.4.0", url, token);
      assertThat(blocked.status()).isEqualTo(1);
      assertThat(blocked.out()).contains("blocked: No call on record for component:default/newsletter-picks 2.4.0")
          .contains("::error title=Release gate::").doesNotContain("deploying");
      assertThat(dir.resolve("deployed.txt")).doesNotExist();

      // The owner records the ship: the same job deploys.
      Result recorded = whodecides("release", "record", "--catalog", "catalog", "--db", db.toString(),
          "--product", "newsletter-picks", "--version", "2.4.0", "--decision", "ship", "--by", "tomas.reyes",
          "--metric", "precision=0.83", "--bar", "precision>=0.80");
      assertThat(recorded.status()).as(recorded.err()).isZero();
      Result allowed = deployJob("2.4.0", url, token);
      assertThat(allowed.status()).as(allowed.out()).isZero();
      assertThat(allowed.out()).contains("allowed: user:default/tomas.reyes decided to ship").contains("deploying 2.4.0");
      assertThat(Files.readString(dir.resolve("deployed.txt"))).isEqualTo("2.4.0\n");

      // The database and the service give one answer.
      Result viaDb = whodecides("release", "check", "--catalog", "catalog", "--db", db.toString(),
          "--product", "newsletter-picks", "--version", "2.4.0", "--format", "json");
      Result viaService = serviceCheck(url, token, "2.4.0");
      assertThat(viaDb.status()).isZero();
      assertThat(viaService.status()).as(viaService.err()).isZero();
      assertThat(JSON.readTree(viaService.out())).isEqualTo(JSON.readTree(viaDb.out()));
      assertThat(JSON.readTree(viaDb.out()).get("record").get("decision").asText()).isEqualTo("ship");

      // A private service refuses a gate without a token, and the gate fails closed (exit 2).
      Result noToken = whodecides("release", "check", "--service", url, "--product", "newsletter-picks",
          "--version", "2.4.0");
      assertThat(noToken.status()).isEqualTo(2);
      assertThat(noToken.err()).contains("WHODECIDES_TOKEN");

      // The owner corrects the ship with a wait through the API: blocked again.
      long shipId = JSON.readTree(viaDb.out()).get("record").get("id").asLong();
      String owner = Store.open(db.toString(), null).createToken(EntityRef.parse("user:tomas.reyes", null));
      HttpResponse<String> wait = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/releases"))
          .header("Authorization", "Bearer " + owner).POST(HttpRequest.BodyPublishers.ofString(
              "{\"product\":\"newsletter-picks\",\"version\":\"2.4.0\",\"decision\":\"wait\",\"by\":\"tomas.reyes\","
                  + "\"waitUntil\":\"2026-12-20\",\"rationale\":\"Complaints about repeated picks\",\"supersedes\":"
                  + shipId + "}")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(wait.statusCode()).as(wait.body()).isEqualTo(201);
      Result superseded = deployJob("2.4.0", url, token);
      assertThat(superseded.status()).isEqualTo(1);
      assertThat(superseded.out()).contains("superseded by a wait").contains("until 2026-12-20");
      assertThat(Files.readString(dir.resolve("deployed.txt"))).isEqualTo("2.4.0\n");

      // A ship stands after the release decision moved to someone else, and the answer says so.
      assertThat(whodecides("release", "record", "--catalog", "catalog", "--db", db.toString(), "--product",
          "newsletter-picks", "--version", "2.5.0", "--decision", "ship", "--by", "tomas.reyes").status()).isZero();
      Path decisions = catalog.resolve("decisions/customer-experience.yaml");
      String before = Files.readString(decisions);
      String handedOver = before.replace("  scope: component:newsletter-picks\n  owner: user:tomas.reyes",
          "  scope: component:newsletter-picks\n  owner: user:sofia.marin");
      assertThat(handedOver).isNotEqualTo(before);
      Files.writeString(decisions, handedOver);
      Thread.sleep(1100); // the service looks for changed files at most once a second
      Result moved = serviceCheck(url, token, "2.5.0");
      assertThat(moved.status()).as(moved.err()).isZero();
      assertThat(JSON.readTree(moved.out()).get("reason").asText())
          .contains("now held by user:default/sofia.marin, not user:default/tomas.reyes")
          .contains("the call still stands");
      Result deployed = deployJob("2.5.0", url, token);
      assertThat(deployed.status()).isZero();
      assertThat(Files.readString(dir.resolve("deployed.txt"))).isEqualTo("2.4.0\n2.5.0\n");
    } finally {
      service.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  Result serviceCheck(String url, String token, String version) throws Exception {
    List<String> cmd = List.of(java(), "-jar", dir.resolve("whodecides.jar").toString(), "release", "check",
        "--service", url, "--product", "newsletter-picks", "--version", version, "--format", "json");
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().put("WHODECIDES_TOKEN", token);
    return finish(pb.start());
  }
}
