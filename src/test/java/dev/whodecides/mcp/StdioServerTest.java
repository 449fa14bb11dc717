package dev.whodecides.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whodecides.knowledge.Knowledge;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The server over streams, as a script uses it: requests piped in, the input closed right after the last one. */
class StdioServerTest {

  @Test
  void inputThatEndsRightAfterItsRequestsStillGetsEveryAnswer() throws Exception {
    String input = String.join("\n",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
            + "\"capabilities\":{},\"clientInfo\":{\"name\":\"script\",\"version\":\"1\"}}}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"may_decide\",\"arguments\":"
            + "{\"user\":\"jonas.berg\",\"decision\":\"release\",\"scope\":\"markdown-pricing\"}}}",
        "{\"jsonrpc\":\"2.0\",\"id\":\"three\",\"method\":\"tools/call\",\"params\":{\"name\":\"who_decides\","
            + "\"arguments\":{\"scope\":\"markdown-pricing\",\"decision\":\"release\"}}}") + "\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<String> notices = new ArrayList<>();
    List<RuntimeException> bugs = new ArrayList<>();
    StdioServer.serve(new Tools(ToolsTest.AUTHORITY, Knowledge.builtIn(), null, bugs::add), "test", new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
        out, notices::add);

    Map<String, JsonNode> byId = new HashMap<>();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      JsonNode message = new ObjectMapper().readTree(line);
      byId.put(message.path("id").asText(), message);
    }
    assertThat(byId).containsOnlyKeys("1", "2", "three");
    assertThat(byId.get("1").path("result").path("serverInfo").path("name").asText()).isEqualTo("whodecides");
    assertThat(byId.get("2").path("result").path("structuredContent").path("allowed").asBoolean(true)).isFalse();
    assertThat(byId.get("three").path("result").path("structuredContent").path("decisions").get(0).path("owner")
        .asText()).as(byId.get("three").toString()).isEqualTo("user:default/lena.vogel");
    assertThat(notices).isEmpty();
    assertThat(bugs).isEmpty();
  }
}
