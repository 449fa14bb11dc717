package dev.whodecides.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * What reaches the SDK's transport from stdin: JSON-RPC messages only, one a line; every other line is a
 * notice, and a JSON-RPC error on the protocol's stream when it has an id, and the input's end is reported.
 */
class CheckedLinesTest {

  static final String REQUEST = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}";

  @Test
  void onlyMessagesPassAndEveryOtherLineIsAnsweredWithAnError() throws Exception {
    String input = "this is not json\n"
        + "{\"id\": 7, \"question\": \"who decides?\"}\n"
        + "\n"
        + REQUEST + "\r\n"
        + "[1, 2]\n";
    ByteArrayOutputStream protocol = new ByteArrayOutputStream();
    AtomicBoolean ended = new AtomicBoolean();
    List<String> notices = new ArrayList<>();
    CheckedLines lines = new CheckedLines(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), protocol,
        StdioServer.mapper(), () -> ended.set(true), notices::add);

    assertThat(new String(lines.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(REQUEST + "\n");
    assertThat(ended).isTrue();

    // Only the line with an id can be answered; MCP allows no response without one.
    String[] answers = protocol.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(answers).hasSize(1);
    JsonNode notRpc = new ObjectMapper().readTree(answers[0]);
    assertThat(notRpc.path("jsonrpc").asText()).isEqualTo("2.0");
    assertThat(notRpc.path("id").asInt()).as("the id it came with").isEqualTo(7);
    assertThat(notRpc.path("error").path("code").asInt()).isEqualTo(-32600);
    assertThat(notices).containsExactly(
        "whodecides: skipped a line that is not a JSON object on stdin",
        "whodecides: skipped JSON that is not a JSON-RPC 2.0 request, notification or response on stdin, answered"
            + " with an error",
        "whodecides: skipped a line that is not a JSON object on stdin");
  }
}
