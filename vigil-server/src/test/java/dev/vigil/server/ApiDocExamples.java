package dev.vigil.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.Json;
import dev.vigil.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** The JSON examples of Clair's v1 API documentation ({@code api/clair-v1-api.md}), by section. */
final class ApiDocExamples {
  private ApiDocExamples() {}

  /** The JSON blocks under the heading {@code heading}, in order (request before response). */
  static List<JsonNode> of(String heading) throws IOException {
    List<String> lines = Files.readAllLines(Fixtures.fixture("api/clair-v1-api.md"));
    List<JsonNode> blocks = new ArrayList<>();
    boolean inSection = false;
    StringBuilder block = null;
    for (String line : lines) {
      if (line.startsWith("### ")) {
        inSection = line.equals(heading);
      } else if (inSection && line.equals("```json")) {
        block = new StringBuilder();
      } else if (block != null && line.equals("```")) {
        blocks.add(Json.mapper().readTree(block.toString()));
        block = null;
      } else if (block != null) {
        block.append(line).append('\n');
      }
    }
    if (blocks.isEmpty()) {
      throw new IllegalStateException("fixtures: no JSON example under " + heading);
    }
    return blocks;
  }
}
