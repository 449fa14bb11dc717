package dev.whodecides.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whodecides.CliRun;
import dev.whodecides.notify.Webhook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code notify:} reads into webhooks; a secret comes from the file or the environment and is never shown. */
class NotifyConfigTest {

  @Test
  void webhooksReadWithTheirFormatAndSecret(@TempDir Path dir) throws Exception {
    Path file = dir.resolve(".whodecides.yaml");
    Files.writeString(file, ConfigErrorsTest.NOTIFY + "  - url: http://127.0.0.1:9/hook\n    secret: ${HOOK_SECRET}\n");
    Config config = ConfigReader.read(file, Map.of("HOOK_SECRET", "from-the-environment")::get);
    assertThat(config.webhooks()).extracting(w -> w.url().toString(), Webhook::secret, Webhook::format).containsExactly(
        org.assertj.core.groups.Tuple.tuple("https://hooks.example.com/whodecides", "s3cret-value", Webhook.Format.JSON),
        org.assertj.core.groups.Tuple.tuple("https://hooks.slack.com/services/T0/B0/XYZ", null, Webhook.Format.SLACK),
        org.assertj.core.groups.Tuple.tuple("http://127.0.0.1:9/hook", "from-the-environment", Webhook.Format.JSON));
    assertThat(config.webhooks().toString()).doesNotContain("s3cret-value").doesNotContain("from-the-environment")
        .doesNotContain("XYZ").contains("https://hooks.slack.com/…");
  }

  @Test
  void noNotifyMeansNoWebhooks(@TempDir Path dir) throws Exception {
    Path file = dir.resolve(".whodecides.yaml");
    Files.writeString(file, "rules: {}\n");
    assertThat(ConfigReader.read(file).webhooks()).isEmpty();
    assertThat(Config.none().webhooks()).isEmpty();
  }

  @Test
  void aMistakeNeverEchoesTheSecretOrTheAddress(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("catalog.yaml"), ConfigErrorsTest.CATALOG);
    Files.writeString(dir.resolve(".whodecides.yaml"), "notify:\n  - url: https://hooks.example.com/T0/B0/XYZ\n"
        + "    secret: s3cret-value\n    format: teams\n  - url: 'ftp://hooks.example.com/T1/secretpath'\n");
    CliRun.Run run = CliRun.run("lint", dir.toString());
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains(":4:13: format must be json").contains(":5:10: url must be an http or https address")
        .doesNotContain("s3cret-value").doesNotContain("XYZ").doesNotContain("secretpath");
  }

  @Test
  void serveRefusesAWebhookThatIsNoAddress(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("catalog.yaml"), ConfigErrorsTest.CATALOG);
    CliRun.Run run = CliRun.run("serve", dir.toString(), "--port", "7301", "--db", dir.resolve("r.db").toString(),
        "--webhook", "hooks.example.com/x");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("whodecides: --webhook 'hooks.example.com/x' is not an http or https address with a"
        + " host; give the address that receives the events, e.g. --webhook https://hooks.example.com/whodecides\n");
  }
}
