package dev.whodecides.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EntityRefTest {

  @Test
  void parsesAllFormsIntoTheCanonicalLowerCaseForm() {
    assertThat(EntityRef.parse("Component:Default/Recommender-API", null).toString())
        .isEqualTo("component:default/recommender-api");
    assertThat(EntityRef.parse("team-a", "group").toString()).isEqualTo("group:default/team-a");
    assertThat(EntityRef.parse("retail/team-a", "group").toString()).isEqualTo("group:retail/team-a");
    assertThat(EntityRef.parse("user:tomas.reyes", "group").toString()).isEqualTo("user:default/tomas.reyes");
    assertThat(EntityRef.parse("resource:artists-db", "component").kind()).isEqualTo("resource");
  }

  @Test
  void comparesCaseInsensitively() {
    assertThat(EntityRef.parse("Group:Team-A", null)).isEqualTo(EntityRef.parse("group:default/team-a", null));
  }

  @Test
  void refusesEmptyAndKindlessWithoutDefault() {
    assertThatThrownBy(() -> EntityRef.parse("", "group")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EntityRef.parse("team-a", null)).hasMessageContaining("needs a kind");
    assertThatThrownBy(() -> EntityRef.parse("user:", null)).isInstanceOf(IllegalArgumentException.class);
  }
}
