package dev.whodecides.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EntityNamesTest {

  @Test
  void namesAreBackstagesLettersAndDigitsWithSeparatorsBetween() {
    assertThat(EntityNames.isName("jane.doe")).isTrue();
    assertThat(EntityNames.isName("Team_B-2")).isTrue();
    assertThat(EntityNames.isName("joshua mathianas")).isFalse();
    assertThat(EntityNames.isName("jane@example.com")).isFalse();
    // Backstage's own pattern lets separators stand side by side, never at either end.
    assertThat(EntityNames.isName("a--b")).isTrue();
    assertThat(EntityNames.isName("-a")).isFalse();
    assertThat(EntityNames.isName("a.")).isFalse();
    assertThat(EntityNames.isName("a".repeat(63))).isTrue();
    assertThat(EntityNames.isName("a".repeat(64))).isFalse();
    assertThat(EntityNames.isNamespace("team-a")).isTrue();
    assertThat(EntityNames.isNamespace("Team_A")).isFalse();
    assertThat(EntityNames.isNamespace("team--a")).isTrue();
  }

  @Test
  void spellsWhatIngestionWouldMakeOfANameOrAnAddress() {
    assertThat(EntityNames.spell("Joshua Mathianas")).hasValue("joshua-mathianas");
    assertThat(EntityNames.spell("  Joshua   Mathianas ")).hasValue("joshua-mathianas");
    assertThat(EntityNames.spell("jane.doe@example.com")).hasValue("jane.doe");
    assertThat(EntityNames.spell("José Núñez-García")).hasValue("jose-nunez-garcia");
    assertThat(EntityNames.spell("O'Brien, Pat")).hasValue("o-brien-pat");
    assertThat(EntityNames.spell("--a__b--")).hasValue("a-b");
    assertThat(EntityNames.spell("Иван Петров")).isEmpty();
    assertThat(EntityNames.spell("")).isEmpty();
  }

  @Test
  void aSpellingIsAlwaysANameBackstageAccepts() {
    String longName = "Data Platform Engineering And Analytics Enablement Team For Europe Middle East";
    assertThat(EntityNames.spell(longName)).hasValueSatisfying(s -> {
      assertThat(s).hasSizeLessThanOrEqualTo(63);
      assertThat(EntityNames.isName(s)).isTrue();
    });
    for (String odd : new String[] {"a . b", "x@y", "@@", "ä.-_ö", "1 2 3", "team (old)"}) {
      EntityNames.spell(odd).ifPresent(s -> assertThat(EntityNames.isName(s)).as(odd).isTrue());
    }
  }
}
