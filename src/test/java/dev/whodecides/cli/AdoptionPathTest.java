package dev.whodecides.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whodecides.CliRun;
import dev.whodecides.TestFiles;
import dev.whodecides.generate.OrgGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/**
 * The adoption path the README's CI section describes, run the way a team would: write the
 * configuration, draft the missing Decisions with {@code init}, accept today's findings in a
 * baseline, commit; then a pull request removes a release owner and the commands of the shipped
 * GitHub Actions workflow ({@code docs/github-actions/whodecides.yml}) fail it. Once on the example
 * organization, once on a generated catalog in the shape of a real company's.
 */
class AdoptionPathTest {

  static final Path WORKFLOW = Path.of("docs/github-actions/whodecides.yml");

  @TempDir Path repo;

  /** The whodecides command lines of the workflow, in order, as its steps run them. */
  static List<List<String>> workflowCommands() throws IOException {
    Map<String, Object> doc = new Yaml().load(Files.readString(WORKFLOW));
    List<List<String>> out = new ArrayList<>();
    @SuppressWarnings("unchecked")
    Map<String, Object> jobs = (Map<String, Object>) doc.get("jobs");
    for (Object job : jobs.values()) {
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> steps = (List<Map<String, Object>>) ((Map<String, Object>) job).get("steps");
      for (Map<String, Object> step : steps) {
        Object run = step.get("run");
        if (run == null) {
          continue;
        }
        for (String line : run.toString().split("\n")) {
          int at = line.indexOf("java -jar whodecides.jar ");
          if (at >= 0) {
            out.add(words(line.substring(at + "java -jar whodecides.jar ".length())));
          }
        }
      }
    }
    return out;
  }

