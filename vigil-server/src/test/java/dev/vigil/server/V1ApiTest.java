package dev.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.model.Digest;
import dev.vigil.model.Json;
import dev.vigil.server.config.Mode;
import dev.vigil.testing.PostgresSchema;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clair's legacy v1 API, as klar speaks it, on a real port against PostgreSQL: the examples of
 * Clair's v1 documentation round-trip, and a three-layer Alpine chain posted the way klar's {@code
 * clair/api.go} does reports the features of fixture pair P1 with their vulnerabilities.
 */
class V1ApiTest {
  /** klar's layer name: the image config digest's hex followed by the blob digest's hex. */
  private static final String CONFIG_HEX =
      "9f2a0dc0b1c7e4f5f8e4a1d3b6c2a7e0d5f3c9b8a1e2d4c6b7a8f9e0d1c2b3a4";

  @TempDir static Path tmp;

  private static PostgresSchema database;
  private static BlobServer blobs;
  private static RunningServer server;

  @BeforeAll
  static void start() throws Exception {
    database = new PostgresSchema();
    blobs = new BlobServer();
    server =
        RunningServer.start(
            Mode.COMBO,
            tmp,
            "indexer:\n  layer_cache: \""
                + tmp.resolve("layers")
                + "\"\n  connstring: \""
                + database.url()
                + "\"\nupdaters:\n  sets: [alpine]\n  config:\n    alpine:\n      url: "
                + AlpineLayers.secDbMirror(tmp)
                + "\n");
    server.awaitReady();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    blobs.close();
    database.close();
  }

  @Test
  void postLayerExampleRoundTrips() throws Exception {
    List<JsonNode> example = ApiDocExamples.of("### POST /layers");
    ObjectNode request = (ObjectNode) example.get(0).deepCopy();
    ObjectNode layer = (ObjectNode) request.get("Layer");
    String token = layer.get("Headers").get("Authorization").asText();
    URI path =
        blobs.serve(
            "/layers/" + layer.get("Name").asText() + "/layer.tar",
            AlpineLayers.fileLayer("etc/motd", "hi\n"));
    layer.put("Path", path.toString());
    URI parentPath = blobs.blob(AlpineLayers.p1Layer());
    post(layer.get("ParentName").asText(), "", parentPath.toString());

    blobs.requireAuthorization(token);
    HttpResponse<String> response;
    try {
      response =
          server.send("POST", "/v1/layers", request.toString(), "Content-Type", "application/json");
    } finally {
      blobs.requireAuthorization(null);
    }
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    assertThat(response.headers().firstValue("Content-Type"))
        .contains("application/json;charset=utf-8");
    ObjectNode expected = (ObjectNode) example.get(1).deepCopy();
    ((ObjectNode) expected.get("Layer")).put("Path", path.toString());
    assertThat(Json.mapper().readTree(response.body())).isEqualTo(expected);

    HttpResponse<String> got =
        server.send(
            "GET", "/v1/layers/" + layer.get("Name").asText() + "?features&vulnerabilities", null);
    assertThat(got.statusCode()).as(got.body()).isEqualTo(200);
    JsonNode shown = Json.mapper().readTree(got.body()).get("Layer");
    JsonNode documented = ApiDocExamples.of("### GET /layers/`:name`").get(0).get("Layer");
    assertThat(names(shown)).isEqualTo(names(documented));
    assertThat(shown.get("NamespaceName").asText()).isEqualTo("alpine:v3.10");
    assertThat(shown.get("ParentName").asText()).isEqualTo(layer.get("ParentName").asText());
    Set<String> featureFields = names(documented.get("Features").get(0));
    featureFields.addAll(Set.of("AddedBy", "VersionFormat"));
    Set<String> vulnerabilityFields =
        names(documented.get("Features").get(0).get("Vulnerabilities").get(0));
    for (JsonNode feature : shown.get("Features")) {
      assertThat(featureFields).containsAll(names(feature));
      for (JsonNode v : feature.path("Vulnerabilities")) {
        assertThat(vulnerabilityFields).containsAll(names(v));
      }
    }

    HttpResponse<String> namespaces = server.send("GET", "/v1/namespaces", null);
    assertThat(namespaces.statusCode()).isEqualTo(200);
    JsonNode listed = Json.mapper().readTree(namespaces.body());
    assertThat(names(listed)).isEqualTo(names(ApiDocExamples.of("### GET /namespaces").get(0)));
    assertThat(listed.get("Namespaces").get(0).get("Name").asText()).isEqualTo("alpine:v3.10");
  }

