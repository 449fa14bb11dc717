package dev.whodecides.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rule tables people read stay identical to the registry they are drawn from. */
class DocsIndexTest {

  @ParameterizedTest
  @ValueSource(strings = {"README.md", "docs/rules/README.md"})
  void ruleTableMatchesTheRegistry(String page) throws Exception {
    String text = Files.readString(Path.of(page));
    for (RuleDescriptor d : BuiltInRules.descriptors()) {
      assertThat(text).as("%s lists %s", page, d.id())
          .contains("`" + d.id() + "`](").contains("| " + d.severity().id() + " | " + d.summary() + " |");
    }
  }
}
