package dev.whodecides.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whodecides.Shared;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Backstage and whodecides give every document of the corpus the same verdict. Backstage's verdict
 * comes from its own code: {@code tools/backstage-validate} runs {@code @backstage/catalog-model}
 * (pinned in its lock file) the way the catalog backend does. The corpus is the real Backstage
 * files in {@code ../shared/examples/backstage} and the mutation set in
 * {@code src/test/resources/backstage-conformance}, one file per way a document can go wrong.
 *
 * <p>Verdicts compared: a document Backstage accepts loads; one it rejects for a reason of its
 * own is an {@code invalid-entity} problem naming the same field; one no Backstage processor
 * recognises (a kind or apiVersion it does not know) is skipped with a notice; a file Backstage
 * cannot read as entities (YAML errors, a list or text at the root) is either a YAML error or
 * skipped.
 */
class BackstageConformanceIT {

  private static final Path TOOL = Path.of("tools/backstage-validate");
  private static final Path MUTATIONS = Path.of("src/test/resources/backstage-conformance");
  private static final String NO_PROCESSOR = "No processor recognized the entity";

  /**
   * Where whodecides is stricter than Backstage on purpose, by file name: the verdict whodecides
   * gives instead, and why. Nothing else may differ.
   */
  private static final Map<String, String> STRICTER = Map.of(
      "duplicate-names.yaml#1", "invalid: the second of two documents with one reference; Backstage accepts each"
          + " document alone and then silently keeps only one of them",
      "kind-lowercase.yaml#0", "invalid: 'component' differs from a kind whodecides analyses only in case; the"
          + " author meant a Component, which Backstage drops without a word",
      "whodecides-kind-typo.yaml#0", "invalid: an unknown kind under whodecides' own apiVersion is a typo of"
          + " Decision, UseCase or Improvement, not a kind to skip",
      "whodecides-schedule-typo.yaml#0", "invalid: whodecides' own annotations hold values its rules read, so a"
          + " value it cannot read is an error (Backstage only needs annotation values to be text)");

  private static final Map<String, String> WHODECIDES_ONLY = Map.of(
      "whodecides-decision.yaml#0", "loads: whodecides' own kinds are its to define; Backstage has no"
          + " processor for them, so they live in the repository beside the catalog");

  private static Map<String, List<JsonNode>> backstage;

  @BeforeAll
  static void runBackstage() throws Exception {
    if (!Files.isDirectory(TOOL.resolve("node_modules/@backstage/catalog-model"))) {
      run(List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
    }
    List<String> cmd = new ArrayList<>(List.of("node", TOOL.resolve("validate.js").toString(), "--verdicts",
        MUTATIONS.toString(), Shared.path("examples/backstage").toString()));
    String out = run(cmd, 120);
    ObjectMapper json = new ObjectMapper();
    backstage = new TreeMap<>();
    for (String line : out.split("\n")) {
      if (!line.isBlank()) {
        JsonNode n = json.readTree(line);
        backstage.computeIfAbsent(Path.of(n.get("file").asText()).normalize().toString(), k -> new ArrayList<>()).add(n);
      }
    }
  }

  private static String run(List<String> cmd, int seconds) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    if (cmd.get(0).equals("npm")) {
      pb.directory(TOOL.toFile());
    }
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(seconds, TimeUnit.SECONDS)).as("%s finishes", cmd).isTrue();
    String text = new String(out, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as("%s exits 0:%n%s", cmd, text).isZero();
    return text;
  }

  /** What whodecides made of one document: its verdict and what it said. */
  private record Outcome(int line, String verdict, String said) {}

  private static List<Outcome> whodecides(Path file) {
    Catalog c = CatalogLoader.load(List.of(file));
    // Only this file's documents: a Location's targets are judged as files of their own.
    String shown = CatalogLoader.display(file);
    TreeMap<Integer, Outcome> byLine = new TreeMap<>();
    c.entities().stream().filter(e -> e.file().equals(shown))
        .forEach(e -> byLine.putIfAbsent(e.line(), new Outcome(e.line(), "valid", e.ref().toString())));
    c.contracts().stream().filter(k -> k.file().equals(shown))
        .forEach(k -> byLine.putIfAbsent(k.line(), new Outcome(k.line(), "valid", "contract")));
    for (LoadProblem p : c.loadProblems()) {
      if (p.file().equals(shown) && p.message().startsWith("checked ")) {
        // A kind whodecides validates as Backstage does but does not analyse (AiResource).
        byLine.putIfAbsent(p.line(), new Outcome(p.line(), "valid", p.message()));
      }
    }
    for (SchemaProblem p : c.schemaProblems()) {
      Outcome o = byLine.get(p.line());
      byLine.put(p.line(), new Outcome(p.line(), "invalid", (o == null || o.verdict().equals("valid") ? ""
          : o.said() + " | ") + p.message()));
    }
    for (LoadProblem p : c.loadProblems()) {
      if (!p.file().equals(shown)) {
        continue;
      }
      byLine.putIfAbsent(p.line(), new Outcome(p.line(), p.fatal() ? "error" : "skipped", p.message()));
    }
    return new ArrayList<>(byLine.values());
  }

