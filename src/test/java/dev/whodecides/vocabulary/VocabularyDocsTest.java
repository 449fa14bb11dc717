package dev.whodecides.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whodecides.catalog.EntitySchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The schema and the tables people read carry exactly the vocabulary, no more and no less. */
class VocabularyDocsTest {

  @Test
  void theSchemaAcceptsExactlyTheDecisionTypesAndKinds() {
    assertThat(EntitySchema.DECISION_TYPES)
        .containsExactlyInAnyOrderElementsOf(Arrays.stream(DecisionType.values()).map(DecisionType::id).toList());
    assertThat(EntitySchema.BACKSTAGE_KINDS).hasSize(Kind.of(Kind.Schema.BACKSTAGE).size());
    assertThat(EntitySchema.WHODECIDES_KINDS).containsExactlyInAnyOrder("decision", "usecase", "improvement");
  }

  @Test
  void theReadmeTableListsEveryDecisionTypeWithItsRole() throws Exception {
    Set<String> documented = firstColumn(Files.readString(Path.of("README.md")), "| decision type |");
    assertThat(documented)
        .containsExactlyElementsOf(Arrays.stream(DecisionType.values()).map(DecisionType::id).toList());
    String readme = Files.readString(Path.of("README.md"));
    for (DecisionType t : DecisionType.values()) {
      assertThat(readme).containsPattern("\\| `" + Pattern.quote(t.id()) + "` \\|[^\\n]*\\| " + t.role().id() + " \\|");
    }
  }

  @Test
  void theFormatPageListsEveryAnnotation() throws Exception {
    Set<String> documented = firstColumn(Files.readString(Path.of("docs/format.md")), "| annotation |");
    assertThat(documented).containsExactlyElementsOf(Annotations.ALL);
  }

  /** The back-quoted first cells of the Markdown table whose header row starts with {@code header}. */
  private static Set<String> firstColumn(String page, String header) {
    int start = page.indexOf(header);
    assertThat(start).as("table %s", header).isNotNegative();
    Set<String> out = new LinkedHashSet<>();
    Matcher m = Pattern.compile("^\\| `([^`]+)` \\|", Pattern.MULTILINE).matcher(page);
    m.region(start, page.indexOf("\n\n", start) < 0 ? page.length() : page.indexOf("\n\n", start));
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
