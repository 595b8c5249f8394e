package dev.vigil.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Test;

/** The limits every untrusted JSON and YAML document is read under. */
class JsonTest {

  @Test
  void jsonDeeperThanTheLimitIsRefusedAndWithinItRead() throws Exception {
    assertThatThrownBy(() -> Json.mapper().readTree(nestedJson(Json.MAX_NESTING_DEPTH + 1)))
        .isInstanceOf(JsonProcessingException.class)
        .hasMessageContaining("nesting depth");
    assertThat(Json.mapper().readTree(nestedJson(Json.MAX_NESTING_DEPTH - 1))).isNotNull();
  }

  @Test
  void yamlIsReadUnderTheSameLimits() throws Exception {
    String deep = "[".repeat(Json.MAX_NESTING_DEPTH + 1) + "]".repeat(Json.MAX_NESTING_DEPTH + 1);
    assertThatThrownBy(() -> Json.yamlMapper().readTree(deep))
        .isInstanceOf(JsonProcessingException.class)
        .hasMessageContaining("nesting depth");
    String longNumber = "n: " + "9".repeat(Json.MAX_NUMBER_LENGTH + 1);
    assertThatThrownBy(() -> Json.yamlMapper().readTree(longNumber).get("n").bigIntegerValue())
        .isInstanceOf(JsonProcessingException.class);
    assertThat(Json.yamlMapper().readTree("id: GHSA-1\naliases: [CVE-1]").get("aliases").size())
        .isEqualTo(1);
  }

  private static String nestedJson(int depth) {
    return "[".repeat(depth) + "]".repeat(depth);
  }
}
