package dev.whodecides.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.whodecides.catalog.Catalog;
import dev.whodecides.catalog.CatalogLoader;
import dev.whodecides.catalog.Entity;
import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.EntityRef;
import dev.whodecides.vocabulary.Kind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who holds a decision and who may make it, on the example organization. */
class AuthorityTest {

  static final Catalog EXAMPLE = CatalogLoader.load(List.of(Path.of("examples/retail-data-org")));
  static final Ownership OWNERSHIP = Ownership.of(EXAMPLE);
  static final Authority AUTHORITY = Authority.of(OWNERSHIP);

  static EntityRef ref(String text) {
    return EntityRef.parse(text, null);
  }

  @Test
  void theOwnerDeclaredOnTheEntityMayDecide() {
    Authority.Verdict v = AUTHORITY.may(ref("user:lena.vogel"), DecisionType.RELEASE, ref("component:markdown-pricing"));
    assertThat(v.allowed()).isTrue();
    assertThat(v.owner()).isEqualTo(ref("user:lena.vogel"));
    assertThat(v.inheritedFrom()).isEqualTo(ref("component:markdown-pricing"));
    assertThat(v.reason()).contains("holds the release decision").contains("decisions/commercial.yaml:3:1");
  }

  @Test
  void someoneElseIsRefusedAndTheReasonNamesTheOwner() {
    Authority.Verdict v = AUTHORITY.may(ref("user:jonas.berg"), DecisionType.RELEASE, ref("component:markdown-pricing"));
    assertThat(v.allowed()).isFalse();
    assertThat(v.reason()).startsWith("user:default/lena.vogel holds the release decision")
        .endsWith("not user:default/jonas.berg.");
  }

  @Test
  void anOwnerOfASystemHoldsTheDecisionForItsComponents() {
    Authority.Holding h = AUTHORITY.who(ref("component:demand-forecast"), DecisionType.RELEASE);
    assertThat(h.owner()).isEqualTo(ref("user:jonas.berg"));
    assertThat(h.inheritedFrom()).isEqualTo(ref("system:supply-planning"));
    assertThat(AUTHORITY.may(ref("user:jonas.berg"), DecisionType.RELEASE, ref("component:demand-forecast")).reason())
        .contains("inherited from system:default/supply-planning");
  }

  @Test
  void anExplicitlyUnownedDecisionIsHeldByNobody() {
    Authority.Holding h = AUTHORITY.who(ref("component:assortment-optimizer"), DecisionType.RELEASE);
    assertThat(h.explicitlyUnowned()).isTrue();
    assertThat(h.owner()).isNull();
    Authority.Verdict v = AUTHORITY.may(ref("user:felix.braun"), DecisionType.RELEASE, ref("component:assortment-optimizer"));
    assertThat(v.allowed()).isFalse();
    assertThat(v.reason()).startsWith("Nobody holds").contains("declared explicitly unowned");
  }

  @Test
  void aDecisionNoDeclarationCoversIsHeldByNobody() {
    Authority.Holding h = AUTHORITY.who(ref("component:markdown-pricing"), DecisionType.COMPLIANCE);
    assertThat(h.owner()).isNull();
    assertThat(h.inheritedFrom()).isNull();
    assertThat(h.explicitlyUnowned()).isFalse();
    assertThat(AUTHORITY.may(ref("user:lena.vogel"), DecisionType.COMPLIANCE, ref("component:markdown-pricing")).reason())
        .contains("no Decision of type compliance covers it");
  }

  @Test
  void aGroupOwnerLetsNoMemberDecideAsReleaseRecordingRefusesThemToo() {
    Authority.Verdict v = AUTHORITY.may(ref("user:jonas.berg"), DecisionType.PRIORITIZATION,
        ref("system:supply-planning"));
    assertThat(v.allowed()).isFalse();
    assertThat(v.owner()).isEqualTo(ref("group:replenishment"));
    assertThat(v.reason()).contains("a group rather than a person").contains("user:default/jonas.berg is a member");
  }

