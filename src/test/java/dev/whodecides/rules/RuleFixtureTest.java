package dev.whodecides.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule against its positive fixture (findings exactly on the marked lines) and its negative one (none). */
class RuleFixtureTest {

  static Stream<Arguments> fixtures() {
    return BuiltInRules.descriptors().stream().flatMap(d -> Stream.of(
        Arguments.of(d.id(), "positive"), Arguments.of(d.id(), "negative")));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("fixtures")
  void ruleReportsExactlyOnMarkedLines(String ruleId, String which) {
    Path fixture = RuleFixtures.fixture(ruleId, which);
    assertThat(fixture).as("fixture rules/%s/%s(.yaml)", ruleId, which).isNotNull();
    if (which.equals("positive")) {
      assertThat(RuleFixtures.yamlFiles(fixture).stream().anyMatch(p -> contains(p, "FINDING: " + ruleId)))
          .as("positive fixture of %s marks at least one finding", ruleId).isTrue();
    }
    RuleFixtures.assertMatchesMarkers(ruleId, fixture);
  }

  private static boolean contains(Path p, String text) {
    try {
      return Files.readString(p).contains(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
