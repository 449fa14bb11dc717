package dev.whodecides.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.whodecides.guarantees.PostgresDb;
import dev.whodecides.guarantees.jdbc.Connections;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Parity with datacontract-cli's own test suite: every case under {@code src/test/resources/parity}
 * is one of its tests (contract, data, and the outcome it asserts, see the folder's README) and is
 * run through {@code whodecides verify --format json}. The last line printed is the parity count.
 */
class ParityIT {

  static final Path CASES = Path.of("src", "test", "resources", "parity");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> OUTCOMES = Set.of("passed", "warning", "failed", "rejected");

  private static final Set<String> agreed = new ConcurrentSkipListSet<>();
  private static final Set<String> disagreed = new ConcurrentSkipListSet<>();
  private static final Set<String> departing = new ConcurrentSkipListSet<>();

  static List<String> cases() throws IOException {
    try (Stream<Path> s = Files.list(CASES)) {
      return s.filter(p -> Files.isRegularFile(p.resolve("case.yaml"))).map(p -> p.getFileName().toString()).sorted()
          .toList();
    }
  }

  /** What one run printed and how it ended. */
  record Outcome(int status, JsonNode report, String out, String err) {

    String outcome() {
      return switch (status) {
        case 0 -> report != null && report.path("summary").path("warnings").asLong() > 0 ? "warning" : "passed";
        case 1 -> "failed";
        case 2 -> "rejected";
        default -> "internal error " + status;
      };
    }

    List<JsonNode> checks() {
      List<JsonNode> all = new ArrayList<>();
      if (report != null) {
        report.path("contracts").forEach(c -> c.path("checks").forEach(all::add));
      }
      return all;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void agreesWithDatacontractCli(String name, @TempDir Path work) throws Exception {
    Path dir = CASES.resolve(name);
    JsonNode spec = YAML.readTree(dir.resolve("case.yaml").toFile());
    assertWellFormed(name, spec);
    copy(dir, work);
    Path contract = work.resolve(spec.get("contract").asText());
    Files.writeString(contract, Files.readString(contract).replace("@DIR@", work.toAbsolutePath().toString()));
    Map<String, String> env = new HashMap<>();
    JsonNode setup = spec.path("setup");
    PostgresDb pg = null;
    try {
      if (setup.has("duckdb")) {
        duckdb(work.resolve(setup.get("duckdb").get("database").asText()),
            Files.readString(work.resolve(setup.get("duckdb").get("sql").asText())));
      }
      if (setup.has("postgres")) {
        pg = PostgresDb.create();
        pg.run(Files.readString(work.resolve(setup.get("postgres").get("sql").asText())));
        String text = Files.readString(contract)
            .replace("database: " + setup.get("postgres").get("database").asText(), "database: " + pg.name)
            .replace("host: localhost", "host: " + PostgresDb.HOST)
            .replace("port: 5432", "port: " + PostgresDb.PORT);
        Files.writeString(contract, text);
        for (JsonNode s : YAML.readTree(text).path("servers")) {
          env.put(Connections.envPrefix(s.path("server").asText()) + "USERNAME", PostgresDb.USER);
        }
      }
      Map<String, String> digests = new HashMap<>();
      for (JsonNode f : spec.path("expected").path("unchanged")) {
        digests.put(f.asText(), digest(work.resolve(f.asText())));
      }
      List<String> args = new ArrayList<>(List.of("verify", contract.toString(), "--format", "json", "--timeout", "60"));
      if (spec.hasNonNull("server")) {
        args.addAll(List.of("--server", spec.get("server").asText()));
      }
      Outcome got = run(args, env);
      List<String> problems = compare(spec.path("expected"), got, work, digests);
      (problems.isEmpty() ? agreed : disagreed).add(name);
      if (spec.path("departs").asBoolean(false)) {
        departing.add(name);
      }
      assertThat(problems).as("%s (%s) disagrees; whodecides printed:%n%s%n%s", name,
          spec.path("source").path("tests"), got.out(), got.err()).isEmpty();
    } finally {
      if (pg != null) {
        pg.close();
      }
    }
  }

  @AfterAll
  static void count() {
    int all = agreed.size() + disagreed.size();
    if (all == 0) {
      return;
    }
    System.out.println("parity: " + agreed.size() + " of " + all + " datacontract-cli cases agree"
        + (departing.isEmpty() ? "" : " (" + departing.size() + " by a deliberate departure: " + departing + ")")
        + (disagreed.isEmpty() ? "" : "; disagreeing: " + disagreed));
  }

  private static void assertWellFormed(String name, JsonNode spec) {
    assertThat(spec.path("source").path("file").asText()).as(name + ": source.file").startsWith("tests/");
    assertThat(spec.path("source").path("tests").isArray() && !spec.path("source").path("tests").isEmpty())
        .as(name + ": source.tests").isTrue();
    assertThat(spec.path("asserts").asText()).as(name + ": asserts").isNotBlank();
    assertThat(OUTCOMES).as(name + ": expected.outcome").contains(spec.path("expected").path("outcome").asText());
    if (spec.path("departs").asBoolean(false)) {
      assertThat(spec.path("why").asText()).as(name + ": a departure says why").isNotBlank();
    }
  }

  static Outcome run(List<String> args, Map<String, String> env) throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine.IFactory factory = new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> cls) throws Exception {
        K made = CommandLine.defaultFactory().create(cls);
        if (made instanceof VerifyCommand v && !env.isEmpty()) {
          v.env = env;
        }
        return made;
      }
    };
    int status = Main.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true), factory);
    JsonNode report = null;
    if (!out.toString().isBlank()) {
      report = JSON.readTree(out.toString());
    }
    return new Outcome(status, report, out.toString(), err.toString());
  }

  /** The differences between what the case expects and what whodecides did; empty when they agree. */
  static List<String> compare(JsonNode expected, Outcome got, Path work, Map<String, String> digests) throws Exception {
    List<String> problems = new ArrayList<>();
    String outcome = expected.path("outcome").asText();
    if (!outcome.equals(got.outcome())) {
      problems.add("outcome " + got.outcome() + ", expected " + outcome);
    }
    if (expected.has("all-checks")) {
      String want = expected.get("all-checks").asText();
      if (got.checks().isEmpty()) {
        problems.add("no checks ran, expected every check " + want);
      }
      for (JsonNode c : got.checks()) {
        if (!want.equals(c.path("result").asText())) {
          problems.add("check " + describe(c) + " is " + c.path("result").asText() + ", expected every check " + want);
        }
      }
    }
    for (JsonNode want : expected.path("checks")) {
      if (got.checks().stream().noneMatch(c -> matches(want, c))) {
        problems.add("no check matches " + want + "; checks of the same kind: " + got.checks().stream()
            .filter(c -> c.path("check").asText().equals(want.path("check").asText())).map(ParityIT::describe).toList());
      }
    }
    for (JsonNode unwanted : expected.path("absent")) {
      got.checks().stream().filter(c -> matches(unwanted, c)).forEach(c -> problems.add("unexpected check " + describe(c)));
    }
    String printed = got.out() + "\n" + got.err();
    for (JsonNode s : expected.path("output-contains")) {
      if (!printed.contains(s.asText())) {
        problems.add("the output does not mention '" + s.asText() + "'");
      }
    }
    for (JsonNode s : expected.path("output-excludes")) {
      if (printed.contains(s.asText())) {
        problems.add("the output contains '" + s.asText() + "'");
      }
    }
    for (JsonNode f : expected.path("files-absent")) {
      if (Files.exists(work.resolve(f.asText()))) {
        problems.add("the run wrote " + f.asText());
      }
    }
    for (var e : digests.entrySet()) {
      if (!e.getValue().equals(digest(work.resolve(e.getKey())))) {
        problems.add("the run changed " + e.getKey());
      }
    }
    return problems;
  }

  /** Every field the expectation names has the same value in the check (numbers compared as numbers). */
  static boolean matches(JsonNode want, JsonNode check) {
    for (Iterator<Map.Entry<String, JsonNode>> it = want.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      JsonNode have = check.get(f.getKey());
      if (have == null || have.isNull()) {
        return false;
      }
      boolean same = (f.getValue().isNumber() && have.isNumber())
          ? f.getValue().asDouble() == have.asDouble()
          : f.getValue().asText().equals(have.asText());
      if (!same) {
        return false;
      }
    }
    return true;
  }

  private static String describe(JsonNode c) {
    return c.path("check").asText() + " " + c.path("object").asText()
        + (c.path("property").isTextual() ? "." + c.path("property").asText() : "") + " = "
        + c.path("result").asText() + " " + c.path("observed");
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  private static void duckdb(Path database, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + database); Statement st = c.createStatement()) {
      for (String statement : sql.split(";\\s*\\n")) {
        String s = statement.lines().filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + "\n" + b).strip();
        if (!s.isEmpty()) {
          st.execute(s);
        }
      }
    }
  }

  private static String digest(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
