package dev.whodecides.guarantees;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whodecides.guarantees.VerifyCliTest.Run;
import dev.whodecides.guarantees.jdbc.Dialect;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a Trino user meets before any engine answers: the dialect a URL picks, and a server that is not there. */
class TrinoServerTest {

  @TempDir Path dir;

  @Test
  void urlsPickTheirDialect() {
    assertThat(Dialect.ofUrl("jdbc:trino://coordinator:8443/hive/sales?SSL=true")).isEqualTo(Dialect.TRINO);
    assertThat(Dialect.ofUrl("jdbc:awsathena://AwsRegion=eu-west-1")).isEqualTo(Dialect.TRINO);
    assertThat(Dialect.ofUrl("jdbc:athena://Region=eu-west-1")).isEqualTo(Dialect.TRINO);
    assertThat(Dialect.ofUrl("jdbc:postgresql://db/shop")).isEqualTo(Dialect.POSTGRES);
    assertThat(Dialect.ofUrl("jdbc:duckdb:")).isEqualTo(Dialect.DUCKDB);
    assertThat(Dialect.ofUrl("jdbc:snowflake://acme.snowflakecomputing.com")).isEqualTo(Dialect.ANSI);
  }

  static String contract(int port, String catalogLine) {
    return """
        apiVersion: v3.1.0
        kind: DataContract
        id: shop
        version: 1.0.0
        status: active
        servers:
          - server: warehouse
            type: trino
            host: 127.0.0.1
            port: %d
        %s    schema: shop
        schema:
          - name: orders
            properties:
              - name: order_id
                logicalType: integer
                required: true
        """.formatted(port, catalogLine);
  }

  @Test
  void aCoordinatorThatIsNotThereIsOneConnectionErrorNamingTheServer() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort(); // closed again below: nothing listens there
    }
    Path f = dir.resolve("shop.odcs.yaml");
    Files.writeString(f, contract(port, "    catalog: hive\n"));
    Run r = VerifyCliTest.run("verify", f.toString());
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err().strip()).isEqualTo("whodecides: " + f + ": cannot connect to server warehouse: "
        + "no Trino coordinator answers at 127.0.0.1:" + port);
    assertThat(r.out()).contains("0 passed, 0 failed, 4 errors");
  }

  @Test
  void aTrinoServerWithoutCatalogIsRejectedByTheOdcsSchema() throws IOException {
    Path f = dir.resolve("shop.odcs.yaml");
    Files.writeString(f, contract(8080, ""));
    Run r = VerifyCliTest.run("verify", f.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err().strip()).doesNotContain("\n").contains(f + ":").contains("catalog");
  }
}
