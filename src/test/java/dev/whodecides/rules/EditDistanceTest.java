package dev.whodecides.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EditDistanceTest {

  @Test
  void countsInsertionsDeletionsAndSubstitutions() {
    assertThat(EditDistance.between("kitten", "sitting", 5)).isEqualTo(3);
    assertThat(EditDistance.between("team-b", "team-b", 2)).isZero();
    assertThat(EditDistance.between("personalisation", "personalization", 3)).isEqualTo(1);
    assertThat(EditDistance.between("", "abc", 3)).isEqualTo(3);
    assertThat(EditDistance.between("abc", "", 3)).isEqualTo(3);
    assertThat(EditDistance.between("recs", "rces", 3)).isEqualTo(2);
  }

  @Test
  void stopsAtTheBound() {
    assertThat(EditDistance.between("kitten", "sitting", 2)).isEqualTo(3);
    assertThat(EditDistance.between("a", "abcdefgh", 2)).isEqualTo(3);
    assertThat(EditDistance.between("platform", "marketing", 1)).isEqualTo(2);
  }

  @Test
  void allowsMoreSlipsInLongerNames() {
    assertThat(EditDistance.slipsAllowed("ops")).isEqualTo(1);
    assertThat(EditDistance.slipsAllowed("team-b")).isEqualTo(2);
    assertThat(EditDistance.slipsAllowed("personalization")).isEqualTo(3);
  }
}