  /** Splits a shell command line into words, honouring double quotes. */
  static List<String> words(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (char c : line.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
        any = true;
      } else if (c == ' ' && !quoted) {
        if (any) {
          out.add(w.toString());
        }
        w.setLength(0);
        any = false;
      } else {
        w.append(c);
        any = true;
      }
    }
    if (any) {
      out.add(w.toString());
    }
    return out;
  }

  /** The workflow's words with its variables and relative files placed in this repository. */
  private String[] bind(List<String> words) {
    List<String> out = new ArrayList<>();
    for (String w : words) {
      String v = w.replace("${{ github.base_ref }}", "main").replace("$CATALOG", "catalog");
      if (List.of("catalog", ".whodecides-baseline.json", "whodecides.sarif", "whodecides-diff.md").contains(v)) {
        v = repo.resolve(v).toString();
      }
      out.add(v);
    }
    return out.toArray(String[]::new);
  }

  private List<String> step(String command) throws IOException {
    return workflowCommands().stream().filter(c -> c.get(0).equals(command)).findFirst().orElseThrow();
  }

  @Test
  void theWorkflowRunsRealCommandsWithRealOptions() throws IOException {
    List<List<String>> commands = workflowCommands();
    assertThat(commands).extracting(c -> c.get(0)).containsExactly("lint", "diff");
    for (List<String> c : commands) {
      CommandLine cli = new CommandLine(new Main());
      Main.COMMANDS.forEach(cli::addSubcommand);
      StringWriter err = new StringWriter();
      cli.setErr(new PrintWriter(err));
      // Parsing checks the command, every option and every option's value; nothing runs.
      cli.parseArgs(bind(c));
    }
    assertThat(Files.readString(WORKFLOW)).contains("upload-sarif").contains("gh pr comment")
        .contains("fetch-depth: 0");
  }

  @Test
  void onTheExampleOrganization() throws Exception {
    TestFiles.copyTree(Path.of("examples/retail-data-org"), repo.resolve("catalog"));
    adopt("""
        rules:
          one-title-only: off
        exclude: ["catalog/broken/**"]
        waivers:
          - rule: no-guarantees
            entity: resource:default/newsletter-clicks
            reason: The newsletter stops at the end of January
            by: user:default/priya.natarajan
            until: 2099-01-31
        """, "catalog/decisions/commercial.yaml",
        "  scope: component:markdown-pricing\n  owner: user:lena.vogel\n  consulted: [user:david",
        "  scope: component:markdown-pricing\n  consulted: [user:david", "Markdown Pricing", "Lena Vogel");
  }

  @Test
  void onAGeneratedCompany() throws Exception {
    OrgGenerator.generate(3_000, repo.resolve("catalog"), 11);
    // The team fills in the release owner init proposed for the first team without Decisions.
    adopt("""
        rules:
          duplicated-work: warning
        """, null, null, null, null, null);
  }

  /**
   * Configuration, init, baseline, commit; then a pull request that takes a release owner away.
   * With {@code file} null, the release owner is the one the team wrote into init's first drafted
   * release Decision, and that is the one the pull request removes again.
   */
  private void adopt(String config, String file, String from, String to, String product, String person) throws Exception {
    Files.writeString(repo.resolve(".whodecides.yaml"), config);
    CliRun.Run init = CliRun.run("init", repo.resolve("catalog").toString(), "--out", repo.resolve("catalog/decision-rights").toString());
    assertThat(init.status()).as(init.err()).isZero();
    if (file == null) {
      try (Stream<Path> drafted = Files.list(repo.resolve("catalog/decision-rights"))) {
        Path first = drafted.sorted().filter(f -> read(f).contains("  type: release\n  scope: system:default/")
            && read(f).contains("  # owner: user:default/")).findFirst().orElseThrow();
        String text = Files.readString(first);
        int release = text.indexOf("  type: release\n");
        assertThat(release).as("a drafted release Decision in %s", first).isPositive();
        int owner = text.indexOf("  # owner: ", release);
        String ownerLine = text.substring(owner, text.indexOf('\n', owner) + 1);
        Files.writeString(first, text.substring(0, owner) + ownerLine.replace("# owner:", "owner:") + text.substring(owner + ownerLine.length()));
        file = repo.relativize(first).toString();
        from = ownerLine.replace("# owner:", "owner:");
        to = "";
        person = ownerLine.substring(ownerLine.indexOf("user:") + "user:default/".length()).strip();
      }
    }
    CliRun.Run noDecisionRights = CliRun.run("lint", repo.resolve("catalog").toString(), "--format", "json", "--fail-on", "never");
    assertThat(noDecisionRights.out()).doesNotContain("\"no-decision-rights\"").doesNotContain("\"invalid-entity\"");
    CliRun.Run baseline = CliRun.run("lint", repo.resolve("catalog").toString(), "--write-baseline",
        repo.resolve(".whodecides-baseline.json").toString(), "--format", "json");
    assertThat(baseline.status()).as(baseline.err()).isZero();
    commit();

    // CI on a pull request that changes nothing: both workflow steps pass.
    CliRun.Run lint = CliRun.run(bind(step("lint")));
    assertThat(lint.status()).as(lint.err()).isZero();
    assertThat(Files.readString(repo.resolve("whodecides.sarif"))).contains("\"baselineState\" : \"unchanged\"")
        .doesNotContain("\"baselineState\" : \"new\"");
    CliRun.Run quiet = CliRun.run(bind(step("diff")));
    assertThat(quiet.status()).as(quiet.err()).isZero();

    // The pull request: a release owner goes.
    Path changed = repo.resolve(file);
    String text = Files.readString(changed);
    assertThat(text).contains(from);
    Files.writeString(changed, text.replace(from, to));
    CliRun.Run strict = CliRun.run("lint", repo.resolve("catalog").toString(), "--baseline",
        repo.resolve(".whodecides-baseline.json").toString());
    assertThat(strict.status()).as("lint against the baseline fails on the new finding").isEqualTo(1);
    CliRun.Run diff = CliRun.run(bind(step("diff")));
    assertThat(diff.status()).as(diff.err()).isEqualTo(1);
    String comment = Files.readString(repo.resolve("whodecides-diff.md"));
    assertThat(comment).contains("without anyone who can decide to ship it (was ")
        .contains("`" + CatalogLoaderNames.shown(changed) + "`)").contains("Usually a **product-owner** decides this");
    if (product != null) {
      assertThat(comment).contains("This change leaves **" + product + "** without anyone who can decide to ship it (was "
          + person + ", `");
    } else {
      assertThat(comment).contains("(was " + person + ", `");
    }
  }

  private static String read(Path f) {
    try {
      return Files.readString(f);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void commit() throws IOException, GitAPIException {
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      PersonIdent who = new PersonIdent("t", "t@example.com");
      var c = git.commit().setMessage("adopt whodecides").setSign(false).setAuthor(who).setCommitter(who).call();
      // What actions/checkout with fetch-depth 0 gives: the base branch as origin/main.
      RefUpdate ref = git.getRepository().updateRef("refs/remotes/origin/main");
      ref.setNewObjectId(c.getId());
      assertThat(ref.update()).isIn(RefUpdate.Result.NEW, RefUpdate.Result.FORCED);
    }
  }


  /** File names as whodecides prints them. */
  static final class CatalogLoaderNames {
    static String shown(Path p) {
      return dev.whodecides.catalog.CatalogLoader.display(p);
    }
  }
}
