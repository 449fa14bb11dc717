package dev.whodecides.guarantees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Thresholds, units and the older field names, without a database. */
class PlannerTest {

  @TempDir Path dir;

  @Test
  void thresholdsCompareAsOdcsDefines() {
    assertThat(Threshold.of(Map.of("mustBe", 0)).test(0)).isTrue();
    assertThat(Threshold.of(Map.of("mustNotBe", 0)).test(0)).isFalse();
    assertThat(Threshold.of(Map.of("mustBeGreaterThan", 5)).test(5)).isFalse();
    assertThat(Threshold.of(Map.of("mustBeGreaterOrEqualTo", 5)).test(5)).isTrue();
    assertThat(Threshold.of(Map.of("mustBeGreaterThanOrEqualTo", 5)).test(5)).isTrue();
    assertThat(Threshold.of(Map.of("mustBeLessThan", 5)).test(5)).isFalse();
    assertThat(Threshold.of(Map.of("mustBeLessOrEqualTo", 5)).test(5)).isTrue();
    assertThat(Threshold.of(Map.of("mustBeBetween", List.of(1, 3))).test(3)).isTrue();
    assertThat(Threshold.of(Map.of("mustNotBeBetween", List.of(1, 3))).test(2)).isFalse();
    assertThat(Threshold.of(Map.of("mustBeLessThan", 5, "unit", "percent"))).hasToString("< 5%");
    assertThat(Threshold.of(Map.of("mustBeBetween", List.of(1, 2.5)))).hasToString("between 1 and 2.5");
    assertThatThrownBy(() -> Threshold.of(Map.of("mustBeBetween", 1))).hasMessageContaining("two numbers");
  }

  @Test
  void olderFieldNamesAndSlaUnits() throws Exception {
    Contract k = Verifications.contract(dir, "old.odcs.yaml", """
        apiVersion: v3.0.0
        kind: DataContract
        id: old
        version: 1.0.0
        status: active
        schema:
          - name: t
            physicalName: t_physical
            properties:
              - name: a
                physicalName: a_physical
                isNullable: false
                isUnique: true
        slaProperties:
          - property: retention
            value: 2
            unit: y
            element: t.a
          - property: generalAvailability
            value: "2024-01-01"
        """);
    List<Check> checks = Planner.plan(k);
    assertThat(checks).extracting(Check::kind)
        .containsExactly("objectExists", "propertyExists", "required", "unique", "retention");
    assertThat(checks).allMatch(c -> c.table().equals("t_physical"));
    assertThat(checks.get(4).column()).isEqualTo("a_physical");
    assertThat(checks.get(4).unitSeconds()).isEqualTo(365 * 86_400.0);
    assertThat(checks.get(4).guarantee()).isEqualTo(Guarantee.TIMELINESS);
  }

  @Test
  void ruleWithoutComparisonIsAContractErrorNamingFileLineAndField() {
    assertThatThrownBy(() -> Planner.plan(Verifications.contract(dir, "bad.odcs.yaml", """
        apiVersion: v3.1.0
        kind: DataContract
        id: bad
        version: 1.0.0
        status: active
        schema:
          - name: t
            quality:
              - metric: rowCount
        """))).isInstanceOf(ContractError.class).hasMessageContaining("bad.odcs.yaml:9:")
        .hasMessageContaining("schema[0].quality[0]");
  }

  @Test
  void unknownMetricIsAContractErrorNamingIt() {
    assertThatThrownBy(() -> Planner.plan(Verifications.contract(dir, "odd.odcs.yaml", """
        apiVersion: v3.1.0
        kind: DataContract
        id: odd
        version: 1.0.0
        status: active
        schema:
          - name: t
            quality:
              - metric: averageValue
                mustBe: 3
        """))).isInstanceOf(ContractError.class).hasMessageContaining("odd.odcs.yaml:9:")
        .hasMessageContaining("schema[0].quality[0].metric").hasMessageContaining("rowCount");
  }
}
