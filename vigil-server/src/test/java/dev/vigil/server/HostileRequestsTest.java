package dev.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.Json;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile requests against a combo server on SQLite: huge and deeply nested JSON, wrong media
 * types, unknown digest algorithms, digests that do not match, oversized headers. Each gets a 4xx
 * with Clair's error body (v4: {@code code}/{@code message}, v1: {@code Error.Message}), never a
 * 500 or a stack trace.
 */
class HostileRequestsTest {
  private static final String DEEP = "[".repeat(100_000) + "]".repeat(100_000);
  private static final String SHA = "sha256:" + "a".repeat(64);

  @TempDir static Path tmp;

  private static RunningServer server;

  @BeforeAll
  static void start() throws Exception {
    server = RunningServer.comboWithoutUpdaters(tmp, "");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Stream<Arguments> hostileV4Requests() {
    String manifest = "{\"hash\":\"" + SHA + "\",\"layers\":[{\"hash\":\"" + SHA + "\",\"uri\":";
    return Stream.of(
        Arguments.of("POST", "/indexer/api/v1/index_report", DEEP),
        Arguments.of("POST", "/indexer/api/v1/index_report", "{\"hash\":" + DEEP + "}"),
        Arguments.of(
            "POST",
            "/indexer/api/v1/index_report",
            manifest + "\"" + "x".repeat(Json.MAX_STRING_LENGTH + 1) + "\"}]}"),
        Arguments.of(
            "POST", "/indexer/api/v1/index_report", "{\"hash\":\"" + SHA + "\",\"layers\":[{"),
        Arguments.of("POST", "/indexer/api/v1/index_report", "{\"hash\":\"md5:abcdef\"}"),
        Arguments.of(
            "POST", "/indexer/api/v1/index_report", "{\"hash\":\"sha256:" + "a".repeat(63) + "\"}"),
        Arguments.of("POST", "/indexer/api/v1/index_report", "\u0000\u00ff\u00fe"),
        Arguments.of("GET", "/indexer/api/v1/index_report/md5:abcdef", null),
        Arguments.of("GET", "/indexer/api/v1/index_report/sha256:" + "z".repeat(64), null),
        Arguments.of("GET", "/matcher/api/v1/vulnerability_report/sha999:" + "a".repeat(64), null),
        Arguments.of("GET", "/matcher/api/v1/vulnerability_report/" + "a".repeat(4000), null),
        Arguments.of("POST", "/indexer/api/v1/internal/affected_manifest", DEEP),
        Arguments.of("PUT", "/indexer/api/v1/vigil/layer/sha256:" + "b".repeat(64), "not a tar"),
        Arguments.of("PUT", "/indexer/api/v1/vigil/layer/md5:abcdef", "not a tar"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("hostileV4Requests")
  void hostileV4RequestsGetClairErrorBodies(String method, String path, String body)
      throws Exception {
    HttpResponse<String> response = server.send(method, path, body);

    assertClientError(response);
    JsonNode error = Json.mapper().readTree(response.body());
    assertThat(error.get("code").asText()).isNotEmpty().isNotEqualTo("internal-error");
    assertThat(error.get("message").asText()).isNotEmpty();
  }

  @Test
  void wrongMediaTypesAreRefused() throws Exception {
    HttpResponse<String> response =
        server.send(
            "GET", "/matcher/api/v1/vulnerability_report/" + SHA, null, "Accept", "image/png");

    assertThat(response.statusCode()).isEqualTo(415);
    assertClientError(response);
  }

  static Stream<String> hostileV1Bodies() {
    return Stream.of(
        DEEP,
        "{\"Layer\":" + DEEP + "}",
        "{\"Layer\":{\"Name\":\"x\"}}",
        "{\"Layer\":{\"Name\":\"" + "n".repeat(Json.MAX_STRING_LENGTH + 1) + "\"}}",
        "{\"Layer\":",
        "\u0000");
  }

  @ParameterizedTest
  @MethodSource("hostileV1Bodies")
  void hostileV1LayersGetClairV1ErrorBodies(String body) throws Exception {
    HttpResponse<String> response = server.send("POST", "/v1/layers", body);

    assertClientError(response);
    assertThat(Json.mapper().readTree(response.body()).at("/Error/Message").asText()).isNotEmpty();
  }

  @Test
  void oversizedHeadersAreRefusedBeforeAnyHandler() throws Exception {
    HttpResponse<String> response =
        server.send("GET", "/indexer/api/v1/index_state", null, "X-Filler", "f".repeat(64 * 1024));

    assertThat(response.statusCode()).isEqualTo(431);
    assertThat(response.body()).doesNotContain("Exception", "\tat ");
  }

  @Test
  void theServerStillAnswersAfterwards() throws Exception {
    server.send("POST", "/indexer/api/v1/index_report", DEEP);

    assertThat(server.send("GET", "/indexer/api/v1/index_state", null).statusCode()).isEqualTo(200);
  }

  private static void assertClientError(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    assertThat(response.body()).doesNotContain("Exception", "\tat ");
  }
}
