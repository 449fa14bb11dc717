package dev.whodecides.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whodecides.knowledge.Knowledge;
import dev.whodecides.vocabulary.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The meta-test: every registered rule carries its summary, remedy, evidence, docs page and
 * fixtures, as kube-linter refuses a check without remediation.
 */
class RegistryTest {

  static List<String> ruleIds() {
    return BuiltInRules.descriptors().stream().map(RuleDescriptor::id).toList();
  }

  @Test
  void registryIsSortedAndIdsAreUniqueAndKebabCase() {
    List<String> ids = ruleIds();
    assertThat(ids).isSorted().doesNotHaveDuplicates().allMatch(id -> id.matches("[a-z]+(-[a-z]+)*"));
    assertThat(ids).containsExactly("both-hats", "conflicting-owners", "duplicated-work", "expired-waiver", "generic-resource", "group-owns-decision",
        "guarantee-broken", "improvement-without-business-impact", "invalid-entity", "manual-fix-suffices", "missing-skill",
        "model-before-problem", "no-decision-rights", "no-guarantees", "no-roadmap-owner", "no-ship-authority", "one-title-only", "stale-decision", "title-mismatch",
        "unjustified-investment",
        "unknown-reference", "unused-waiver");
  }

  @ParameterizedTest
  @MethodSource("ruleIds")
  void ruleHasSummaryRoleEvidenceDocsAndFixtures(String id) {
    RuleDescriptor d = BuiltInRules.byId(id).orElseThrow().descriptor();
    assertThat(d.summary()).as("summary of %s", id).isNotBlank().endsWith(".");
    if (d.role() != null) {
      assertThat(Role.byId(d.role())).as("role of %s", id).isPresent();
    }
    Knowledge k = Knowledge.builtIn();
    assertThat(k.rule(id)).as("knowledge card of %s", id).isPresent();
    assertThat(k.rule(id).get().why()).isNotBlank();
    assertThat(k.rule(id).get().claims()).as("claims of %s", id).isNotEmpty();
    assertThat(k.evidenceForRule(id)).as("citations of %s", id).isNotEmpty();
    // Rules about the catalog's form keep a card (explain shows it) but put no citation on a finding.
    assertThat(d.evidence(k)).as("citations on findings of %s", id).isEqualTo(d.cites() ? k.evidenceForRule(id) : List.of());
    assertThat(Path.of(d.docsPath())).as("docs page of %s", id).isRegularFile();
    assertThat(RuleFixtures.fixture(id, "positive")).as("positive fixture of %s", id).isNotNull();
    assertThat(RuleFixtures.fixture(id, "negative")).as("negative fixture of %s", id).isNotNull();
  }

  @Test
  void onlyTheRulesAboutTheCatalogsFormCiteNothing() {
    assertThat(BuiltInRules.descriptors().stream().filter(d -> !d.cites()).map(RuleDescriptor::id))
        .containsExactly("expired-waiver", "invalid-entity", "unknown-reference", "unused-waiver");
  }

  @Test
  void docsPagesNameTheirRuleAndSeverity() throws Exception {
    for (RuleDescriptor d : BuiltInRules.descriptors()) {
      String page = Files.readString(Path.of(d.docsPath()));
      assertThat(page).as(d.docsPath()).startsWith("# " + d.id()).contains(d.severity().id());
    }
  }
}