  @Test
  void everyDocumentGetsBackstagesVerdict() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Stream.concat(Files.list(MUTATIONS), Files.list(Shared.path("examples/backstage")))) {
      files = s.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThan(60);
    List<String> differences = new ArrayList<>();
    int documents = 0;
    for (Path file : files) {
      List<JsonNode> theirs = backstage.getOrDefault(file.normalize().toString(), List.of());
      List<Outcome> ours = whodecides(file);
      String name = file.getFileName().toString();
      if (theirs.stream().anyMatch(n -> n.get("verdict").asText().equals("error"))) {
        // Backstage cannot read the file as entities: whodecides reports a YAML error or skips it.
        documents++;
        // A key written twice is a YAML error to Backstage and an invalid document to whodecides: both refuse it.
        boolean duplicateKey = theirs.stream().anyMatch(n -> n.get("reason").asText().startsWith("Map keys must be unique"));
        if (ours.stream().anyMatch(o -> o.verdict().equals("valid") || (o.verdict().equals("invalid") && !duplicateKey))) {
          differences.add(name + ": Backstage cannot read it (" + theirs.get(0).get("reason").asText().split("\n")[0]
              + "), whodecides " + ours);
        }
        continue;
      }
      if (theirs.size() != ours.size()) {
        differences.add(name + ": Backstage read " + theirs.size() + " documents, whodecides " + ours);
        continue;
      }
      for (int i = 0; i < theirs.size(); i++) {
        documents++;
        String key = name + "#" + i;
        JsonNode b = theirs.get(i);
        Outcome o = ours.get(i);
        String reason = b.get("reason").isNull() ? "" : b.get("reason").asText();
        String expected = b.get("verdict").asText().equals("valid") ? "valid"
            : reason.startsWith(NO_PROCESSOR) ? "skipped" : "invalid";
        if (STRICTER.containsKey(key)) {
          assertThat(o.verdict()).as("%s: %s", key, STRICTER.get(key)).isEqualTo("invalid");
          continue;
        }
        if (WHODECIDES_ONLY.containsKey(key)) {
          assertThat(o.verdict()).as("%s: %s", key, WHODECIDES_ONLY.get(key)).isEqualTo("valid");
          continue;
        }
        // A kind whodecides does not analyse is never an error: skipped, saying why Backstage would refuse it.
        boolean skippedWithReason = expected.equals("invalid") && o.verdict().equals("skipped")
            && o.said().contains("Backstage would refuse it too: ");
        if (skippedWithReason && !namesSameField(reason, o.said())) {
          differences.add(key + ": skipped, but the notice does not name Backstage's reason '" + reason + "': " + o.said());
        } else if (!o.verdict().equals(expected) && !skippedWithReason) {
          differences.add(key + ": Backstage " + expected + (reason.isEmpty() ? "" : " (" + reason + ")")
              + ", whodecides " + o.verdict() + " (" + o.said() + ")");
        } else if (expected.equals("invalid") && !namesSameField(reason, o.said())) {
          differences.add(key + ": both reject it, but Backstage says '" + reason + "' and whodecides '" + o.said() + "'");
        }
      }
    }
    assertThat(differences).as("documents whose verdict differs from Backstage's").isEmpty();
    assertThat(documents).isGreaterThan(70);
  }

  /**
   * Whether whodecides' message names the field Backstage's reason names: "/spec must have
   * required property 'memberOf'" is about spec.memberOf, "Malformed envelope, /metadata/links/0
   * must have required property 'url'" about metadata.links, "\"metadata.name\" is not valid"
   * about metadata.name.
   */
  static boolean namesSameField(String reason, String said) {
    String field;
    java.util.regex.Matcher required = java.util.regex.Pattern.compile("(\\S*) must have required property '([^']+)'")
        .matcher(reason);
    java.util.regex.Matcher pointer = java.util.regex.Pattern.compile("(/[\\w/~.-]+) must").matcher(reason);
    java.util.regex.Matcher quoted = java.util.regex.Pattern.compile("^\"([^\"]+)\" is not valid").matcher(reason);
    java.util.regex.Matcher unknown = java.util.regex.Pattern.compile("^Unknown field (\\S+)").matcher(reason);
    if (required.find()) {
      String parent = required.group(1).equals("<root>") ? "" : required.group(1).substring(1).replace('/', '.') + ".";
      field = parent.isEmpty() ? required.group(2) : parent + required.group(2);
    } else if (pointer.find()) {
      field = pointer.group(1).substring(1).replace('/', '.');
    } else if (quoted.find()) {
      field = quoted.group(1);
    } else if (unknown.find()) {
      field = unknown.group(1);
    } else if (reason.contains("must NOT have additional properties")) {
      field = "top level";
    } else {
      return true;
    }
    // Compare the first two levels (metadata.links, spec.memberOf, metadata.annotations): Backstage
    // names list entries by index and map entries by key, whodecides by entry.
    String[] parts = field.replaceFirst("^(labels|annotations|tags|links)\\b", "metadata.$1").split("\\.");
    String head = parts.length > 1 ? parts[0] + "." + parts[1] : parts[0];
    return said.toLowerCase(Locale.ROOT).contains(head.toLowerCase(Locale.ROOT));
  }
}
