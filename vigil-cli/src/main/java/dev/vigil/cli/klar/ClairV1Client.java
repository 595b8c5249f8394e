package dev.vigil.cli.klar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.cli.remote.ClairHttp;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Clair's v1 API as klar uses it: each layer posted with its parent and the blob URL and
 * authorization the server fetches it with, then the vulnerabilities of the top layer read back.
 */
final class ClairV1Client {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ClairHttp http;

  /** A client over {@code http}. */
  ClairV1Client(ClairHttp http) {
    this.http = http;
  }

  /**
   * Posts the layers, base first, and returns the findings of the top one.
   *
   * @throws ClairApiMissingException when the server has no v1 API (404 on the first post)
   * @throws IOException when the server cannot be reached or refuses a layer
   */
  List<KlarVulnerability> analyse(KlarImage image) throws IOException {
    List<KlarImage.Layer> layers = image.layers();
    for (int i = 0; i < layers.size(); i++) {
      push(layers.get(i), i == 0 ? "" : layers.get(i - 1).name(), image.authorization(), i == 0);
    }
    return analyze(layers.get(layers.size() - 1).name());
  }

  private void push(KlarImage.Layer layer, String parent, String authorization, boolean first)
      throws IOException {
    ObjectNode body = MAPPER.createObjectNode();
    ObjectNode l = body.putObject("Layer");
    l.put("Name", layer.name());
    l.put("Path", layer.uri().toString());
    l.put("ParentName", parent);
    l.put("Format", "Docker");
    if (authorization != null) {
      l.putObject("Headers").put("Authorization", authorization);
    }
    HttpResponse<String> response;
    try {
      response = http.send("POST", "/v1/layers", MAPPER.writeValueAsString(body));
    } catch (IOException e) {
      throw new IOException("can't push layer to Clair: " + reason(e), e);
    }
    if (response.statusCode() == 404 && first) {
      throw new ClairApiMissingException("push error 404: " + response.body());
    }
    if (response.statusCode() != 201) {
      throw new IOException("push error " + response.statusCode() + ": " + response.body());
    }
  }

  private List<KlarVulnerability> analyze(String name) throws IOException {
    HttpResponse<String> response =
        http.send("GET", "/v1/layers/" + name + "?features&vulnerabilities", null);
    if (response.statusCode() != 200) {
      throw new IOException("analyze error " + response.statusCode() + ": " + response.body());
    }
    JsonNode features = MAPPER.readTree(response.body()).path("Layer").path("Features");
    List<KlarVulnerability> found = new ArrayList<>();
    for (JsonNode feature : features) {
      for (JsonNode v : feature.path("Vulnerabilities")) {
        found.add(
            new KlarVulnerability(
                v.path("Name").asText(""),
                v.path("NamespaceName").asText(""),
                v.path("Description").asText(""),
                v.path("Link").asText(""),
                v.path("Severity").asText(""),
                v.path("FixedBy").asText(""),
                feature.path("Name").asText(""),
                feature.path("Version").asText("")));
      }
    }
    return found;
  }

  /** The message of a failed request, naming the exception when it has none. */
  static String reason(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
