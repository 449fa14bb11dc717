package dev.whodecides.cli;

import java.util.Locale;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input gives exit status 2 or a finding, never a stack trace, and never loses the good input
 * beside it. Every case writes its files into a fresh directory next to {@link #GOOD}, a valid
 * catalog whose no-ship-authority finding must survive whatever the bad files do.
 */
class BadInputTest {

  /** A valid team and a production component without a release owner: one known finding. */
  static final String GOOD = """
      apiVersion: backstage.io/v1alpha1
      kind: Group
      metadata:
        name: good-team
      spec:
        type: team
        children: []
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata:
        name: good-one
      spec:
        type: service
        lifecycle: production
        owner: good-team
      ---
      # The team has started writing decisions down (launch, explicitly unowned), so its products
      # get the per-product findings rather than one no-decision-rights at the team.
      apiVersion: whodecides.dev/v1
      kind: Decision
      metadata:
        name: good-team-launch
      spec:
        type: launch
        scope: group:good-team
      """;

  static final String GOOD_REF = "component:default/good-one";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at [\\w$.<>/]+\\(.*\\)\\s*$");
  private static final Pattern ERROR_LINE = Pattern.compile("(?m)^error: .*$");

  // ---------------------------------------------------------------------------------------------
  // The table

  /** Writes a case's files into the catalog directory. */
  @FunctionalInterface
  interface Setup {
    void write(Path dir) throws IOException;
  }

  enum Outcome {
    /** Exit 2, an {@code error: <file>[:line:col]: ...} line on stderr, the report still printed. */
    FATAL,
    /** Exit 1 with a finding of the given rule at the given file (and line) in the JSON report. */
    FINDING,
    /** Reads without complaint: exit 0 or 1, no error line, no invalid-entity for the file. */
    LOADS,
    /** Exit 0 or 1 and a {@code notice: <file>...} line on stderr, no error line. */
    NOTICE,
    /** Bad command line: exit 2 and a one-line usage message; no report is expected. */
    USAGE,
    /** Any one of {@link Expect#alternatives()}: where both exit 2 and a finding are fair answers. */
    EITHER
  }

  /**
   * What a case must produce. {@code line}: null = no line expected, 0 = some line, n = line n.
   * {@code text}: a fragment the error, notice or finding message must contain (or null).
   */
  record Expect(Outcome outcome, String file, Integer line, String rule, String entity, String text, Expect also,
      List<Expect> alternatives) {
    Expect(Outcome outcome, String file, Integer line, String rule, String entity, String text) {
      this(outcome, file, line, rule, entity, text, null, List.of());
    }

    /** An exit-2 case that must also report a finding for the part of the input that was readable. */
    Expect and(String rule, String file, int line, String entity) {
      return new Expect(outcome, this.file, this.line, this.rule, this.entity, text,
          new Expect(Outcome.FINDING, file, line, rule, entity, null), List.of());
    }
  }

  /** Either answer is fine (the YAML reader may refuse the file, or read it and report the entity). */
  static Expect either(Expect... alternatives) {
    return new Expect(Outcome.EITHER, null, null, null, null, null, null, List.of(alternatives));
  }

  record Case(String name, Setup setup, List<String> args, Expect expect) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Case c(String name, Setup setup, Expect expect) {
    return new Case(name, setup, List.of(), expect);
  }

  static Case c(String name, Setup setup, List<String> args, Expect expect) {
    return new Case(name, setup, args, expect);
  }

  static Expect fatal(String file, Integer line, String text) {
    return new Expect(Outcome.FATAL, file, line, null, null, text);
  }

  /**
   * A file the YAML reader refuses: an error when it names a catalog apiVersion, a notice when it
   * is some other tool's file found in a directory (it names none); either way, nothing hangs.
   */
  static Expect refused(String file, Integer line, String text) {
    return either(fatal(file, line, text), notice(file, "skipped a file that is not valid YAML"));
  }

  static Expect invalid(String file, int line, String text) {
    return new Expect(Outcome.FINDING, file, line, "invalid-entity", null, text);
  }

  static Expect finding(String rule, String file, int line, String entity) {
    return new Expect(Outcome.FINDING, file, line, rule, entity, null);
  }

  static Expect loads(String file) {
    return new Expect(Outcome.LOADS, file, null, null, null, null);
  }

  static Expect notice(String file, String text) {
    return new Expect(Outcome.NOTICE, file, null, null, null, text);
  }

  static Expect usage(String text) {
    return new Expect(Outcome.USAGE, null, null, null, null, text);
  }

  static Setup file(String name, String content) {
    return dir -> write(dir.resolve(name), content.getBytes(UTF_8));
  }

  static Setup bytes(String name, byte[] content) {
    return dir -> write(dir.resolve(name), content);
  }

  static Setup all(Setup... setups) {
    return dir -> {
      for (Setup s : setups) {
        s.write(dir);
      }
    };
  }

  /** Writes a file and takes away read permission from it (or from its directory); skipped as root. */
  static void unreadable(Path p, String content) throws IOException {
    write(p, content.getBytes(UTF_8));
    Path target = p.getFileName().toString().equals("inner.yaml") ? p.getParent() : p;
    try {
      Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("---------"));
    } catch (UnsupportedOperationException e) {
      abort("no POSIX permissions on this file system");
    }
    boolean blocked = !Files.isReadable(target);
    if (!blocked) {
      // Root reads anything; give the permission back so @TempDir can clean up.
      Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
    }
    assumeTrue(blocked, "running with permission to read anything (root?)");
  }

  static void mkfifo(Path p) throws IOException {
    Files.createDirectories(p.getParent());
    try {
      Process proc = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
      assumeTrue(proc.waitFor() == 0, "mkfifo failed");
    } catch (IOException | InterruptedException e) {
      abort("no mkfifo on this system: " + e.getMessage());
    }
  }

  static void write(Path p, byte[] content) throws IOException {
    Files.createDirectories(p.getParent());
    Files.write(p, content);
  }

  /** A Backstage document of {@code kind} with the given metadata and spec lines (YAML, 2-space). */
  static String doc(String apiVersion, String kind, String metadata, String spec) {
    return "apiVersion: " + apiVersion + "\nkind: " + kind + "\nmetadata:\n" + indent(metadata)
        + (spec == null ? "" : "spec:\n" + indent(spec));
  }

  static String bs(String kind, String metadata, String spec) {
    return doc("backstage.io/v1alpha1", kind, metadata, spec);
  }

  static String wd(String kind, String metadata, String spec) {
    return doc("whodecides.dev/v1", kind, metadata, spec);
  }

  static String indent(String block) {
    StringBuilder b = new StringBuilder();
    for (String l : block.split("\n")) {
      b.append("  ").append(l).append('\n');
    }
    return b.toString();
  }

  static final String COMPONENT_SPEC = "type: service\nlifecycle: production\nowner: good-team\n";

  static Stream<Case> cases() {
    List<Case> t = new ArrayList<>();

    // --- YAML that cannot be parsed: exit 2 naming file, line and column --------------------
    t.add(c("broken YAML in a file naming a Backstage apiVersion stays an error",
        file("bad.yaml", "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: {name: [g\n"),
        fatal("bad.yaml", 0, "YAML syntax error")));
    t.add(c("broken YAML in a file naming no catalog apiVersion is skipped",
        file("bad.yaml", "name: [unclosed\nother: value\n"),
        notice("bad.yaml", "skipped a file that is not valid YAML")));
    t.add(c("a Jinja template is skipped whole",
        file("t.yaml", "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: {{ name }}\n"
            + "{% if owner %}\nspec: {type: service, lifecycle: production, owner: {{ owner }}}\n{% endif %}\n"),
        notice("t.yaml", "skipped a template (`{% if owner %}` at line 5)")));
    t.add(c("a scaffolder skeleton is skipped whole",
        file("skeleton/catalog-info.yaml", bs("Component", "name: ${{ values.name | dump }}",
            "type: service\nlifecycle: experimental\nowner: ${{ values.owner | dump }}")),
        notice("catalog-info.yaml", "skipped a template (`${{ values.name | dump }}` at line 4)")));
    t.add(c("a cookiecutter skeleton is skipped whole",
        file("{{cookiecutter.slug}}/catalog-info.yaml", bs("Component", "name: \"{{ cookiecutter.slug }}\"",
            "type: service\nlifecycle: experimental\nowner: \"{{ cookiecutter.owner }}\"")),
        notice("catalog-info.yaml", "skipped a template")));
    t.add(c("text with braces in a valid document is not a template",
        file("ok.yaml", bs("Component", "name: c\ndescription: renders {{ name }} placeholders", COMPONENT_SPEC)),
        loads("ok.yaml")));
    t.add(c("broken YAML: unclosed flow sequence",
        file("bad.yaml", "apiVersion: [backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: x\n"),
        refused("bad.yaml", 0, "YAML syntax error")));
    t.add(c("broken YAML: unclosed quote",
        file("bad.yaml", "apiVersion: backstage.io/v1alpha1\nkind: \"Component\nmetadata:\n  name: x\n"),
        fatal("bad.yaml", 0, "YAML syntax error")));
    t.add(c("broken YAML: bad indentation",
        file("bad.yaml", "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: x\n   title: y\n"),
        fatal("bad.yaml", 5, "YAML syntax error")));
    t.add(c("tab indentation",
        file("bad.yaml", "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n\tname: x\n"),
        fatal("bad.yaml", 4, "YAML syntax error")));
    t.add(c("undefined alias",
        file("bad.yaml", bs("Component", "name: x", "type: service\nlifecycle: production\nowner: *nobody")),
        fatal("bad.yaml", 0, "YAML syntax error")));
    t.add(c("unsupported YAML version directive",
        file("bad.yaml", "%YAML 2.0\n---\n" + bs("Group", "name: g", "type: team\nchildren: []")),
        fatal("bad.yaml", 0, "YAML syntax error")));
    t.add(c("deeply nested YAML: 10,000 [",
        file("bad.yaml", "apiVersion: " + "[".repeat(10_000) + "\n"),
        refused("bad.yaml", 0, null)));
    t.add(c("deeply nested YAML: 10,000 balanced [ ]",
        file("bad.yaml", "apiVersion: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n"),
        refused("bad.yaml", 0, null)));
    t.add(c("deeply nested YAML: 1,000 levels of block mappings in a spec",
        dir -> {
          StringBuilder b = new StringBuilder(bs("Group", "name: deep", "type: team\nchildren: []"));
          for (int i = 0; i < 1_000; i++) {
            b.append(" ".repeat(2 + i)).append("k").append(i).append(":\n");
          }
          write(dir.resolve("deep.yaml"), b.toString().getBytes(UTF_8));
        },
        fatal("deep.yaml", 0, null)));
    t.add(c("deeply nested YAML: 100,000 levels in metadata.tags",
        file("bad.yaml", bs("Group", "name: g\ntags: " + "[".repeat(100_000) + "]".repeat(100_000),
            "type: team\nchildren: []")),
        fatal("bad.yaml", 0, null)));
    t.add(c("deeply nested YAML: 100,000 levels in a key",
        file("bad.yaml", "? " + "[".repeat(100_000) + "]".repeat(100_000) + "\n: x\n"),
        refused("bad.yaml", 0, null)));
    t.add(c("deep nesting built from a chain of aliases",
        dir -> {
          StringBuilder b = new StringBuilder("a0: &a0 [" + "[".repeat(50) + "]".repeat(50) + "]\n");
          for (int i = 1; i < 1000; i++) {
            b.append("a").append(i).append(": &a").append(i).append(" [" + "[".repeat(50))
                .append("*a").append(i - 1).append("]".repeat(50) + "]\n");
          }
          write(dir.resolve("bad.yaml"), b.toString().getBytes(UTF_8));
        },
        refused("bad.yaml", 0, null)));
    t.add(c("100 levels of nesting are fine",
        file("nested.yaml", bs("Component", "name: nested-one", COMPONENT_SPEC + "extra: "
            + "[".repeat(97) + "]".repeat(97))),
        finding("no-ship-authority", "nested.yaml", 1, "component:default/nested-one")));
    t.add(c("deeply nested YAML: 100,000 levels in a description",
        file("bad.yaml", bs("Group", "name: g\ndescription: " + "{a: ".repeat(100_000) + "b" + "}".repeat(100_000),
            "type: team\nchildren: []")),
        fatal("bad.yaml", 0, null)));
    t.add(c("a syntax error after a valid document keeps the document",
        file("bad.yaml", bs("Component", "name: before-error", COMPONENT_SPEC) + "---\nkind: [\n"),
        fatal("bad.yaml", 0, "YAML syntax error")
            .and("no-ship-authority", "bad.yaml", 1, "component:default/before-error")));

    // --- Resource limits ----------------------------------------------------------------------
    t.add(c("YAML alias bomb (billion laughs, 9 levels of 9: 387 million leaves)",
        file("bomb.yaml", billionLaughs(9, 9)),
        refused("bomb.yaml", 0, "alias")));
    t.add(c("YAML alias bomb beyond the alias limit (12 levels of 100)",
        file("bad.yaml", billionLaughs(12, 100)),
        refused("bad.yaml", 0, "alias")));
    t.add(c("a modest alias fan-out (5 levels of 9) in a valid entity loads",
        file("bomb.yaml", bs("Component", "name: bomb-host", COMPONENT_SPEC + billionLaughs(5, 9))),
        finding("no-ship-authority", "bomb.yaml", 1, "component:default/bomb-host")));
    t.add(c("recursive alias: a map that contains itself",
        file("bad.yaml", bs("Component", "name: self-ref", COMPONENT_SPEC + "extra: &me\n  again: *me")),
        fatal("bad.yaml", 0, null)));
    t.add(c("alias bomb in an ODCS contract's nested properties",
        file("bomb.odcs.yaml", odcsPropertyBomb(12, 12)),
        fatal("bomb.odcs.yaml", 0, "alias")));
    t.add(c("recursive alias in an ODCS contract's nested properties",
        file("loop.odcs.yaml", "apiVersion: v3.0.2\nkind: DataContract\nid: c1\nname: x\nstatus: active\n"
            + "schema:\n  - name: t\n    properties: &p\n      - name: col\n        properties: *p\n"),
        fatal("loop.odcs.yaml", 0, null)));
    t.add(c("alias bomb used as a key",
        file("bad.yaml", billionLaughs(8, 10) + "? *lol8\n: x\n"),
        refused("bad.yaml", 0, "alias")));
    t.add(c("recursive alias through a list in metadata.tags",
        file("bad.yaml", bs("Group", "name: g\ntags: &t [{a: *t}]", "type: team\nchildren: []")),
        fatal("bad.yaml", 0, null)));
    t.add(c("recursive alias in a User's profile.displayName",
        file("bad.yaml", bs("User", "name: jo", "memberOf: [good-team]\nprofile:\n  displayName: &d {a: [*d]}")),
        fatal("bad.yaml", 0, null)));
    t.add(c("recursive alias in a key",
        file("bad.yaml", "? &a {k: [*a]}\n: v\n"),
        refused("bad.yaml", 0, null)));
    t.add(c("tags with a nested map",
        file("bad.yaml", bs("Group", "name: g\ntags: [{a: [b, {c: d}]}]", "type: team\nchildren: []")),
        invalid("bad.yaml", 1, "metadata.tags entry a map")));
    t.add(c("recursive alias in metadata.labels",
        file("bad.yaml", bs("Component", "name: self-label\nlabels: &me\n  again: *me", COMPONENT_SPEC)),
        fatal("bad.yaml", 0, null)));
    t.add(c("a 50 MB file is refused with its size",
        dir -> {
          try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("huge.yaml"), UTF_8)) {
            w.write(bs("Group", "name: huge", "type: team\nchildren: []"));
            String line = "# " + "x".repeat(98) + "\n";
            for (int i = 0; i < 50 * 1024 * 1024 / line.length() + 1; i++) {
              w.write(line);
            }
          }
        },
        fatal("huge.yaml", null, "MB limit")));
    t.add(c("a very long line: 1 MB scalar in a valid entity",
        file("long.yaml", bs("Component", "name: long-one\ndescription: " + "y".repeat(1024 * 1024), COMPONENT_SPEC)),
        finding("no-ship-authority", "long.yaml", 1, "component:default/long-one")));
    t.add(c("a name of 1 MB",
        file("bad.yaml", bs("Component", "name: " + "n".repeat(1024 * 1024), COMPONENT_SPEC)),
        invalid("bad.yaml", 1, "characters long")));
    t.add(c("10,000 documents in one file",
        file("many.yaml", Stream.generate(() -> "apiVersion: example.com/v1\nkind: Thing\nmetadata: {name: t}\n")
            .limit(10_000).reduce((a, b) -> a + "---\n" + b).orElseThrow()),
        notice("many.yaml", "skipped")));

    // --- Not YAML text ------------------------------------------------------------------------
    t.add(c("binary bytes including NUL", bytes("bad.yaml", randomBytes()), fatal("bad.yaml", 0, "binary")));
    t.add(c("a NUL byte inside otherwise valid text",
        file("bad.yaml", "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: g\u0000\n"),
        fatal("bad.yaml", 4, "NUL")));
    t.add(c("a NUL byte names its column",
        file("bad.yaml", "apiVersion: backstage.io/v1alpha1\nkind: Gr\u0000oup\n"),
        fatal("bad.yaml:2:9", null, "NUL")));
    t.add(c("invalid UTF-8 (Latin-1 bytes)",
        bytes("bad.yaml", bs("Group", "name: g\ntitle: Caf\u00e9 team", "type: team\nchildren: []").getBytes(ISO_8859_1)),
        fatal("bad.yaml:5:13", null, "UTF-8")));
    t.add(c("invalid UTF-8 after multi-byte characters counts columns in characters",
        bytes("bad.yaml", concat("apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  title: \u00e9\u00e9\u00e9"
            .getBytes(UTF_8), new byte[] {(byte) 0xC3, ' ', '\n'})),
        fatal("bad.yaml:4:13", null, "UTF-8")));
    t.add(c("UTF-16 text", bytes("bad.yaml", bs("Group", "name: g", "type: team\nchildren: []")
            .getBytes(StandardCharsets.UTF_16)),
        fatal("bad.yaml:1:1", null, "UTF-16")));
    t.add(c("binary file without a YAML extension is not read",
        bytes("picture.png", randomBytes()), loads("picture.png")));
    t.add(c("binary file passed explicitly on the command line",
        bytes("extra/blob.bin", randomBytes()), List.of("{dir}/extra/blob.bin"),
        fatal("blob.bin", 0, "binary")));

    // --- Documents that are not entities ------------------------------------------------------
    t.add(c("empty file", file("empty.yaml", ""), loads("empty.yaml")));
    t.add(c("only whitespace", file("blank.yaml", "\n\n   \n"), loads("blank.yaml")));
    t.add(c("only comments", file("comments.yaml", "# nothing here\n# at all\n"), loads("comments.yaml")));
    t.add(c("only ---", file("dashes.yaml", "---\n"), loads("dashes.yaml")));
    t.add(c("only --- and ...", file("dashes.yaml", "---\n---\n...\n---\n"), loads("dashes.yaml")));
    t.add(c("an explicit null document", file("null.yaml", "--- ~\n"), loads("null.yaml")));
    t.add(c("trailing --- after a valid document",
        file("trailing.yaml", bs("Component", "name: trailing-one", COMPONENT_SPEC) + "---\n"),
        finding("no-ship-authority", "trailing.yaml", 1, "component:default/trailing-one")));
    t.add(c("a document that is a list is not a catalog document", file("bad.yaml", "- a\n- b\n"),
        notice("bad.yaml", "skipped a document that is a list")));
    t.add(c("a document that is a scalar is not a catalog document", file("bad.yaml", "just some text\n"),
        notice("bad.yaml", "skipped a document that is 'just some text'")));
    t.add(c("a document that is a number is not a catalog document", file("bad.yaml", "42\n"),
        notice("bad.yaml", "skipped a document that is the number 42")));
    t.add(c("many list documents in one file give one notice", file("bad.yaml", "- a\n---\n- b\n---\n- c\n"),
        notice("bad.yaml", "(and 2 more such documents in this file)")));
    t.add(c("a complex (list) key at the top", file("odd.yaml", "? [a, b]\n: c\n"),
        notice("odd.yaml", "skipped a document without a kind or apiVersion")));
    t.add(c("a complex (map) key in metadata is an extra field, ignored",
        file("odd.yaml", bs("Group", "name: g\n? {a: b}\n: c", "type: team\nchildren: []")),
        loads("odd.yaml")));
    t.add(c("a complex (list) key in annotations",
        file("bad.yaml", bs("Group", "name: g\nannotations:\n  ? [a, b]\n  : c", "type: team\nchildren: []")),
        invalid("bad.yaml", 1, "metadata.annotations key")));
    t.add(c("a map that is not a catalog document (CI workflow)",
        file("ci.yaml", "name: build\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n"),
        notice("ci.yaml", "skipped a document without a kind or apiVersion")));
    t.add(c("a Helm chart file (another tool's apiVersion, no kind)",
        file("Chart.yaml", "apiVersion: v2\nname: mychart\nversion: 0.1.0\n"),
        notice("Chart.yaml", "skipped a document without a kind")));
    t.add(c("missing apiVersion",
        file("bad.yaml", "kind: Group\nmetadata:\n  name: g\nspec:\n  type: team\n  children: []\n"),
        invalid("bad.yaml", 1, "apiVersion")));
    t.add(c("missing kind",
        file("bad.yaml", "apiVersion: backstage.io/v1alpha1\nmetadata:\n  name: g\nspec:\n  type: team\n"),
        invalid("bad.yaml", 1, "kind")));
    t.add(c("apiVersion a list",
        file("bad.yaml", "apiVersion: [backstage.io/v1alpha1]\nkind: Group\nmetadata:\n  name: g\n"),
        invalid("bad.yaml", 1, "apiVersion")));
    t.add(c("kind a number",
        file("bad.yaml", "apiVersion: backstage.io/v1alpha1\nkind: 7\nmetadata:\n  name: g\n"),
        invalid("bad.yaml", 1, "kind")));
    t.add(c("unknown kind under backstage.io/v1alpha1 is skipped, never an error",
        file("bad.yaml", bs("Widget", "name: w", "type: x")), notice("bad.yaml", "skipped Widget")));
    t.add(c("Backstage kind in lower case is not that kind",
        file("bad.yaml", bs("component", "name: c", COMPONENT_SPEC)), invalid("bad.yaml", 1, "write Component")));
    t.add(c("unknown kind under whodecides.dev/v1",
        file("bad.yaml", wd("Verdict", "name: v", "type: release")), invalid("bad.yaml", 1, "Verdict")));
    t.add(c("Backstage kind under whodecides.dev/v1",
        file("bad.yaml", wd("Component", "name: c", COMPONENT_SPEC)), invalid("bad.yaml", 1, "Component")));
    t.add(c("unknown apiVersion is skipped with a notice",
        file("other.yaml", doc("example.com/v9", "Component", "name: c", COMPONENT_SPEC)),
        notice("other.yaml", "skipped")));
    t.add(c("a Kubernetes manifest is skipped with a notice",
        file("deploy.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n"),
        notice("deploy.yaml", "skipped")));

    // --- Metadata -----------------------------------------------------------------------------
    t.add(c("missing metadata",
        file("bad.yaml", "apiVersion: backstage.io/v1alpha1\nkind: Group\nspec:\n  type: team\n  children: []\n"),
        invalid("bad.yaml", 1, "metadata is missing")));
    t.add(c("metadata a list",
        file("bad.yaml", "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  - name: g\nspec:\n  type: team\n  children: []\n"),
        invalid("bad.yaml", 1, "metadata must be a map")));
    t.add(c("missing name", file("bad.yaml", bs("Group", "title: No name", "type: team\nchildren: []")),
        invalid("bad.yaml", 1, "metadata.name is missing")));
    t.add(c("empty name", file("bad.yaml", bs("Group", "name: ''", "type: team\nchildren: []")),
        invalid("bad.yaml", 1, "metadata.name")));
    t.add(c("name of 300 characters", file("bad.yaml", bs("Group", "name: " + "a".repeat(300), "type: team\nchildren: []")),
        invalid("bad.yaml", 1, "300 characters")));
    t.add(c("name with spaces", file("bad.yaml", bs("Group", "name: my team", "type: team\nchildren: []")),
        invalid("bad.yaml", 1, "not a valid name")));
    t.add(c("name with a slash", file("bad.yaml", bs("Group", "name: a/b", "type: team\nchildren: []")),
        invalid("bad.yaml", 1, "not a valid name")));
    t.add(c("name with a colon", file("bad.yaml", bs("Group", "name: 'group:b'", "type: team\nchildren: []")),
        invalid("bad.yaml", 1, "not a valid name")));
    t.add(c("name with non-ASCII letters", file("bad.yaml", bs("Group", "name: caf\u00e9", "type: team\nchildren: []")),
        invalid("bad.yaml", 1, "not a valid name")));
    t.add(c("name a number", file("bad.yaml", bs("Group", "name: 12", "type: team\nchildren: []")),
        invalid("bad.yaml", 1, "metadata.name must be text")));
    t.add(c("namespace invalid", file("bad.yaml", bs("Group", "name: g\nnamespace: Bad_NS", "type: team\nchildren: []")),
        invalid("bad.yaml", 1, "metadata.namespace")));
    t.add(c("tags invalid", file("bad.yaml", bs("Group", "name: g\ntags: [Not A Tag]", "type: team\nchildren: []")),
        invalid("bad.yaml", 1, "metadata.tags")));
    t.add(c("tags a string", file("bad.yaml", bs("Group", "name: g\ntags: ml", "type: team\nchildren: []")),
        invalid("bad.yaml", 1, "metadata.tags must be a list")));
    t.add(c("annotation value a number",
        file("bad.yaml", bs("Group", "name: g\nannotations:\n  example.com/count: 3", "type: team\nchildren: []")),
        invalid("bad.yaml", 1, "metadata.annotations")));
    t.add(c("annotation key invalid",
        file("bad.yaml", bs("Group", "name: g\nannotations:\n  'bad key!': x", "type: team\nchildren: []")),
        invalid("bad.yaml", 1, "metadata.annotations key")));
    t.add(c("labels a list", file("bad.yaml", bs("Group", "name: g\nlabels: [a, b]", "type: team\nchildren: []")),
        invalid("bad.yaml", 1, "metadata.labels must be a map")));
    t.add(c("duplicate keys", file("bad.yaml", bs("Group", "name: g\nname: h", "type: team\nchildren: []")),
        invalid("bad.yaml", 1, "written twice")));
    t.add(c("duplicate top-level keys",
        file("bad.yaml", "kind: Group\n" + bs("Group", "name: g", "type: team\nchildren: []")),
        invalid("bad.yaml", 1, "written twice")));

    // --- Spec ---------------------------------------------------------------------------------
    t.add(c("spec a list", file("bad.yaml", "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: g\nspec:\n  - type: team\n"),
        invalid("bad.yaml", 1, "spec must be a map")));
    t.add(c("spec a string", file("bad.yaml", "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: g\nspec: team\n"),
        invalid("bad.yaml", 1, "spec must be a map")));
    t.add(c("Component lifecycle a list",
        file("bad.yaml", bs("Component", "name: c", "type: service\nlifecycle: [production]\nowner: good-team")),
        invalid("bad.yaml", 1, "spec.lifecycle must be text")));
    t.add(c("Component owner a map",
        file("bad.yaml", bs("Component", "name: c", "type: service\nlifecycle: production\nowner: {name: good-team}")),
        invalid("bad.yaml", 1, "spec.owner must be text")));
    t.add(c("Component dependsOn a string",
        file("bad.yaml", bs("Component", "name: c", COMPONENT_SPEC + "dependsOn: resource:db")),
        invalid("bad.yaml", 1, "spec.dependsOn must be a list")));
    t.add(c("Component dependsOn with a map entry",
        file("bad.yaml", bs("Component", "name: c", COMPONENT_SPEC + "dependsOn: [{a: b}]")),
        invalid("bad.yaml", 1, "spec.dependsOn entries must be non-empty text")));
    t.add(c("Component owner an empty reference",
        file("bad.yaml", bs("Component", "name: c", "type: service\nlifecycle: production\nowner: ''")),
        invalid("bad.yaml", 1, "spec.owner is empty")));
    t.add(c("Component owner a reference with no name",
        file("ref.yaml", bs("Component", "name: odd-ref", "type: service\nlifecycle: production\nowner: 'group:'")),
        finding("no-ship-authority", "ref.yaml", 1, "component:default/odd-ref")));
    t.add(c("Component owner names nobody",
        file("ref.yaml", bs("Component", "name: orphan", "type: service\nlifecycle: production\nowner: ghosts")),
        finding("unknown-reference", "ref.yaml", 8, "group:default/ghosts")));
    t.add(c("User profile.displayName a list",
        file("bad.yaml", bs("User", "name: jo", "memberOf: [good-team]\nprofile:\n  displayName: [Jo, Joanna]")),
        invalid("bad.yaml", 1, "spec.profile.displayName")));
    t.add(c("Decision unknown type",
        file("bad.yaml", wd("Decision", "name: d", "type: vibes\nscope: component:good-one\nowner: good-team")),
        invalid("bad.yaml", 1, "not a decision type")));
    t.add(c("Decision scope missing",
        file("bad.yaml", wd("Decision", "name: d", "type: release\nowner: good-team")),
        invalid("bad.yaml", 1, "spec.scope is missing")));
    t.add(c("Decision owner a list",
        file("bad.yaml", wd("Decision", "name: d", "type: release\nscope: component:good-one\nowner: [a, b]")),
        invalid("bad.yaml", 1, "spec.owner must be text")));
    t.add(c("Decision scoped to a User",
        file("bad.yaml", bs("User", "name: jo", "memberOf: [good-team]") + "---\n"
            + wd("Decision", "name: d", "type: release\nscope: user:jo\nowner: user:jo")),
        invalid("bad.yaml", 8, "spec.scope")));
    t.add(c("UseCase volume negative",
        file("bad.yaml", wd("UseCase", "name: u", "team: good-team\nvolume: -5")),
        invalid("bad.yaml", 1, "spec.volume")));
    t.add(c("UseCase volume text",
        file("bad.yaml", wd("UseCase", "name: u", "team: good-team\nvolume: lots")),
        invalid("bad.yaml", 1, "spec.volume")));
    t.add(c("UseCase volume beyond 64 bits",
        file("bad.yaml", wd("UseCase", "name: u", "team: good-team\nvolume: 123456789012345678901234567890")),
        invalid("bad.yaml", 1, "spec.volume")));
    t.add(c("UseCase solution unknown",
        file("bad.yaml", wd("UseCase", "name: u", "team: good-team\nsolution: magic")),
        invalid("bad.yaml", 1, "not a solution")));
    t.add(c("UseCase needs unknown skill",
        file("bad.yaml", wd("UseCase", "name: u", "team: good-team\nneeds: [wizard]")),
        invalid("bad.yaml", 1, "not a skill")));
    t.add(c("duplicate entity names across files",
        all(file("dup-a.yaml", bs("Component", "name: twin", COMPONENT_SPEC)),
            file("dup-b.yaml", bs("Component", "name: Twin", COMPONENT_SPEC))),
        invalid("dup-b.yaml", 1, "defined twice: first at")));
    t.add(c("duplicate entity names in one file",
        file("dup.yaml", bs("Group", "name: twin", "type: team\nchildren: []") + "---\n"
            + bs("Group", "name: twin", "type: team\nchildren: []")),
        invalid("dup.yaml", 9, "defined twice: first at")));
    t.add(c("custom tag !!python/object does not execute anything",
        file("bad.yaml", bs("Group", "name: !!python/object/apply:os.system ['touch pwned']",
            "type: team\nchildren: []")),
        either(fatal("bad.yaml", 4, "tag"), invalid("bad.yaml", 1, "metadata.name must be text"))));
    t.add(c("custom tag naming a Java class does not instantiate it",
        file("bad.yaml", "!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL"
            + " [\"http://127.0.0.1:1/\"]]]]\n"),
        either(fatal("bad.yaml", 1, "tag"), notice("bad.yaml", "skipped a document that is a list"))));
    t.add(c("local custom tag is read as plain data",
        file("bad.yaml", bs("Group", "name: !shell 'rm -rf /'", "type: team\nchildren: []")),
        invalid("bad.yaml", 1, "metadata.name")));
    t.add(c("YAML merge keys are ordinary keys, as in Backstage's YAML 1.2",
        file("merge.yaml", "x-base: &base\n  type: service\n  lifecycle: production\n  owner: good-team\n"
            + "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: merged\nspec:\n  <<: *base\n"),
        invalid("merge.yaml", 1, "field 'x-base' is not allowed at the top level")));
    t.add(c("an alias across documents is undefined",
        file("bad.yaml", "x-base: &base\n  type: service\n---\n"
            + bs("Component", "name: c", "<<: *base\nlifecycle: production\nowner: good-team")),
        fatal("bad.yaml", 0, "undefined alias")));
    t.add(c("ODCS contract with wrong types",
        file("contract.yaml", "apiVersion: v3.0.2\nkind: DataContract\nid: 5\nname: [x]\nstatus: {a: b}\n"
            + "quality: 7\nschema: text\nslaProperties: {a: 1}\n"),
        loads("contract.yaml")));
    t.add(c("contract annotation pointing at a broken file",
        all(file("annotated.yaml", bs("Resource", "name: ds\nannotations:\n  whodecides.dev/contract: ../contracts/ds.odcs",
                "type: dataset\nowner: good-team")),
            file("../contracts/ds.odcs", "apiVersion: v3.0.2\nkind: [\n")),
        fatal("ds.odcs", 0, "YAML syntax error")));

    // --- Wrong type for every field -----------------------------------------------------------
    t.addAll(wrongTypeForEveryField());

    // --- Locations, links and paths -----------------------------------------------------------
    t.add(c("Location cycle terminates",
        all(file("entry.yaml", bs("Location", "name: entry", "target: ./.cycle/a.yaml")),
            file(".cycle/a.yaml", bs("Location", "name: cycle-a", "target: ./b.yaml")),
            file(".cycle/b.yaml", bs("Location", "name: cycle-b", "target: ./a.yaml") + "---\n"
                + bs("Component", "name: in-cycle", COMPONENT_SPEC))),
        finding("no-ship-authority", ".cycle/b.yaml", 8, "component:default/in-cycle")));
    t.add(c("Location that targets its own file",
        file("self.yaml", bs("Location", "name: self", "targets: [./self.yaml, self.yaml, ../x/../" + "self.yaml]")),
        loads("self.yaml")));
    t.add(c("Location that targets its own directory",
        file("sub/loc.yaml", bs("Location", "name: dir-loop", "target: ..")),
        notice("loc.yaml", "is a directory")));
    t.add(c("Location that targets the root directory (must not walk the disk)",
        file("loc.yaml", bs("Location", "name: root", "targets: [/, ../../../../../../../../../../..]")),
        notice("loc.yaml", "is a directory")));
    t.add(c("Location that targets /dev/zero",
        file("loc.yaml", bs("Location", "name: zero", "target: /dev/zero")),
        fatal("/dev/zero", null, "not a regular file")));
    t.add(c("Location that targets a named pipe",
        all(file("loc.yaml", bs("Location", "name: to-pipe", "target: ./.pipes/p.yaml")),
            dir -> mkfifo(dir.resolve(".pipes/p.yaml"))),
        fatal("p.yaml", null, "not a regular file")));
    t.add(c("Location target URL is skipped with a notice",
        file("loc.yaml", bs("Location", "name: remote", "target: https://github.com/backstage/backstage/blob/master/catalog-info.yaml")),
        notice("loc.yaml", "skipped URL target")));
    t.add(c("Location with neither target nor targets is valid, as in Backstage",
        file("bad.yaml", bs("Location", "name: nowhere", "type: url")),
        loads("bad.yaml")));
    t.add(c("Location target does not exist",
        file("loc.yaml", bs("Location", "name: gone", "target: ./nope/missing.yaml")),
        notice("loc.yaml", "does not exist")));
    t.add(c("Location targets a binary file",
        all(file("loc.yaml", bs("Location", "name: to-binary", "target: ./.hidden/blob.dat")),
            bytes(".hidden/blob.dat", randomBytes())),
        fatal("blob.dat", 0, "binary")));
    t.add(c("symlink loop in a directory",
        dir -> Files.createSymbolicLink(dir.resolve("loop"), dir),
        notice("loop", "symbolic link loop")));
    t.add(c("a symlink that points at itself",
        dir -> Files.createSymbolicLink(dir.resolve("self-link.yaml"), dir.resolve("self-link.yaml")),
        notice("self-link.yaml", "broken symbolic link")));
    t.add(c("a broken symlink",
        dir -> Files.createSymbolicLink(dir.resolve("broken.yaml"), dir.resolve("missing-target.yaml")),
        notice("broken.yaml", "broken symbolic link")));
    t.add(c("a symlink to a valid file is read once",
        all(file(".real/linked.yaml", bs("Component", "name: linked", COMPONENT_SPEC)),
            dir -> Files.createSymbolicLink(dir.resolve("link.yaml"), dir.resolve(".real/linked.yaml")),
            dir -> Files.createSymbolicLink(dir.resolve("link2.yaml"), dir.resolve(".real/linked.yaml"))),
        finding("no-ship-authority", "link.yaml", 1, "component:default/linked")));
    t.add(c("a named pipe passed on the command line",
        dir -> mkfifo(dir.resolve("../pipe-" + dir.getFileName() + ".yaml")),
        List.of("{dir}/../pipe-{name}.yaml"),
        fatal("pipe-", null, "not a regular file")));
    t.add(c("a named pipe inside the directory is not read",
        dir -> mkfifo(dir.resolve("pipe.yaml")), loads("pipe.yaml")));
    t.add(c("/dev/zero passed on the command line",
        dir -> { }, List.of("/dev/zero"), fatal("/dev/zero", null, "not a regular file")));
    t.add(c("a file without read permission",
        dir -> unreadable(dir.resolve("secret.yaml"), bs("Group", "name: g", "type: team\nchildren: []")),
        fatal("secret.yaml", null, "permission denied")));
    t.add(c("a directory without read permission",
        dir -> unreadable(dir.resolve("locked/inner.yaml"), bs("Group", "name: g", "type: team\nchildren: []")),
        fatal("locked", null, "permission denied")));
    t.add(c("a directory named like a YAML file",
        dir -> Files.createDirectories(dir.resolve("folder.yaml")), loads("folder.yaml")));
    t.add(c("a path that does not exist on the command line",
        dir -> { }, List.of("{dir}/no/such/catalog.yaml"),
        fatal("no/such/catalog.yaml", null, "does not exist")));
    t.add(c("a broken symlink on the command line",
        dir -> Files.createSymbolicLink(dir.resolve("../dangling-" + dir.getFileName() + ".yaml"), dir.resolve("nothing")),
        List.of("{dir}/../dangling-{name}.yaml"),
        fatal("dangling-", null, "does not exist")));

    // --- Valid files in unusual encodings -----------------------------------------------------
    t.add(c("Windows CRLF line endings load",
        file("crlf.yaml", bs("Component", "name: crlf-one", COMPONENT_SPEC).replace("\n", "\r\n")),
        finding("no-ship-authority", "crlf.yaml", 1, "component:default/crlf-one")));
    t.add(c("UTF-8 byte order mark loads",
        file("bom.yaml", "\uFEFF" + bs("Component", "name: bom-one", COMPONENT_SPEC)),
        finding("no-ship-authority", "bom.yaml", 1, "component:default/bom-one")));
    t.add(c("old Mac CR line endings load",
        file("cr.yaml", bs("Component", "name: cr-one", COMPONENT_SPEC).replace("\n", "\r")),
        finding("no-ship-authority", "cr.yaml", 1, "component:default/cr-one")));
    t.add(c("non-ASCII text in titles loads",
        file("utf8.yaml", bs("Component", "name: unicode-one\ntitle: \"Empfehlungen f\u00fcr K\u00e4ufer \u2013 \uD83D\uDE80\"", COMPONENT_SPEC)),
        finding("no-ship-authority", "utf8.yaml", 1, "component:default/unicode-one")));
    t.add(c(".yml extension and upper-case .YAML are read",
        all(file("a.yml", bs("Component", "name: yml-one", COMPONENT_SPEC)),
            file("b.YAML", bs("Component", "name: upper-one", COMPONENT_SPEC))),
        finding("no-ship-authority", "b.YAML", 1, "component:default/upper-one")));

    // --- Command line -------------------------------------------------------------------------
    t.add(c("unknown --format value", dir -> { }, List.of("--format", "xml"), usage("--format")));
    t.add(c("unknown --fail-on value", dir -> { }, List.of("--fail-on", "sometimes"), usage("--fail-on")));
    t.add(c("unknown option", dir -> { }, List.of("--frobnicate"), usage("--frobnicate")));
    t.add(c("--duplicate-threshold out of range", dir -> { }, List.of("--duplicate-threshold", "7"),
        usage("--duplicate-threshold")));
    t.add(c("--duplicate-threshold not a number", dir -> { }, List.of("--duplicate-threshold", "high"),
        usage("--duplicate-threshold")));
    t.add(c("--output into a path under a regular file", dir -> { }, List.of("--output", "{dir}/good.yaml/report.json"),
        usage("cannot write")));
    return t.stream();
  }

  /** One case per schema-checked field: a value of the wrong type gives invalid-entity naming the field. */
  static List<Case> wrongTypeForEveryField() {
    record Field(String apiVersion, String kind, String validSpec, String field, String wrongValue) {}
    String bsv = "backstage.io/v1alpha1";
    String wdv = "whodecides.dev/v1";
    String comp = COMPONENT_SPEC;
    String api = "type: openapi\nlifecycle: production\nowner: good-team\ndefinition: x\n";
    String res = "type: dataset\nowner: good-team\n";
    String sys = "owner: good-team\n";
    String grp = "type: team\nchildren: []\n";
    String usr = "memberOf: [good-team]\n";
    String loc = "target: ./good.yaml\n";
    String dec = "type: release\nscope: component:good-one\n";
    String uc = "team: good-team\n";
    String map = "{a: b}";
    String list = "[a, b]";
    List<Field> fields = List.of(
        new Field(bsv, "Component", comp, "type", map),
        new Field(bsv, "Component", comp, "lifecycle", list),
        new Field(bsv, "Component", comp, "owner", "42"),
        new Field(bsv, "Component", comp, "system", list),
        new Field(bsv, "Component", comp, "subcomponentOf", map),
        new Field(bsv, "Component", comp, "dependsOn", "component:x"),
        new Field(bsv, "Component", comp, "consumesApis", map),
        new Field(bsv, "Component", comp, "providesApis", "true"),
        new Field(bsv, "API", api, "type", list),
        new Field(bsv, "API", api, "lifecycle", map),
        new Field(bsv, "API", api, "owner", "true"),
        new Field(bsv, "API", api, "system", map),
        new Field(bsv, "Resource", res, "type", "3.5"),
        new Field(bsv, "Resource", res, "owner", list),
        new Field(bsv, "Resource", res, "system", list),
        new Field(bsv, "Resource", res, "dependsOn", map),
        new Field(bsv, "System", sys, "owner", map),
        new Field(bsv, "System", sys, "domain", list),
        new Field(bsv, "Domain", sys, "owner", list),
        new Field(bsv, "Domain", sys, "subdomainOf", map),
        new Field(bsv, "Group", grp, "type", list),
        new Field(bsv, "Group", grp, "parent", list),
        new Field(bsv, "Group", grp, "children", "team-b"),
        new Field(bsv, "Group", grp, "members", map),
        new Field(bsv, "Group", grp, "profile", list),
        new Field(bsv, "User", usr, "memberOf", "good-team"),
        new Field(bsv, "User", usr, "profile", "Jo"),
        new Field(bsv, "Location", loc, "target", list),
        new Field(bsv, "Location", loc, "targets", "./good.yaml"),
        new Field(bsv, "Location", loc, "type", map),
        new Field(wdv, "Decision", dec, "type", list),
        new Field(wdv, "Decision", dec, "scope", map),
        new Field(wdv, "Decision", dec, "owner", map),
        new Field(wdv, "Decision", dec, "consulted", "user:jo"),
        new Field(wdv, "Decision", dec, "informed", map),
        new Field(wdv, "UseCase", uc, "team", list),
        new Field(wdv, "UseCase", uc, "problem", list),
        new Field(wdv, "UseCase", uc, "businessOwner", map),
        new Field(wdv, "UseCase", uc, "solution", list),
        new Field(wdv, "UseCase", uc, "description", map),
        new Field(wdv, "UseCase", uc, "needs", "analyst"),
        new Field(wdv, "UseCase", uc, "staffed", "user:jo"),
        new Field(wdv, "UseCase", uc, "volume", "[1]"));
    List<Case> out = new ArrayList<>();
    // Controls: each base document is valid, so the cases below fail only because of their one field.
    fields.stream().map(f -> f.kind()).distinct().forEach(kind -> {
      Field f = fields.stream().filter(g -> g.kind().equals(kind)).findFirst().orElseThrow();
      out.add(c("control: a valid " + kind + " loads",
          file("valid.yaml", doc(f.apiVersion(), kind, "name: valid-" + kind.toLowerCase(Locale.ROOT), f.validSpec())),
          loads("valid.yaml")));
    });
    for (Field f : fields) {
      String spec = replaceOrAdd(f.validSpec(), f.field(), f.wrongValue());
      out.add(c("wrong type: " + f.kind() + " spec." + f.field() + " = " + f.wrongValue(),
          file("bad.yaml", doc(f.apiVersion(), f.kind(), "name: wrong-" + f.kind().toLowerCase(Locale.ROOT), spec)),
          invalid("bad.yaml", 1, "spec." + f.field())));
    }
    List<String[]> meta = List.of(
        new String[] {"name", list}, new String[] {"namespace", map}, new String[] {"title", list},
        new String[] {"description", map}, new String[] {"labels", "text"}, new String[] {"annotations", list},
        new String[] {"tags", map});
    for (String[] m : meta) {
      String metadata = m[0].equals("name") ? "name: " + m[1] : "name: meta-" + m[0] + "\n" + m[0] + ": " + m[1];
      out.add(c("wrong type: metadata." + m[0] + " = " + m[1],
          file("bad.yaml", bs("Component", metadata, COMPONENT_SPEC)),
          invalid("bad.yaml", 1, "metadata." + m[0])));
    }
    return out;
  }

  static String replaceOrAdd(String spec, String field, String value) {
    StringBuilder b = new StringBuilder();
    boolean found = false;
    for (String l : spec.split("\n")) {
      if (l.startsWith(field + ":")) {
        b.append(field).append(": ").append(value).append('\n');
        found = true;
      } else {
        b.append(l).append('\n');
      }
    }
    if (!found) {
      b.append(field).append(": ").append(value).append('\n');
    }
    return b.toString();
  }

  /** The classic billion-laughs document: {@code levels} anchors, each repeating the one before. */
  static String billionLaughs(int levels, int width) {
    StringBuilder b = new StringBuilder("lol0: &lol0 [\"lol\"]\n");
    for (int i = 1; i <= levels; i++) {
      b.append("lol").append(i).append(": &lol").append(i).append(" [");
      for (int j = 0; j < width; j++) {
        b.append(j == 0 ? "" : ", ").append("*lol").append(i - 1);
      }
      b.append("]\n");
    }
    return b.toString();
  }

  /** An ODCS contract whose nested properties expand to {@code width^levels} quality rules. */
  static String odcsPropertyBomb(int levels, int width) {
    StringBuilder b = new StringBuilder("apiVersion: v3.0.2\nkind: DataContract\nid: c1\nname: x\nstatus: active\n");
    b.append("x0: &p0 [").append(String.join(", ", Collections.nCopies(width, "{quality: [1]}"))).append("]\n");
    for (int i = 1; i < levels; i++) {
      b.append("x").append(i).append(": &p").append(i).append(" [")
          .append(String.join(", ", Collections.nCopies(width, "{properties: *p" + (i - 1) + "}")))
          .append("]\n");
    }
    return b.append("schema: [{properties: *p").append(levels - 1).append("}]\n").toString();
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static byte[] randomBytes() {
    byte[] b = new byte[4096];
    new Random(20240607L).nextBytes(b);
    b[0] = 'a';
    b[1] = 0;
    b[2] = (byte) 0xFF;
    b[3] = (byte) 0xC3;
    return b;
  }

  // ---------------------------------------------------------------------------------------------
  // The test

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("cases")
  @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void badInputGivesExit2OrAFindingNeverAStackTrace(Case tc, @TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("catalog");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("good.yaml"), GOOD, UTF_8);
    tc.setup().write(dir);

    List<String> args = new ArrayList<>(List.of("lint", dir.toString(), "--format", "json"));
    for (String a : tc.args()) {
      args.add(a.replace("{dir}", dir.toString()).replace("{name}", dir.getFileName().toString()));
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status;
    try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
      status = Main.run(args.toArray(String[]::new), o, e);
    }
    String stdout = out.toString();
    String stderr = err.toString();
    String where = tc.name() + "\n--- exit " + status + "\n--- stderr:\n" + stderr + "\n--- stdout:\n" + abbreviate(stdout);

    // Never an internal error, never a stack trace.
    assertThat(status).as(where).isIn(0, 1, 2);
    for (String stream : List.of(stdout, stderr)) {
      assertThat(stream).as(where).doesNotContain("Exception").doesNotContain("java.lang.").doesNotContain("\tat ");
      assertThat(STACK_FRAME.matcher(stream).find()).as(where + "\n(stack frame found)").isFalse();
    }
    // Every error is one line: "error: <file>[:line:col]: <what is wrong>; <what to do>".
    for (String e : ERROR_LINE.matcher(stderr).results().map(m -> m.group()).toList()) {
      assertThat(e).as(where + "\n(an error line must name the file and say what to do)")
          .matches("error: \\S+?(:[1-9]\\d*:[1-9]\\d*)?: .+; .+");
    }
    // Nothing in the case may run code named in the YAML.
    assertThat(dir.resolve("pwned")).as(where).doesNotExist();
    assertThat(Path.of("pwned")).as(where).doesNotExist();

    Expect x = tc.expect();
    if (x.outcome() == Outcome.USAGE) {
      assertThat(status).as(where).isEqualTo(Main.USAGE);
      assertThat(stderr).as(where).contains(x.text());
      assertThat(stderr.lines().filter(l -> !l.isBlank()).count()).as(where).isBetween(1L, 4L);
      assertThat(stderr).as(where).startsWith("whodecides: ");
      return;
    }

    // The report is always printed, valid JSON, and still holds the good file's finding.
    JsonNode report = JSON.readTree(stdout);
    JsonNode findings = report.get("findings");
    assertThat(findings).as(where).isNotNull();
    assertThat(has(findings, "no-ship-authority", "good.yaml", 9, GOOD_REF))
        .as(where + "\n(the good file's finding is lost)").isTrue();

    check(x, status, stderr, findings, where);
  }

  /** Checks one expected outcome; for EITHER, passes when any alternative passes. */
  private static void check(Expect x, int status, String stderr, JsonNode findings, String where) {
    List<String> errors = ERROR_LINE.matcher(stderr).results().map(m -> m.group()).toList();
    switch (x.outcome()) {
      case EITHER -> {
        List<String> failures = new ArrayList<>();
        for (Expect alt : x.alternatives()) {
          try {
            check(alt, status, stderr, findings, where);
            return;
          } catch (AssertionError e) {
            failures.add(alt.outcome() + ": " + e.getMessage().lines().reduce((a, b) -> b).orElse(""));
          }
        }
        throw new AssertionError(where + "\n(none of the expected answers: " + failures + ")");
      }
      case FATAL -> {
        assertThat(status).as(where).isEqualTo(Main.USAGE);
        List<String> named = errors.stream().filter(l -> l.contains(x.file())).toList();
        assertThat(named).as(where + "\n(no error line naming " + x.file() + ")").isNotEmpty();
        String line = named.get(0);
        if (x.line() != null) {
          String at = Pattern.quote(x.file()) + ":" + (x.line() == 0 ? "[1-9]\\d*" : x.line()) + ":[1-9]\\d*: ";
          assertThat(line).as(where).containsPattern(at);
        }
        if (x.text() != null) {
          assertThat(line).as(where).contains(x.text());
        }
        assertThat(stderr).as(where).contains("the report covers the rest");
        if (x.also() != null) {
          Expect y = x.also();
          assertThat(matching(findings, y.rule(), y.file(), y.line(), y.entity()))
              .as(where + "\n(no " + y.rule() + " finding at " + y.file() + ":" + y.line() + ")").isNotEmpty();
        }
      }
      case FINDING -> {
        assertThat(errors).as(where).isEmpty();
        assertThat(status).as(where).isEqualTo(1);
        List<JsonNode> match = matching(findings, x.rule(), x.file(), x.line(), x.entity());
        assertThat(match).as(where + "\n(no " + x.rule() + " finding at " + x.file() + ":" + x.line() + ")").isNotEmpty();
        if (x.text() != null) {
          assertThat(match).as(where).anyMatch(f -> f.get("message").asText().contains(x.text()));
        }
        if (!x.rule().equals("invalid-entity")) {
          assertThat(matching(findings, "invalid-entity", null, null, null)).as(where).isEmpty();
        }
      }
      case LOADS -> {
        assertThat(errors).as(where).isEmpty();
        assertThat(status).as(where).isIn(0, 1);
        assertThat(matching(findings, "invalid-entity", null, null, null)).as(where).isEmpty();
      }
      case NOTICE -> {
        assertThat(errors).as(where).isEmpty();
        assertThat(status).as(where).isIn(0, 1);
        List<String> notices = stderr.lines()
            .filter(l -> l.startsWith("notice: ") && l.contains(x.file())).toList();
        assertThat(notices).as(where + "\n(no notice naming " + x.file() + ")").isNotEmpty();
        if (x.text() != null) {
          assertThat(notices).as(where).anyMatch(l -> l.contains(x.text()));
        }
        assertThat(matching(findings, "invalid-entity", null, null, null)).as(where).isEmpty();
      }
      default -> throw new AssertionError(x.outcome());
    }
  }

  private static boolean has(JsonNode findings, String rule, String file, Integer line, String entity) {
    return !matching(findings, rule, file, line, entity).isEmpty();
  }

  /** Findings of {@code rule} whose file ends with {@code file} (any file when null; line / entity when given). */
  private static List<JsonNode> matching(JsonNode findings, String rule, String file, Integer line, String entity) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode f : findings) {
      String fFile = f.path("file").asText();
      boolean fileMatches = file == null || fFile.equals(file) || fFile.endsWith("/" + file);
      if (f.path("rule").asText().equals(rule) && fileMatches
          // An invalid-entity finding stands at the field that is wrong, at or below the document's
          // first line; FindingPositionsTest checks those places exactly.
          && (line == null || f.path("line").asInt() == line
              || (rule.equals("invalid-entity") && line > 0 && f.path("line").asInt() >= line))
          && (entity == null || entity.equals(f.path("entity").asText()))) {
        out.add(f);
      }
    }
    return out;
  }

  private static String abbreviate(String s) {
    return s.length() > 4000 ? s.substring(0, 4000) + "\n[... " + (s.length() - 4000) + " more characters]" : s;
  }

}
