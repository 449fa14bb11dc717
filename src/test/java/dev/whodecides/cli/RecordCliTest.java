package dev.whodecides.cli;

import static dev.whodecides.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whodecides.CliRun.Run;
import dev.whodecides.store.LintRun;
import dev.whodecides.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lint --record}: the same report and exit status, and a run summary in the store. */
class RecordCliTest {

  static final String EXAMPLE = "examples/retail-data-org";

  @Test
  void lintRecordTwiceStoresTwoRunsAndLeavesTheReportAlone(@TempDir Path dir) {
    String db = dir.resolve("runs.db").toString();
    Run plain = run("lint", EXAMPLE, "--format", "json");
    Run first = run("lint", EXAMPLE, "--format", "json", "--record", "--db", db);
    Run second = run("lint", EXAMPLE, "--format", "json", "--record", "--db", db);
    assertThat(first.status()).isEqualTo(plain.status()).isEqualTo(1);
    assertThat(second.status()).isEqualTo(1);
    assertThat(first.out()).isEqualTo(plain.out());
    assertThat(first.err()).contains("recorded lint run 1 in jdbc:sqlite:").doesNotContain("\tat ");
    assertThat(second.err()).contains("recorded lint run 2");
    List<LintRun> runs = Store.open(db, null).lintRuns(50);
    assertThat(runs).hasSize(2).allSatisfy(r -> {
      assertThat(r.source()).isEqualTo("cli");
      assertThat(r.entities()).isGreaterThan(40);
      assertThat(r.errors()).isPositive();
      assertThat(r.byRule()).containsKey("no-ship-authority");
    });
    assertThat(runs.get(0).fingerprint()).isEqualTo(runs.get(1).fingerprint());
    assertThat(runs.get(0).id()).isLessThan(runs.get(1).id());
    assertThat(plain.out()).contains("\"errors\" : " + runs.get(0).errors() + ",");
  }

  @Test
  void theDefaultStoreIsBesideTheCatalog(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("team.yaml"), """
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata: {name: team}
        spec: {type: team, children: []}
        """);
    Run r = run("lint", dir.toString(), "--record");
    assertThat(r.status()).as(r.err()).isEqualTo(0);
    Path db = dir.resolve(".whodecides/whodecides.db");
    assertThat(db).exists();
    assertThat(Store.open(db.toString(), null).lintRuns(1)).singleElement().satisfies(run -> {
      assertThat(run.entities()).isEqualTo(1);
      assertThat(run.files()).isEqualTo(1);
    });
  }

  @Test
  void mistakesAreOneLineAndRecordNothing(@TempDir Path dir) throws Exception {
    String db = dir.resolve("runs.db").toString();
    Run dbAlone = run("lint", EXAMPLE, "--db", db);
    assertThat(dbAlone.status()).isEqualTo(2);
    assertThat(dbAlone.err().strip()).isEqualTo("whodecides: --db says where --record keeps the run; add --record,"
        + " or leave --db out");
    assertThat(dbAlone.out()).isEmpty();

    Run badDb = run("lint", EXAMPLE, "--record", "--db", "jdbc:mysql://localhost/x");
    assertThat(badDb.status()).isEqualTo(2);
    assertThat(badDb.err().strip()).doesNotContain("\n").contains("is not supported").doesNotContain("\tat ");
    assertThat(badDb.out()).as("no report before the store is known to work").isEmpty();

    Path broken = Files.createDirectories(dir.resolve("broken"));
    Files.writeString(broken.resolve("a.yaml"), "apiVersion: backstage.io/v1alpha1\nkind: [broken\n");
    Run unreadable = run("lint", broken.toString(), "--record", "--db", db);
    assertThat(unreadable.status()).isEqualTo(2);
    assertThat(unreadable.err()).contains("the run is not recorded");
    assertThat(Store.open(db, null).lintRuns(10)).isEmpty();
  }
}
