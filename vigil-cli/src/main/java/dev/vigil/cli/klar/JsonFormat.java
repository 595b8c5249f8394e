package dev.vigil.cli.klar;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * klar's JSON output: {@code {"LayerCount":N,"Vulnerabilities":{"Severity":[…]}}} on one line, as
 * Go's encoder writes it (map keys sorted, HTML characters escaped, a final newline).
 */
final class JsonFormat {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The document klar encodes. */
  @JsonPropertyOrder({"LayerCount", "Vulnerabilities"})
  record Output(
      @JsonProperty("LayerCount") int layerCount,
      @JsonProperty("Vulnerabilities") Map<String, List<KlarVulnerability>> vulnerabilities) {}

  private JsonFormat() {}

  /** The JSON line for {@code layerCount} layers and the findings from {@code lowest} up. */
  static String render(int layerCount, KlarFindings findings, String lowest) {
    try {
      String json =
          MAPPER.writeValueAsString(new Output(layerCount, new TreeMap<>(findings.from(lowest))));
      return goEscape(json) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("klar: cannot encode the JSON output", e);
    }
  }

  /** Escapes what Go's encoder escapes and Jackson does not; these only occur inside strings. */
  private static String goEscape(String json) {
    return json.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029");
  }
}
