package dev.whodecides.guarantees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** verify remembers contracts that passed the ODCS schema, by their bytes, and checks any other anew. */
class ContractMemoryTest {

  @TempDir Path dir;

  private static final String VALID = """
      apiVersion: v3.1.0
      kind: DataContract
      id: remembered
      version: 1.0.0
      status: active
      schema:
        - name: t
      """;

  private List<Path> remembered(Path memory) throws Exception {
    if (!Files.isDirectory(memory)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(memory)) {
      return s.toList();
    }
  }

  @Test
  void onlyPassingContractsAreRememberedAndAnyChangeIsCheckedAgain() throws Exception {
    Path memory = dir.resolve("memory");
    Path valid = dir.resolve("valid.odcs.yaml");
    Files.writeString(valid, VALID);
    Path invalid = dir.resolve("invalid.odcs.yaml");
    Files.writeString(invalid, VALID.replace("status: active", "status: 3"));
    ContractReader.prepare(memory, List.of(valid, invalid));

    assertThat(ContractReader.read(valid, "valid.odcs.yaml").id()).isEqualTo("remembered");
    assertThat(remembered(memory)).hasSize(1);
    assertThatThrownBy(() -> ContractReader.read(invalid, "invalid.odcs.yaml")).isInstanceOf(ContractError.class)
        .hasMessageContaining("status");
    assertThat(remembered(memory)).hasSize(1); // a failing contract is checked every time

    // The memory is keyed by the bytes: a remembered contract skips the schema, an edited one does not.
    Path marker = remembered(memory).get(0);
    Files.writeString(valid, VALID.replace("status: active", "status: 3"));
    assertThatThrownBy(() -> ContractReader.read(valid, "valid.odcs.yaml")).isInstanceOf(ContractError.class);
    Files.move(marker, memory.resolve("unrelated"));
    Files.writeString(valid, VALID);
    ContractReader.read(valid, "valid.odcs.yaml");
    assertThat(remembered(memory)).contains(marker);
  }

  @Test
  void anUnwritableMemoryOnlyCostsAValidation() throws Exception {
    Path file = dir.resolve("c.odcs.yaml");
    Files.writeString(file, VALID);
    Path blocked = dir.resolve("not-a-folder");
    Files.writeString(blocked, "x");
    ContractReader.prepare(blocked, List.of(file));
    assertThat(ContractReader.read(file, "c.odcs.yaml").id()).isEqualTo("remembered");
  }
}
