package dev.whodecides.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whodecides.catalog.Catalog;
import dev.whodecides.catalog.CatalogLoader;
import dev.whodecides.catalog.Entity;
import dev.whodecides.decisions.Declaration;
import dev.whodecides.rules.AnalysedCatalog;
import dev.whodecides.rules.BuiltInRules;
import dev.whodecides.rules.Finding;
import dev.whodecides.rules.LintOptions;
import dev.whodecides.rules.LintResult;
import dev.whodecides.rules.Linter;
import dev.whodecides.rules.RuleDescriptor;
import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.EntityRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The synthetic organization of the lint benchmark loads cleanly and gives every rule a minority to report. */
class OrgGeneratorTest {

  /**
   * Rules a generated organization does not trigger, and why: the generator writes only valid,
   * fully resolved documents, so {@code invalid-entity} and {@code unknown-reference} firing
   * would mean a generator bug; {@code guarantee-broken} judges contracts against the report of
   * {@code whodecides verify}, which runs their checks on real data and is passed with {@code --verified}.
   */
  static final Set<String> NOT_GENERATED = Set.of("invalid-entity", "unknown-reference", "guarantee-broken",
      // about the waivers of a configuration, which the generator does not write
      "expired-waiver", "unused-waiver",
      // about review dates, which the generator does not write
      "stale-decision");

  /** What each rule looks at, counted in the catalog: its findings may name at most half of these. */
  static final Map<String, ToIntFunction<AnalysedCatalog>> CANDIDATES = Map.ofEntries(
      Map.entry("both-hats", a -> owners(a, DecisionType.RELEASE)),
      Map.entry("conflicting-owners", a -> (int) a.ownership().declarations().stream()
          .map(d -> d.scope() + "|" + d.type()).distinct().count()),
      Map.entry("duplicated-work", a -> a.catalog().ofKind("usecase").size()),
      Map.entry("generic-resource", a -> (int) useCases(a).filter(u -> !u.texts("staffed").isEmpty()).count()
          + (int) useCases(a).flatMap(u -> u.texts("staffed").stream()).distinct().count()),
      Map.entry("group-owns-decision", a -> a.ownership().declarations().size()),
      Map.entry("improvement-without-business-impact", a -> a.catalog().ofKind("improvement").size()),
      Map.entry("manual-fix-suffices", a -> (int) useCases(a)
          .filter(u -> Set.of("model", "automation", "api").contains(u.text("solution")) && u.text("volume") != null)
          .count()),
      Map.entry("missing-skill", a -> (int) useCases(a).filter(u -> !u.texts("needs").isEmpty()).count()),
      Map.entry("model-before-problem", a -> (int) useCases(a).filter(u -> u.text("solution") != null).count()),
      Map.entry("no-decision-rights", a -> (int) a.catalog().ofKind("group").stream()
          .filter(g -> "team".equals(g.text("type"))).count()),
      Map.entry("no-guarantees", a -> consumed(a.catalog())),
      Map.entry("no-roadmap-owner", a -> (int) a.catalog().ofKind("group").stream()
          .filter(g -> "team".equals(g.text("type"))).count()),
      Map.entry("no-ship-authority", a -> (int) a.catalog().ofKind("component").stream()
          .filter(c -> Set.of("production", "experimental").contains(c.text("lifecycle"))).count()),
      Map.entry("one-title-only", a -> (int) a.catalog().ofKind("group").stream()
          .filter(g -> g.text("parent") == null).count()),
      Map.entry("title-mismatch", a -> (int) a.catalog().ofKind("user").stream()
          .filter(u -> u.annotation("whodecides.dev/title") != null).count()),
      Map.entry("unjustified-investment", a -> (int) useCases(a)
          .filter(u -> Set.of("hire", "external").contains(u.text("solution"))).count()));

  @Test
  void aGeneratedOrganizationGivesEveryRuleFindingsOnAtMostHalfOfWhatItChecks(@TempDir Path dir) throws IOException {
    long written = OrgGenerator.generate(5_000, dir, 42);
    Catalog catalog = CatalogLoader.load(dir);
    assertThat(catalog.loadProblems()).isEmpty();
    assertThat(catalog.schemaProblems()).isEmpty();
    LintResult result = Linter.lint(catalog, LintOptions.defaults());
    assertThat((long) result.entities()).isEqualTo(written).isBetween(5_000L, 5_050L);

    Map<String, Set<String>> flagged = new HashMap<>();
    for (Finding f : result.findings()) {
      flagged.computeIfAbsent(f.rule(), k -> new HashSet<>()).add(f.entity());
    }
    List<String> ids = BuiltInRules.descriptors().stream().map(RuleDescriptor::id).toList();
    assertThat(CANDIDATES.keySet()).as("every rule is either counted or excused")
        .containsExactlyInAnyOrderElementsOf(ids.stream().filter(id -> !NOT_GENERATED.contains(id)).toList());
    for (String id : ids) {
      int found = flagged.getOrDefault(id, Set.of()).size();
      if (NOT_GENERATED.contains(id)) {
        assertThat(found).as(id).isZero();
        continue;
      }
      int candidates = CANDIDATES.get(id).applyAsInt(result.analysis());
      assertThat(found).as(id + ": entities with a finding, of " + candidates + " checked")
          .isPositive().isLessThanOrEqualTo(candidates / 2);
    }
  }

  @Test
  void theSameSeedWritesTheSameFilesAndAnotherSeedOtherOnes(@TempDir Path dir) throws IOException {
    OrgGenerator.generate(3_000, dir.resolve("a"), 7);
    OrgGenerator.generate(3_000, dir.resolve("b"), 7);
    OrgGenerator.generate(3_000, dir.resolve("c"), 8);
    assertThat(contents(dir.resolve("a"))).isEqualTo(contents(dir.resolve("b")))
        .isNotEqualTo(contents(dir.resolve("c")));
  }

  @Test
  void theCountStaysWithinOneTeamOfTheTarget(@TempDir Path dir) throws IOException {
    for (int target : new int[] {1, 999, 2_500}) {
      Path out = dir.resolve("n" + target);
      long written = OrgGenerator.generate(target, out, 42);
      assertThat(written).isBetween((long) target, target + 30L);
      assertThat(CatalogLoader.load(out).size() + CatalogLoader.load(out).contracts().size()).isEqualTo((int) written);
    }
  }

  private static Stream<Entity> useCases(AnalysedCatalog a) {
    return a.catalog().ofKind("usecase").stream();
  }

  private static int owners(AnalysedCatalog a, DecisionType type) {
    return (int) a.ownership().declarations().stream().filter(d -> d.type() == type && d.owned())
        .map(Declaration::owner).distinct().count();
  }

  /** Entities used through dependsOn or consumesApis, the rule's own notion of consumption aside. */
  private static int consumed(Catalog catalog) {
    Set<EntityRef> used = new HashSet<>();
    for (Entity c : catalog.ofKind("component")) {
      used.addAll(catalog.refs(c, "dependsOn"));
      used.addAll(catalog.refs(c, "consumesApis"));
    }
    return used.size();
  }

  private static Map<String, String> contents(Path root) throws IOException {
    Map<String, String> files = new HashMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString(), Files.readString(p));
      }
    }
    return files;
  }
}
