package dev.whodecides.web;

import static dev.whodecides.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whodecides.CliRun.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code release record} and {@code token create} on the command line. */
class ReleaseCliTest {


  @Test
  void recordsRefusesAndPrintsTheStatement(@TempDir Path dir) {
    String db = dir.resolve("r.db").toString();
    Run ok = run("release", "record", "--catalog", "examples/retail-data-org", "--db", db, "--product",
        "newsletter-picks", "--version", "2.4.0", "--decision", "ship", "--by", "tomas.reyes", "--metric",
        "precision=0.83", "--bar", "precision>=0.80");
    assertThat(ok.status()).as(ok.err()).isZero();
    assertThat(ok.out()).contains("Recorded release call 1").contains("goes live");
    Run below = run("release", "record", "--catalog", "examples/retail-data-org", "--db", db, "--product",
        "newsletter-picks", "--version", "2.4.1", "--decision", "ship", "--by", "tomas.reyes", "--metric",
        "precision=0.7", "--bar", "precision>=0.80");
    assertThat(below.status()).isEqualTo(1);
    assertThat(below.err()).contains("refused").contains("accepted risk");
    Run notOwner = run("release", "record", "--catalog", "examples/retail-data-org", "--db", db, "--product",
        "newsletter-picks", "--version", "2.4.1", "--decision", "wait", "--by", "lena.vogel");
    assertThat(notOwner.status()).isEqualTo(1);
    assertThat(notOwner.err()).contains("is not the release owner");
    Run badBar = run("release", "record", "--catalog", "examples/retail-data-org", "--db", db, "--product",
        "newsletter-picks", "--version", "1", "--decision", "ship", "--by", "tomas.reyes", "--bar", "precision");
    assertThat(badBar.status()).isEqualTo(2);
  }

  @Test
  void helpPrintsTheOptionsInsteadOfAskingForThem() {
    Run help = run("release", "record", "--help");
    assertThat(help.status()).as(help.err()).isZero();
    assertThat(help.out()).contains("Usage: whodecides release record").contains("--product=REF")
        .contains("--version=V").contains("--metric=NAME=VALUE");
    assertThat(help.err()).doesNotContain("Missing required");
  }

  @Test
  void tokenCreatePrintsTheTokenAloneOnTheLastLine(@TempDir Path dir) {
    Run r = run("token", "create", "--user", "tomas.reyes", "--db", dir.resolve("t.db").toString());
    assertThat(r.status()).isZero();
    String[] lines = r.out().strip().split("\n");
    assertThat(lines[lines.length - 1]).matches("wd_[A-Za-z0-9_-]{40,}");
    assertThat(run("token", "create", "--user", "group:team", "--db", dir.resolve("t.db").toString()).status())
        .isEqualTo(2);
  }
}
