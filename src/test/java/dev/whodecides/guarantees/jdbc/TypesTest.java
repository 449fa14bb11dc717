package dev.whodecides.guarantees.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whodecides.guarantees.Contract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Column types as engines name them, against what a contract declares. */
class TypesTest {

  private static Contract.Property p(String name, String logical, Contract.Property items, Contract.Property... fields) {
    return new Contract.Property(name, null, logical, null, false, false, false, null, Map.of(), List.of(), items,
        List.of(fields));
  }

  @Test
  void nestedDuckDbTypes() {
    Contract.Property tags = p("tags", "array", p(null, "object", null, p("foo", "string", null),
        p("arr", "array", p(null, "integer", null))));
    assertThat(Types.problems(tags, "tags", "STRUCT(foo VARCHAR, arr BIGINT[])[]")).isEmpty();
    assertThat(Types.problems(tags, "tags", "STRUCT(foo INTEGER, arr VARCHAR[])[]"))
        .containsExactly("tags[].foo: declared string, found INTEGER", "tags[].arr[]: declared integer, found VARCHAR");
    assertThat(Types.problems(tags, "tags", "VARCHAR")).containsExactly("tags: declared array, found VARCHAR");
    Contract.Property name = p("name", "object", null, p("first", "string", null), p("last name", "string", null));
    assertThat(Types.problems(name, "name", "STRUCT(\"first\" VARCHAR, \"last name\" VARCHAR)")).isEmpty();
    assertThat(Types.problems(name, "name", "MAP(VARCHAR, JSON)")).isEmpty(); // keys unknown until read
    assertThat(Types.problems(name, "name", "JSON")).isEmpty();
  }

  @Test
  void postgresArrays() {
    Contract.Property ints = p("xs", "array", p(null, "integer", null));
    assertThat(Types.problems(ints, "xs", "_int4")).isEmpty();
    assertThat(Types.problems(ints, "xs", "_text")).containsExactly("xs[]: declared integer, found text");
  }

  @Test
  void physicalTypesCompareSpellingsAndOnlyDeclaredSizes() {
    assertThat(PhysicalTypes.mismatch("integer", "int4", 10, 0, Dialect.POSTGRES)).isNull();
    assertThat(PhysicalTypes.mismatch("varchar", "varchar", 10, 0, Dialect.POSTGRES)).isNull();
    assertThat(PhysicalTypes.mismatch("varchar(10)", "varchar", 10, 0, Dialect.POSTGRES)).isNull();
    assertThat(PhysicalTypes.mismatch("varchar(255)", "varchar", 10, 0, Dialect.POSTGRES))
        .isEqualTo("varchar(10)");
    assertThat(PhysicalTypes.mismatch("timestamp", "timestamptz", 35, 6, Dialect.POSTGRES)).isNull();
    assertThat(PhysicalTypes.mismatch("timestamptz", "timestamp", 29, 6, Dialect.POSTGRES)).isNotNull();
    assertThat(PhysicalTypes.mismatch("text", "varchar", 10, 0, Dialect.POSTGRES)).isNotNull();
    assertThat(PhysicalTypes.mismatch("TEXT", "varchar", 0, 0, Dialect.DUCKDB)).isNull();
    assertThat(PhysicalTypes.mismatch("decimal(10,2)", "decimal(10,2)", 10, 2, Dialect.DUCKDB)).isNull();
    assertThat(PhysicalTypes.mismatch("numeric(10,2)", "numeric", 12, 2, Dialect.POSTGRES)).isNotNull();
    assertThat(PhysicalTypes.mismatch("INT64", "bigint", 0, 0, Dialect.DUCKDB)).isNotNull();
  }
}