  @Test
  void aConflictListsTheOtherClaimant() {
    Authority.Holding h = AUTHORITY.who(ref("system:recommendations"), DecisionType.LAUNCH);
    assertThat(h.owner()).isEqualTo(ref("user:priya.natarajan"));
    assertThat(h.conflicting()).containsExactly(ref("user:olu.adeyemi"));
    Authority.Verdict first = AUTHORITY.may(ref("user:priya.natarajan"), DecisionType.LAUNCH,
        ref("component:newsletter-picks"));
    assertThat(first.reason()).contains("also claimed for user:default/olu.adeyemi");
  }

  /** who, may, the matrix and lint's gaps are one answer: checked for every product and decision type. */
  @Test
  void whoAgreesWithTheMatrixAndTheGapsEverywhere() {
    DecisionMatrix matrix = DecisionMatrix.of(OWNERSHIP);
    int cells = 0;
    for (DecisionMatrix.Row row : matrix.rows()) {
      for (DecisionMatrix.Cell cell : row.cells()) {
        Authority.Holding h = AUTHORITY.who(row.product().ref(), cell.type());
        assertThat(h.owner()).as(row.product().ref() + " " + cell.type()).isEqualTo(cell.owner());
        assertThat(h.inheritedFrom()).isEqualTo(cell.inheritedFrom());
        if (cell.gap()) {
          assertThat(h.owner()).isNull();
          for (Entity user : EXAMPLE.ofKind(Kind.USER)) {
            assertThat(AUTHORITY.may(user.ref(), cell.type(), row.product().ref()).allowed()).isFalse();
          }
        } else if (cell.owner() != null && cell.owner().is(Kind.USER)) {
          assertThat(AUTHORITY.may(cell.owner(), cell.type(), row.product().ref()).allowed()).isTrue();
        }
        cells++;
      }
    }
    assertThat(cells).isGreaterThan(100);
  }

  @Test
  void badQuestionsSayWhatIsWrong() {
    assertThatThrownBy(() -> Authority.decisionType("budget")).isInstanceOf(Authority.BadQuery.class)
        .hasMessageContaining("'budget' is not a decision type; use one of release, roadmap");
    assertThatThrownBy(() -> AUTHORITY.scope("component:nowhere"))
        .isInstanceOfSatisfying(Authority.BadQuery.class, e -> assertThat(e.unknown()).isTrue())
        .hasMessage("scope component:default/nowhere is not in the catalog; check the spelling or the catalog paths");
    assertThatThrownBy(() -> AUTHORITY.scope("user:lena.vogel"))
        .isInstanceOfSatisfying(Authority.BadQuery.class, e -> assertThat(e.unknown()).isFalse())
        .hasMessageContaining("is a user; a decision is held on a Component");
    assertThatThrownBy(() -> AUTHORITY.user("group:replenishment"))
        .hasMessageContaining("not a person");
    assertThat(AUTHORITY.scope("markdown-pricing")).isEqualTo(ref("component:markdown-pricing"));
    assertThat(AUTHORITY.scope("supply-planning")).isEqualTo(ref("system:supply-planning"));
  }

  @Test
  void gapsUnderAScopeAreLintsGapsOfWhatInheritsFromIt() {
    assertThat(AUTHORITY.gaps(null)).isEqualTo(OWNERSHIP.gaps().all()).hasSize(4);
    assertThat(AUTHORITY.gaps(ref("system:supply-planning"))).extracting(g -> g.product() + " " + g.type().id())
        .containsExactly("component:default/demand-forecast roadmap", "component:default/demand-forecast-service roadmap");
    // a Domain reaches its systems' components; a Group the products it owns
    assertThat(AUTHORITY.gaps(ref("domain:commercial"))).isEqualTo(AUTHORITY.gaps(ref("system:supply-planning")));
    assertThat(AUTHORITY.gaps(ref("group:assortment"))).extracting(g -> g.product() + " " + g.type().id())
        .containsExactly("component:default/assortment-optimizer release");
    assertThat(AUTHORITY.gaps(ref("component:markdown-pricing"))).isEmpty();
    // every gap lies under some scope of its own chain, so asking each product finds each gap once
    for (Gap g : OWNERSHIP.gaps().all()) {
      assertThat(AUTHORITY.gaps(g.product())).contains(g);
    }
  }
}
