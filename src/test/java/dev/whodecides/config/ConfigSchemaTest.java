package dev.whodecides.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.whodecides.CliRun;
import dev.whodecides.catalog.YamlDocument;
import dev.whodecides.catalog.YamlReader;
import dev.whodecides.rules.BuiltInRules;
import dev.whodecides.rules.RuleDescriptor;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON Schema that ships for editors agrees with the reader, the registry and the documented examples. */
class ConfigSchemaTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static Schema schema() {
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
        .getSchema(ConfigSchema.text(), InputFormat.JSON);
  }

  /** The YAML as whodecides reads it, as JSON text. */
  static String json(String yaml) throws Exception {
    List<Object> docs = new ArrayList<>();
    YamlReader.readText(new StringReader(yaml), (YamlDocument d) -> docs.add(d.value()));
    return JSON.writeValueAsString(docs.isEmpty() ? null : docs.get(0));
  }

  static List<Error> validate(String yaml) throws Exception {
    return schema().validate(json(yaml), InputFormat.JSON);
  }

  @Test
  void theExampleConfigurationIsValidAndReads() throws Exception {
    Path example = Path.of("examples/config/.whodecides.yaml");
    assertThat(validate(Files.readString(example))).isEmpty();
    Config config = ConfigReader.read(example);
    assertThat(config.waivers()).hasSize(1);
    assertThat(config.duplicateThreshold()).contains(0.6);
  }

  @Test
  void theDocsExampleIsValidAndReads(@TempDir Path dir) throws Exception {
    String page = Files.readString(Path.of("docs/config.md"));
    Matcher m = Pattern.compile("(?s)```yaml\n(.*?)```").matcher(page);
    assertThat(m.find()).as("docs/config.md opens with a yaml example").isTrue();
    String example = m.group(1);
    assertThat(validate(example)).isEmpty();
    Path file = dir.resolve(".whodecides.yaml");
    Files.writeString(file, example);
    Config config = ConfigReader.read(file);
    assertThat(config.external()).hasSize(2);
    assertThat(config.exclude()).hasSize(2);
    assertThat(config.manualFixVolume()).contains(500L);
  }

  @Test
  void theSchemaNamesEveryRuleAndRefusesWhatTheReaderRefuses() throws Exception {
    var rules = JSON.readTree(ConfigSchema.text()).get("properties").get("rules").get("properties");
    List<String> named = new ArrayList<>();
    rules.fieldNames().forEachRemaining(named::add);
    assertThat(named).containsExactlyElementsOf(BuiltInRules.descriptors().stream().map(RuleDescriptor::id).toList());
    assertThat(validate(ConfigErrorsTest.WAIVER)).isEmpty();
    assertThat(validate(ConfigErrorsTest.WAIVER.replace("    reason: Sunset in March\n", ""))).isNotEmpty();
    assertThat(validate("rules:\n  no-roadmap-ownr: warning\n")).isNotEmpty();
    assertThat(validate("rules:\n  both-hats: loud\n")).isNotEmpty();
    assertThat(validate("rules:\n  both-hats: off\n")).isEmpty();
    assertThat(validate("rules:\n  duplicated-work: {threshold: 1.5}\n")).isNotEmpty();
    assertThat(validate("rules:\n  no-ship-authority: {volume: 5}\n")).isNotEmpty();
    assertThat(validate("extern: []\n")).isNotEmpty();
    assertThat(validate("external: ['legacy']\n")).isNotEmpty();
    assertThat(validate(ConfigErrorsTest.NOTIFY)).isEmpty();
    assertThat(validate("notify:\n  - {url: https://hooks.example.com/x, format: teams}\n")).isNotEmpty();
    assertThat(validate("notify:\n  - {url: ftp://hooks.example.com/x}\n")).isNotEmpty();
    assertThat(validate("notify:\n  - {url: https://hooks.example.com/x, token: abc}\n")).isNotEmpty();
    assertThat(validate("notify:\n  - {format: slack}\n")).isNotEmpty();
  }

  @Test
  void configSchemaPrintsTheShippedSchema() {
    CliRun.Run run = CliRun.run("config", "schema");
    assertThat(run.status()).isZero();
    assertThat(run.out()).isEqualTo(ConfigSchema.text());
  }
}