  @Test
  void deleteRemovesTheLayerAndItsChildren() throws Exception {
    String base = "delete-base";
    post(base, "", blobs.blob(AlpineLayers.p1Layer()).toString());
    post("delete-child", base, blobs.blob(AlpineLayers.fileLayer("etc/child", "x\n")).toString());

    HttpResponse<String> deleted = server.send("DELETE", "/v1/layers/" + base, null);
    assertThat(deleted.statusCode()).isEqualTo(200);
    HttpResponse<String> gone = server.send("GET", "/v1/layers/delete-child", null);
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(Json.mapper().readTree(gone.body()).get("Error").get("Message").asText())
        .isNotEmpty();
    assertThat(server.send("DELETE", "/v1/layers/" + base, null).statusCode()).isEqualTo(404);
  }

  @Test
  void klarPostsAThreeLayerChainAndReadsFeaturesWithVulnerabilities() throws Exception {
    List<byte[]> blobsInOrder =
        List.of(
            AlpineLayers.p1Layer(),
            AlpineLayers.fileLayer("etc/app.conf", "name=app\n"),
            AlpineLayers.fileLayer("srv/index.html", "<html></html>\n"));
    List<String> names = new ArrayList<>();
    String parent = "";
    for (byte[] blob : blobsInOrder) {
      Digest digest = Digest.sha256(blob);
      String name = CONFIG_HEX + digest.hex();
      // klar's Path: <registry>/v2/<repository>/blobs/<digest>, with an empty token when anonymous
      URI path = blobs.serve("/v2/library/app/blobs/" + digest, blob);
      String body =
          "{\"Layer\":{\"Name\":\""
              + name
              + "\",\"Path\":\""
              + path
              + "\",\"ParentName\":\""
              + parent
              + "\",\"Format\":\"Docker\",\"Features\":null,\"Headers\":{\"Authorization\":\"\"}}}";
      HttpResponse<String> pushed =
          server.send("POST", "/v1/layers", body, "Content-Type", "application/json");
      assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(201);
      names.add(name);
      parent = name;
    }

    HttpResponse<String> analyzed =
        server.send("GET", "/v1/layers/" + names.get(2) + "?vulnerabilities", null);
    assertThat(analyzed.statusCode()).as(analyzed.body()).isEqualTo(200);
    JsonNode layer = Json.mapper().readTree(analyzed.body()).get("Layer");
    assertThat(layer.get("Name").asText()).isEqualTo(names.get(2));
    assertThat(layer.get("ParentName").asText()).isEqualTo(names.get(1));
    assertThat(layer.get("Features")).hasSize(14);
    List<String> pairs = new ArrayList<>();
    for (JsonNode feature : layer.get("Features")) {
      assertThat(feature.get("AddedBy").asText()).isEqualTo(names.get(0));
      assertThat(feature.get("NamespaceName").asText()).isEqualTo("alpine:v3.10");
      assertThat(feature.get("VersionFormat").asText()).isEqualTo("apk");
      for (JsonNode v : feature.path("Vulnerabilities")) {
        pairs.add(feature.get("Name").asText() + " " + v.get("Name").asText());
        assertThat(v.get("Severity").asText())
            .isIn("Unknown", "Negligible", "Low", "Medium", "High", "Critical");
        if (v.get("Name").asText().equals("CVE-2020-1967")) {
          assertThat(v.get("FixedBy").asText()).isEqualTo("1.1.1g-r0");
          assertThat(v.get("Link").asText()).startsWith("https://");
        }
      }
    }
    assertThat(pairs)
        .hasSize(20)
        .contains("libssl1.1 CVE-2020-1967", "musl CVE-2020-28928", "apk-tools CVE-2021-30139");
    assertThat(blobs.authorizations()).doesNotContain("Bearer ");

    HttpResponse<String> middle = server.send("GET", "/v1/layers/" + names.get(1), null);
    assertThat(Json.mapper().readTree(middle.body()).get("Layer").has("Features")).isFalse();
  }

  @Test
  void unknownParentIsABadRequest() throws Exception {
    HttpResponse<String> response =
        server.send(
            "POST",
            "/v1/layers",
            "{\"Layer\":{\"Name\":\"orphan\",\"Path\":\"http://127.0.0.1:9/x\",\"ParentName\":\"none\"}}");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Json.mapper().readTree(response.body()).get("Error").get("Message").asText())
        .contains("parent");
  }

  private static void post(String name, String parent, String path) throws Exception {
    String body =
        "{\"Layer\":{\"Name\":\""
            + name
            + "\",\"Path\":\""
            + path
            + "\",\"ParentName\":\""
            + parent
            + "\",\"Format\":\"Docker\"}}";
    HttpResponse<String> response = server.send("POST", "/v1/layers", body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
  }

  private static Set<String> names(JsonNode node) {
    Set<String> names = new HashSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
