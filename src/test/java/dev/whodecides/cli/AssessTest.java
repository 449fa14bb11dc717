package dev.whodecides.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code whodecides assess}: from answers to missing roles with evidence, and a starter catalog. */
class AssessTest {

  static final String ANSWERS = """
      ship: yes
      roadmap: no
      backlog: no
      business-problem: unsure
      launch: yes
      staffing: yes
      repeated-work: yes
      unguaranteed-data: no
      access-path: yes
      compliance: yes
      """;

  @TempDir Path dir;

  @AfterEach
  void restoreInput() {
    AssessCommand.input = () -> System.in;
  }

  @Test
  void answersFileNamesTheMissingRolesWithEvidence() throws Exception {
    Path answers = Files.writeString(dir.resolve("answers.yaml"), ANSWERS);
    dev.whodecides.CliRun.Run r = dev.whodecides.CliRun.run("assess", "--answers", answers.toString(), "--format", "json");
    assertThat(r.status()).isZero();
    JsonNode root = CliTest.json(r.out());
    List<String> roles = new ArrayList<>();
    root.get("missingRoles").forEach(m -> {
      roles.add(m.get("role").asText());
      assertThat(m.get("evidence")).isNotEmpty();
      assertThat(m.get("why")).isNotEmpty();
    });
    assertThat(roles).containsExactly("product-manager", "domain-owner");
    assertThat(root.get("missingRoles").get(0).get("decisions").toString())
        .contains("roadmap", "prioritization", "discovery");
    String text = dev.whodecides.CliRun.run("assess", "--answers", answers.toString()).out();
    assertThat(text).contains("Roles your team is missing").contains("domain-owner")
        .contains("evidence: Anna Hannemann").doesNotContain("data-product-owner:");
  }

  @Test
  void writesAStarterCatalogThatLoadsCleanly() throws Exception {
    Path answers = Files.writeString(dir.resolve("answers.yaml"), ANSWERS);
    Path out = dir.resolve("catalog");
    dev.whodecides.CliRun.Run r = dev.whodecides.CliRun.run("assess", "--answers", answers.toString(), "--write", out.toString(), "--team", "pricing");
    assertThat(r.status()).isZero();
    String yaml = Files.readString(out.resolve("whodecides.yaml"));
    assertThat(yaml).contains("name: pricing-release").contains("scope: group:pricing").contains("# owner: user:NAME");
    JsonNode lint = CliTest.json(dev.whodecides.CliRun.run("lint", out.toString(), "--format", "json").out());
    assertThat(lint.get("summary").get("entities").asInt()).isEqualTo(11);
    assertThat(lint.get("findings").toString()).doesNotContain("invalid-entity").doesNotContain("unknown-reference");
    // A second run does not overwrite the team's edits.
    dev.whodecides.CliRun.Run again = dev.whodecides.CliRun.run("assess", "--answers", answers.toString(), "--write", out.toString());
    assertThat(again.status()).isEqualTo(2);
    assertThat(again.err()).contains("already exists");
  }

  @Test
  void asksInteractivelyAndRepeatsAQuestionOnAnUnclearAnswer() {
    AssessCommand.input = () -> new ByteArrayInputStream("y\nmaybe\nn\ny\ny\ny\ny\nn\nno\nno\ny\n"
        .getBytes(StandardCharsets.UTF_8));
    dev.whodecides.CliRun.Run r = dev.whodecides.CliRun.run("assess");
    assertThat(r.status()).isZero();
    assertThat(r.out()).contains("[1/10]").contains("please answer yes, no or unsure")
        .contains("product-manager").contains("data-product-owner").doesNotContain("domain-owner:");
  }

  @Test
  void badInputIsOneLineAndStatusTwo() throws Exception {
    AssessCommand.input = () -> new ByteArrayInputStream("y\nn\n".getBytes(StandardCharsets.UTF_8));
    Path partial = Files.writeString(dir.resolve("partial.yaml"), "ship: yes\n");
    Path unknown = Files.writeString(dir.resolve("unknown.yaml"), ANSWERS + "budget: yes\n");
    Path wrong = Files.writeString(dir.resolve("wrong.yaml"), ANSWERS.replace("ship: yes", "ship: perhaps"));
    Path broken = Files.writeString(dir.resolve("broken.yaml"), "ship: [\n");
    Path list = Files.writeString(dir.resolve("list.yaml"), "- ship\n");
    for (String[] args : List.of(
        new String[] {"assess"},
        new String[] {"assess", "--answers", partial.toString()},
        new String[] {"assess", "--answers", unknown.toString()},
        new String[] {"assess", "--answers", wrong.toString()},
        new String[] {"assess", "--answers", broken.toString()},
        new String[] {"assess", "--answers", list.toString()},
        new String[] {"assess", "--answers", dir.resolve("missing.yaml").toString()},
        new String[] {"assess", "--answers", partial.toString(), "--team", "Not a name!"})) {
      dev.whodecides.CliRun.Run r = dev.whodecides.CliRun.run(args);
      assertThat(r.status()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
      assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }
  }

  @Test
  void listsTheQuestionIds() {
    assertThat(dev.whodecides.CliRun.run("assess", "--list").out()).contains("ship").contains("repeated-work").contains("compliance");
  }
}
