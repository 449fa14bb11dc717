package dev.whodecides.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whodecides.CliRun;
import dev.whodecides.TestFiles;
import dev.whodecides.catalog.CatalogLoader;
import dev.whodecides.rules.LintOptions;
import dev.whodecides.rules.LintResult;
import dev.whodecides.rules.Linter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code whodecides diff} on a git repository holding a copy of the example organization: the
 * change of a pull request is made in the work tree and compared with the last commit
 * ({@code git:HEAD}), read from the object database without a checkout.
 */
class DiffTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path repo;
  Path org;

  @BeforeEach
  void commitTheExample() throws IOException, GitAPIException {
    org = repo.resolve("catalog");
    TestFiles.copyTree(Path.of("examples/retail-data-org"), org);
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      git.commit().setMessage("the organization").setSign(false)
          .setAuthor(new PersonIdent("t", "t@example.com")).setCommitter(new PersonIdent("t", "t@example.com")).call();
    }
  }


  private void edit(String file, String from, String to) throws IOException {
    Path p = org.resolve(file);
    String text = Files.readString(p);
    assertThat(text).contains(from);
    Files.writeString(p, text.replace(from, to));
  }

  private CliRun.Run diff(String... extra) {
    List<String> args = new ArrayList<>(List.of("diff", "git:HEAD", org.toString()));
    args.addAll(List.of(extra));
    return CliRun.run(args.toArray(String[]::new));
  }

  private static List<JsonNode> changes(JsonNode doc, String kind) {
    List<JsonNode> out = new ArrayList<>();
    doc.get("changes").forEach(c -> {
      if (c.get("change").asText().equals(kind)) {
        out.add(c);
      }
    });
    return out;
  }

  @Test
  void removingAReleaseOwnerOpensAGapAndFailsTheChange() throws IOException {
    edit("decisions/commercial.yaml", "  scope: component:markdown-pricing\n  owner: user:lena.vogel\n  consulted: [user:david",
        "  scope: component:markdown-pricing\n  consulted: [user:david");
    CliRun.Run run = diff("--format", "json");
    assertThat(run.status()).as(run.err()).isEqualTo(1);
    JsonNode doc = JSON.readTree(run.out());
    List<JsonNode> opened = changes(doc, "gap-opened");
    assertThat(opened).hasSize(1);
    JsonNode gap = opened.get(0);
    List<String> fields = new ArrayList<>();
    gap.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("change", "entity", "decision", "before", "after", "rule", "file", "line", "message");
    assertThat(gap.get("entity").asText()).isEqualTo("component:default/markdown-pricing");
    assertThat(gap.get("decision").asText()).isEqualTo("release");
    assertThat(gap.get("before").asText()).isEqualTo("user:default/lena.vogel");
    assertThat(gap.get("after").isNull()).isTrue();
    assertThat(gap.get("rule").asText()).isEqualTo("no-ship-authority");
    assertThat(gap.get("file").asText()).endsWith("catalog/decisions/commercial.yaml");
    assertThat(gap.get("line").asInt()).isEqualTo(3);
    // The same gap is the new no-ship-authority finding lint gives, so the two never disagree.
    List<JsonNode> fresh = changes(doc, "finding-new");
    assertThat(fresh).anySatisfy(f -> {
      assertThat(f.get("rule").asText()).isEqualTo("no-ship-authority");
      assertThat(f.get("entity").asText()).isEqualTo("component:default/markdown-pricing");
      assertThat(f.get("decision").asText()).isEqualTo("release");
    });
    JsonNode summary = doc.get("summary");
    List<String> keys = new ArrayList<>();
    summary.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("gapsOpened", "gapsClosed", "ownersChanged", "findingsNew", "findingsFixed");
    assertThat(summary.get("gapsOpened").asInt()).isEqualTo(1);
    assertThat(summary.get("findingsNew").asInt()).isEqualTo(fresh.size());

    CliRun.Run md = diff("--format", "markdown");
    assertThat(md.status()).isEqualTo(1);
    assertThat(md.out()).contains("This change leaves **Markdown Pricing** without anyone who can decide to ship it"
        + " (was Lena Vogel, `").contains("catalog/decisions/commercial.yaml`)")
        .contains("Usually a **product-owner** decides this · [Anna Hannemann, ")
        .contains("https://www.youtube.com/watch?v=");
    assertThat(diff("--fail-on", "never").status()).isZero();
    assertThat(diff("--fail-on", "finding-new").status()).isEqualTo(1);
    // The README and docs/ci.md quote this comment; they stay true.
    String shown = md.out().replace(repo.toString() + "/", "");
    List<String> quoted = shown.lines().filter(l -> l.startsWith("🔴") || l.startsWith("- This change leaves")).toList();
    assertThat(quoted).hasSize(2);
    for (String page : List.of("README.md", "docs/ci.md")) {
      String text = Files.readString(Path.of(page));
      quoted.forEach(l -> assertThat(text).as(page).contains("> " + l));
    }
  }

  @Test
  void deletingAPersonOpensTheGapsOfTheDecisionsTheyHeld() throws IOException {
    Path users = org.resolve("org/users.yaml");
    String text = Files.readString(users);
    int at = text.indexOf("  name: felix.braun");
    int start = text.lastIndexOf("---\n", at);
    int end = text.indexOf("---\n", at);
    Files.writeString(users, text.substring(0, start) + text.substring(end));
    CliRun.Run run = diff("--format", "json");
    assertThat(run.status()).as(run.err()).isEqualTo(1);
    JsonNode doc = JSON.readTree(run.out());
    assertThat(changes(doc, "gap-opened")).anySatisfy(g -> {
      assertThat(g.get("entity").asText()).isEqualTo("component:default/assortment-optimizer");
      assertThat(g.get("decision").asText()).isEqualTo("roadmap");
      assertThat(g.get("before").asText()).isEqualTo("user:default/felix.braun");
      assertThat(g.get("rule").asText()).isEqualTo("no-roadmap-owner");
      assertThat(g.get("message").asText()).contains("user:default/felix.braun, the owner at")
          .contains("is not in the catalog");
    });
    assertThat(changes(doc, "finding-new")).anySatisfy(f ->
        assertThat(f.get("rule").asText()).isEqualTo("unknown-reference"));
    CliRun.Run md = diff("--format", "markdown");
    assertThat(md.out()).contains("This change leaves **Assortment Optimizer** without anyone who can decide what goes"
        + " on its roadmap (was Felix Braun, `")
        .contains("Felix Braun (`user:default/felix.braun`): left the catalog; holds roadmap of group:default/assortment");
  }

  @Test
  void aNewOwnerIsAnOwnerChangeAndNoFailureAndATitleChangeShowsThroughTheDecisionsHeld() throws IOException {
    edit("decisions/commercial.yaml", "  scope: component:markdown-pricing\n  owner: user:lena.vogel\n  consulted: [user:marco",
        "  scope: component:markdown-pricing\n  owner: user:david.okafor\n  consulted: [user:marco");
    edit("org/users.yaml", "  name: lena.vogel\n  annotations:\n    whodecides.dev/title: Product Owner",
        "  name: lena.vogel\n  annotations:\n    whodecides.dev/title: Head of Pricing");
    CliRun.Run run = diff("--format", "json");
    assertThat(run.status()).as(run.out() + run.err()).isZero();
    JsonNode doc = JSON.readTree(run.out());
    assertThat(changes(doc, "gap-opened")).isEmpty();
    assertThat(changes(doc, "owner-changed")).singleElement().satisfies(c -> {
      assertThat(c.get("entity").asText()).isEqualTo("component:default/markdown-pricing");
      assertThat(c.get("decision").asText()).isEqualTo("roadmap");
      assertThat(c.get("before").asText()).isEqualTo("user:default/lena.vogel");
      assertThat(c.get("after").asText()).isEqualTo("user:default/david.okafor");
    });
    CliRun.Run text = diff();
    assertThat(text.out()).contains("person  user:default/lena.vogel (Lena Vogel): title Product Owner → Head of Pricing;"
        + " holds release of component:default/markdown-pricing");
    // Nothing new to find either, so even the stricter threshold passes.
    assertThat(changes(doc, "finding-new")).isEmpty();
    assertThat(diff("--fail-on", "finding-new").status()).isZero();
  }

  @Test
  void closingAGapIsReportedAndTwoDirectoriesCompareToo(@TempDir Path head) throws IOException {
    TestFiles.copyTree(org, head);
    Path commercial = head.resolve("decisions/commercial.yaml");
    Files.writeString(commercial, Files.readString(commercial).replace(
        "  scope: component:assortment-optimizer\n", "  scope: component:assortment-optimizer\n  owner: user:felix.braun\n"));
    CliRun.Run run = CliRun.run("diff", org.toString(), head.toString(), "--format", "json");
    assertThat(run.status()).as(run.err()).isZero();
    JsonNode doc = JSON.readTree(run.out());
    assertThat(changes(doc, "gap-closed")).singleElement().satisfies(c -> {
      assertThat(c.get("entity").asText()).isEqualTo("component:default/assortment-optimizer");
      assertThat(c.get("decision").asText()).isEqualTo("release");
      assertThat(c.get("before").isNull()).isTrue();
      assertThat(c.get("after").asText()).isEqualTo("user:default/felix.braun");
    });
    assertThat(changes(doc, "finding-fixed")).anySatisfy(f ->
        assertThat(f.get("rule").asText()).isEqualTo("no-ship-authority"));
    assertThat(doc.get("summary").get("gapsClosed").asInt()).isEqualTo(1);
  }

  @Test
  void anUnchangedCatalogHasNoChangesAndTheWorkTreeIsLeftAlone() throws IOException, GitAPIException {
    CliRun.Run run = diff("--format", "markdown");
    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).contains("moves no decision right and brings no new finding");
    try (Git git = Git.open(repo.toFile())) {
      assertThat(git.status().call().isClean()).isTrue();
    }
  }

  @Test
  void theGitSideReadsTheCommittedFilesAsLintWouldReadThem() throws IOException {
    // The committed organization against itself copied out: nothing differs, so the git side
    // loaded every file and read it the same.
    CliRun.Run run = CliRun.run("diff", "git:HEAD", org.toString(), "--format", "json");
    JsonNode doc = JSON.readTree(run.out());
    assertThat(doc.get("changes")).isEmpty();
    // And after a change, every new finding is one lint gives on the work tree.
    edit("decisions/commercial.yaml", "  owner: user:lena.vogel\n  consulted: [user:david", "  consulted: [user:david");
    LintResult now = Linter.lint(CatalogLoader.load(org), LintOptions.defaults());
    JsonNode changed = JSON.readTree(diff("--format", "json", "--fail-on", "never").out());
    assertThat(changes(changed, "finding-new")).isNotEmpty().allSatisfy(c ->
        assertThat(now.findings()).anySatisfy(f -> {
          assertThat(f.rule()).isEqualTo(c.get("rule").asText());
          assertThat(f.message()).isEqualTo(c.get("message").asText());
        }));
  }

  @Test
  void badInputIsExitTwoWithOneLine(@TempDir Path notARepo) throws IOException {
    CliRun.Run rev = CliRun.run("diff", "git:no-such-branch", org.toString());
    assertThat(rev.status()).isEqualTo(2);
    assertThat(rev.err()).contains("git:no-such-branch names no commit").doesNotContain("Exception");
    CliRun.Run missing = CliRun.run("diff", org.resolve("nope").toString(), org.toString());
    assertThat(missing.status()).isEqualTo(2);
    assertThat(missing.err()).contains("does not exist");
    CliRun.Run failOn = CliRun.run("diff", org.toString(), org.toString(), "--fail-on", "error");
    assertThat(failOn.status()).isEqualTo(2);
    assertThat(failOn.err()).contains("gap-opened, finding-new or never");
    TestFiles.copyTree(org, notARepo.resolve("catalog"));
    CliRun.Run noRepo = CliRun.run("diff", "git:HEAD", notARepo.resolve("catalog").toString());
    assertThat(noRepo.status()).isEqualTo(2);
    assertThat(noRepo.err()).contains("is not inside one");
  }
}
