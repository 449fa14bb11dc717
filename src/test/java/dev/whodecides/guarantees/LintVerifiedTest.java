package dev.whodecides.guarantees;

import static dev.whodecides.guarantees.VerifyCliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** verify's JSON fed to {@code lint --verified}: a broken promise becomes a guarantee-broken finding. */
class LintVerifiedTest {

  @TempDir Path dir;

  @Test
  void failedChecksOfAConsumedEntitysContractAreAnErrorNamingThem() throws Exception {
    Files.writeString(dir.resolve("orders.csv"), DuckDbVerifyTest.CSV);
    Path contract = dir.resolve("orders.odcs.yaml");
    Files.writeString(contract, DuckDbVerifyTest.contractFor("csv", "orders.csv"));
    Path catalog = dir.resolve("catalog.yaml");
    Files.writeString(catalog, """
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata: {name: platform}
        spec: {type: team, children: []}
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata: {name: pricing}
        spec: {type: team, children: []}
        ---
        apiVersion: backstage.io/v1alpha1
        kind: User
        metadata: {name: clara}
        spec: {memberOf: [platform]}
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Resource
        metadata:
          name: orders
          annotations: {whodecides.dev/contract: orders.odcs.yaml}
        spec: {type: dataset, owner: platform}
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Resource
        metadata: {name: price-features}
        spec: {type: dataset, owner: pricing, dependsOn: [resource:orders]}
        ---
        apiVersion: whodecides.dev/v1
        kind: Decision
        metadata: {name: orders-guarantees}
        spec: {type: guarantees, scope: resource:orders, owner: user:clara}
        """);
    Path report = dir.resolve("verified.json");
    assertThat(run("verify", contract.toString(), "--format", "json", "--output", report.toString()).status()).isEqualTo(1);

    var plain = run("lint", catalog.toString(), "--format", "json");
    assertThat(plain.out()).doesNotContain("guarantee-broken");

    var lint = run("lint", catalog.toString(), "--verified", report.toString(), "--format", "json");
    assertThat(lint.status()).isEqualTo(1);
    assertThat(lint.out()).contains("\"rule\" : \"guarantee-broken\"").contains("resource:default/orders")
        .contains("primaryKey orders.order_id failed").contains("invalidValues orders.status failed")
        .contains("data-product-owner");

    // The same contract with both failing rules at severity warning: reported, but kept.
    Files.writeString(contract, DuckDbVerifyTest.contractFor("csv", "orders.csv")
        .replace("        primaryKey: true\n", "")
        .replace("          - metric: invalidValues\n", "          - metric: invalidValues\n            severity: warning\n"));
    assertThat(run("verify", contract.toString(), "--format", "json", "--output", report.toString()).status()).isZero();
    assertThat(Files.readString(report)).contains("\"result\" : \"warning\"");
    assertThat(run("lint", catalog.toString(), "--verified", report.toString(), "--format", "json").out())
        .doesNotContain("guarantee-broken");

    Path junk = dir.resolve("junk.json");
    Files.writeString(junk, "{\"findings\": []}");
    var bad = run("lint", catalog.toString(), "--verified", junk.toString());
    assertThat(bad.status()).isEqualTo(2);
    assertThat(bad.err()).contains("junk.json").contains("not a whodecides verify JSON report").doesNotContain("\tat ");
  }
}
