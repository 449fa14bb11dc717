package dev.whodecides.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole repository can be pointed at: what is not a catalog file is skipped, globs are followed. */
class WholeRepositoryTest {

  private static final String SPEC = "spec: {type: team, children: []}\n";

  private static void group(Path file, String name) throws IOException {
    write(file, "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: {name: " + name + "}\n" + SPEC);
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static List<String> names(Catalog c) {
    return c.entities().stream().map(e -> e.ref().name()).sorted().toList();
  }

  @Test
  void gitignoredFilesAndNodeModulesAreNotRead(@TempDir Path repo) throws IOException {
    Files.createDirectories(repo.resolve(".git/info"));
    write(repo.resolve(".git/info/exclude"), "scratch.yaml\n");
    write(repo.resolve(".gitignore"), "generated/\n*.local.yaml\n!keep.local.yaml\n");
    write(repo.resolve("teams/.gitignore"), "old.yaml\n");
    group(repo.resolve("teams/a.yaml"), "a");
    group(repo.resolve("teams/old.yaml"), "old");
    group(repo.resolve("teams/deep/old.yaml"), "deep-old");
    group(repo.resolve("generated/g.yaml"), "generated");
    group(repo.resolve("x.local.yaml"), "local");
    group(repo.resolve("keep.local.yaml"), "kept");
    group(repo.resolve("scratch.yaml"), "scratch");
    group(repo.resolve("node_modules/pkg/catalog-info.yaml"), "from-npm");
    group(repo.resolve("web/node_modules/pkg/catalog-info.yaml"), "from-npm-too");
    assertThat(names(CatalogLoader.load(List.of(repo)))).containsExactly("a", "kept");
    // Pointing at a sub-directory keeps the repository's rules above it.
    group(repo.resolve("generated/sub/s.yaml"), "generated-sub");
    assertThat(names(CatalogLoader.load(List.of(repo.resolve("teams"))))).containsExactly("a");
    // A file named on the command line is read even when ignored.
    assertThat(names(CatalogLoader.load(List.of(repo.resolve("x.local.yaml"))))).containsExactly("local");
  }

  @Test
  void gitignoreCountsInAnExportedCopyWithoutGit(@TempDir Path dir) throws IOException {
    write(dir.resolve(".gitignore"), "dist/\n");
    group(dir.resolve("a.yaml"), "a");
    group(dir.resolve("dist/a.yaml"), "built");
    assertThat(names(CatalogLoader.load(List.of(dir)))).containsExactly("a");
  }

  @Test
  void globTargetsFollowBackstage(@TempDir Path dir) throws IOException {
    write(dir.resolve("catalog-info.yaml"), """
        apiVersion: backstage.io/v1alpha1
        kind: Location
        metadata: {name: everything}
        spec:
          targets:
            - ./apis/*.yaml
            - ./**/catalog-info.yaml
            - ./teams/{red,blue}.yaml
            - ./nothing/*.yaml
        """);
    group(dir.resolve("apis/one.yaml"), "one");
    group(dir.resolve("apis/two.yaml"), "two");
    group(dir.resolve("apis/nested/three.yaml"), "three"); // * stays within one directory
    group(dir.resolve("services/shop/catalog-info.yaml"), "shop");
    group(dir.resolve("services/shop/deep/catalog-info.yaml"), "deep-shop");
    group(dir.resolve("node_modules/x/catalog-info.yaml"), "npm");
    group(dir.resolve("teams/red.yaml"), "red");
    group(dir.resolve("teams/blue.yaml"), "blue");
    group(dir.resolve("teams/green.yaml"), "green");
    Catalog c = CatalogLoader.load(List.of(dir.resolve("catalog-info.yaml")));
    assertThat(names(c)).containsExactly("blue", "deep-shop", "everything", "one", "red", "shop", "two");
    assertThat(c.loadProblems()).extracting(LoadProblem::message)
        .containsExactly("target ./nothing/*.yaml of location:default/everything matches no file; skipped");
    assertThat(c.hasFatalProblems()).isFalse();
  }

  @Test
  void globsTranslateAsMinimatchDoes() {
    assertThat("a/b/c.yaml").matches(Glob.regex("**/*.yaml"));
    assertThat("c.yaml").matches(Glob.regex("**/*.yaml"));
    assertThat("a/c.yaml").doesNotMatch(Glob.regex("*.yaml"));
    assertThat("x.yml").matches(Glob.regex("*.{yaml,yml}"));
    assertThat("b.yaml").matches(Glob.regex("[ab].yaml"));
    assertThat("c.yaml").doesNotMatch(Glob.regex("[!c].yaml"));
    assertThat("a+b(1).yaml").matches(Glob.regex("a+b(?).yaml"));
  }

  @Test
  void nonCatalogFilesAreNoticesNeverErrors(@TempDir Path dir) throws IOException {
    write(dir.resolve("matrix.yaml"), "- a\n- b\n---\n- c\n");
    write(dir.resolve("chart/templates/deploy.yaml"), "apiVersion: apps/v1\nkind: Deployment\n{{- if .Values.x }}\n");
    write(dir.resolve("broken.yml"), "key: [unclosed\n");
    write(dir.resolve("skeleton/catalog-info.yaml"), "apiVersion: backstage.io/v1alpha1\nkind: Component\n"
        + "metadata:\n  name: ${{ values.name }}\nspec:\n  owner: ${{ values.owner }}\n");
    group(dir.resolve("team.yaml"), "team");
    Catalog c = CatalogLoader.load(List.of(dir));
    assertThat(c.hasFatalProblems()).isFalse();
    assertThat(c.schemaProblems()).isEmpty();
    assertThat(names(c)).containsExactly("team");
    assertThat(c.loadProblems()).hasSize(4).allMatch(p -> !p.fatal());
  }
}
