package dev.vigil.server;

import static dev.vigil.server.ClairSchemas.assertValid;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.model.Digest;
import dev.vigil.model.Json;
import dev.vigil.server.config.Mode;
import dev.vigil.testing.PostgresSchema;
import dev.vigil.testing.ReportPairs;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Clair v4 API on a real port against PostgreSQL, with pair P1 of the fixtures: the alpine:3.10
 * layer served over HTTP as a Clair manifest names it, and the Alpine SecDB fixture's v3.10 files
 * as the alpine updater's source. Every response body is validated against Clair's JSON schemas.
 */
class V4ApiTest {
  private static final String JSON = "application/json";

  @TempDir static Path tmp;

  private static PostgresSchema database;
  private static BlobServer blobs;
  private static RunningServer server;
  private static byte[] layer;

  @BeforeAll
  static void start() throws Exception {
    database = new PostgresSchema();
    blobs = new BlobServer();
    layer = AlpineLayers.p1Layer();
    String mirror = AlpineLayers.secDbMirror(tmp).toString();
    server =
        RunningServer.start(
            Mode.COMBO,
            tmp,
            "indexer:\n  layer_cache: \""
                + tmp.resolve("layers")
                + "\"\n  connstring: \""
                + database.postgresUrl()
                + "\"\nmatcher:\n  connstring: \""
                + database.url()
                + "\"\nupdaters:\n  sets: [alpine]\n  config:\n    alpine:\n      url: "
                + mirror
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
  void indexesP1AndReportsItsVulnerabilities() throws Exception {
    Digest manifest = Digest.sha256("p1-manifest".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> indexed = index(manifest);
    assertThat(indexed.statusCode()).as(indexed.body()).isEqualTo(201);
    assertThat(indexed.headers().firstValue("Content-Type"))
        .contains("application/vnd.clair.index_report.v1+json");
    assertThat(indexed.headers().firstValue("Location"))
        .contains("/indexer/api/v1/index_report/" + manifest);
    assertThat(indexed.headers().allValues("Link")).hasSize(2);
    assertValid("index_report", indexed.body());
    JsonNode report = Json.mapper().readTree(indexed.body());
    assertThat(report.get("state").asText()).isEqualTo("IndexFinished");
    assertThat(report.get("packages")).hasSize(14);

    HttpResponse<String> got =
        server.send("GET", "/indexer/api/v1/index_report/" + manifest, null, "Accept", JSON);
    assertThat(got.statusCode()).isEqualTo(200);
    assertThat(got.headers().firstValue("Content-Type")).contains(JSON);
    assertValid("index_report", got.body());

    HttpResponse<String> vulns =
        server.send("GET", "/matcher/api/v1/vulnerability_report/" + manifest, null);
    assertThat(vulns.statusCode()).as(vulns.body()).isEqualTo(200);
    assertThat(vulns.headers().firstValue("Cache-Control")).contains("max-age=21600");
    assertValid("vulnerability_report", vulns.body());
    JsonNode vr = Json.mapper().readTree(vulns.body());
    assertThat(ReportPairs.pairs(vr))
        .contains(
            "libssl1.1 CVE-2020-1967",
            "libcrypto1.1 CVE-2021-3450",
            "musl CVE-2020-28928",
            "apk-tools CVE-2021-36159",
            "busybox CVE-2021-28831")
        .hasSize(20);
    vr.get("environments")
        .forEach(
            e ->
                assertThat(e.get(0).get("introduced_in").asText())
                    .isEqualTo(AlpineLayers.P1_LAYER));
  }

  @Test
  void aManifestIndexedWithTheSameStateIsNotFetchedAgain() throws Exception {
    Digest manifest = Digest.sha256("p1-twice".getBytes(StandardCharsets.UTF_8));
    assertThat(index(manifest).statusCode()).isEqualTo(201);
    int afterFirst = blobs.authorizations().size();
    assertThat(index(manifest).statusCode()).isEqualTo(201);
    assertThat(blobs.authorizations()).hasSize(afterFirst);
  }

  @Test
  void aLayerUriOfTheMetadataServiceIsRefused() throws Exception {
    Digest manifest = Digest.sha256("p1-metadata".getBytes(StandardCharsets.UTF_8));
    String body =
        "{\"hash\":\""
            + manifest
            + "\",\"layers\":[{\"hash\":\""
            + Digest.sha256(AlpineLayers.fileLayer("etc/motd", "never fetched"))
            + "\",\"uri\":\"http://169.254.169.254/latest/meta-data/\",\"headers\":{}}]}";
    HttpResponse<String> refused = server.send("POST", "/indexer/api/v1/index_report", body);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
    assertValid("error", refused.body());
    JsonNode error = Json.mapper().readTree(refused.body());
    assertThat(error.get("code").asText()).isEqualTo("layer-unreachable");
    assertThat(error.get("message").asText())
        .contains("http://169.254.169.254/latest/meta-data/ refused")
        .contains("always refused");
  }

  @Test
  void indexStateHasAnEtagThatIfNoneMatchHonours() throws Exception {
    HttpResponse<String> state = server.send("GET", "/indexer/api/v1/index_state", null);
    assertThat(state.statusCode()).isEqualTo(200);
    assertValid("index_state", state.body());
    String etag = state.headers().firstValue("ETag").orElseThrow();
    assertThat(etag)
        .isEqualTo("\"" + Json.mapper().readTree(state.body()).get("state").asText() + "\"");

    HttpResponse<String> again =
        server.send("GET", "/indexer/api/v1/index_state", null, "If-None-Match", etag);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();

    Digest manifest = Digest.sha256("p1-412".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> refused =
        server.send(
            "POST", "/indexer/api/v1/index_report", manifestJson(manifest), "If-None-Match", etag);
    assertThat(refused.statusCode()).isEqualTo(412);
  }

  @Test
  void deletesOneAndManyManifests() throws Exception {
    Digest one = Digest.sha256("p1-delete-one".getBytes(StandardCharsets.UTF_8));
    Digest two = Digest.sha256("p1-delete-two".getBytes(StandardCharsets.UTF_8));
    assertThat(index(one).statusCode()).isEqualTo(201);
    assertThat(index(two).statusCode()).isEqualTo(201);

    assertThat(server.send("DELETE", "/indexer/api/v1/index_report/" + one, null).statusCode())
        .isEqualTo(204);
    HttpResponse<String> gone = server.send("GET", "/indexer/api/v1/index_report/" + one, null);
    assertThat(gone.statusCode()).isEqualTo(404);
    assertValid("error", gone.body());
    assertThat(Json.mapper().readTree(gone.body()).get("code").asText()).isEqualTo("not-found");

    String body = "[\"" + one + "\", \"" + two + "\"]";
    HttpResponse<String> bulk = server.send("DELETE", "/indexer/api/v1/index_report", body);
    assertThat(bulk.statusCode()).isEqualTo(200);
    assertValid("bulk_delete", bulk.body());
    assertThat(Json.mapper().readTree(bulk.body()).get(0).asText()).isEqualTo(two.toString());
  }

  @Test
  void updateOperationsDiffsAndAffectedManifests() throws Exception {
    Digest manifest = Digest.sha256("p1-affected".getBytes(StandardCharsets.UTF_8));
    assertThat(index(manifest).statusCode()).isEqualTo(201);

    HttpResponse<String> ops =
        server.send("GET", "/matcher/api/v1/internal/update_operation", null);
    assertThat(ops.statusCode()).isEqualTo(200);
    assertValid("update_operations", ops.body());
    String ref = Json.mapper().readTree(ops.body()).get("alpine").get(0).get("ref").asText();
    String etag = ops.headers().firstValue("ETag").orElseThrow();
    assertThat(etag).isEqualTo("\"" + ref + "\"");
    assertThat(
            server
                .send(
                    "GET",
                    "/matcher/api/v1/internal/update_operation?latest=true",
                    null,
                    "If-None-Match",
                    etag)
                .statusCode())
        .isEqualTo(304);

    HttpResponse<String> diff =
        server.send("GET", "/matcher/api/v1/internal/update_diff?cur=" + ref, null);
    assertThat(diff.statusCode()).as(diff.body()).isEqualTo(200);
    assertValid("update_diff", diff.body());
    JsonNode added = Json.mapper().readTree(diff.body()).get("added");
    assertThat(added.size()).isGreaterThan(100);

    ArrayNode summaries = JsonNodeFactory.instance.arrayNode();
    for (JsonNode v : added) {
      if (v.get("name").asText().equals("CVE-2020-1967")
          && v.get("distribution").get("version_id").asText().equals("3.10")) {
        ObjectNode summary = (ObjectNode) v.deepCopy();
        summary.remove(List.of("id", "updater", "links", "description", "issued"));
        summaries.add(summary);
      }
    }
    HttpResponse<String> affected =
        server.send(
            "POST",
            "/indexer/api/v1/internal/affected_manifest",
            summaries.toString(),
            "Accept",
            JSON);
    assertThat(affected.statusCode()).as(affected.body()).isEqualTo(200);
    assertValid("affected_manifests", affected.body());
    JsonNode vulnerable = Json.mapper().readTree(affected.body()).get("vulnerable_manifests");
    assertThat(vulnerable.has(manifest.toString())).isTrue();
  }

  @Test
  void errorsAreClairErrorBodies() throws Exception {
    HttpResponse<String> bad =
        server.send("POST", "/indexer/api/v1/index_report", "{\"hash\": \"nope\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertValid("error", bad.body());
    assertThat(Json.mapper().readTree(bad.body()).get("code").asText()).isEqualTo("bad-request");

    HttpResponse<String> wrongType =
        server.send("GET", "/indexer/api/v1/index_state", null, "Accept", "text/html");
    assertThat(wrongType.statusCode()).isEqualTo(415);
    assertValid("error", wrongType.body());

    HttpResponse<String> badDigest =
        server.send("GET", "/matcher/api/v1/vulnerability_report/sha256:xyz", null);
    assertThat(badDigest.statusCode()).isEqualTo(400);
    assertValid("error", badDigest.body());

    HttpResponse<String> unknown = server.send("GET", "/indexer/api/v1/nothing", null);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertValid("error", unknown.body());

    Digest missing = Digest.sha256("never-indexed".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> notIndexed =
        server.send("GET", "/matcher/api/v1/vulnerability_report/" + missing, null);
    assertThat(notIndexed.statusCode()).isEqualTo(404);
    assertValid("error", notIndexed.body());
  }

  @Test
  void servesTheOpenApiDocumentAndIntrospection() throws Exception {
    HttpResponse<String> doc = server.send("GET", "/openapi/v1", null);
    assertThat(doc.statusCode()).isEqualTo(200);
    JsonNode document = Json.mapper().readTree(doc.body());
    assertThat(document.get("openapi").asText()).isEqualTo("3.1.0");
    assertThat(document.get("paths").has("/indexer/api/v1/vigil/missing_layers")).isTrue();
    assertThat(document.get("paths").get("/indexer/api/v1/vigil/layer/{digest}").has("put"))
        .isTrue();
    assertThat(document.at("/paths/~1indexer~1api~1v1~1index_report/post/responses").has("202"))
        .isTrue();
    assertThat(document.at("/paths/~1indexer~1api~1v1~1index_report/post/responses").has("201"))
        .as("Clair's own answers stay")
        .isTrue();
    HttpResponse<String> yaml =
        server.send("GET", "/openapi/v1", null, "Accept", "application/openapi+yaml");
    assertThat(yaml.body()).startsWith("openapi: 3.1.0").contains("VigilUploadLayer");

    assertThat(server.introspect("/healthz").statusCode()).isEqualTo(200);
    assertThat(server.introspect("/readyz").statusCode()).isEqualTo(200);
    HttpResponse<String> metrics = server.introspect("/metrics");
    assertThat(metrics.body()).contains("vigil_http_requests");
  }

  private static HttpResponse<String> index(Digest manifest) throws Exception {
    return server.send(
        "POST",
        "/indexer/api/v1/index_report",
        manifestJson(manifest),
        "Content-Type",
        "application/vnd.clair.manifest.v1+json");
  }

  private static String manifestJson(Digest manifest) throws Exception {
    URI uri = blobs.blob(layer);
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("hash", manifest.toString());
    ObjectNode l = body.putArray("layers").addObject();
    l.put("hash", Digest.sha256(layer).toString());
    l.put("uri", uri.toString());
    l.putObject("headers").putArray("Authorization").add("Bearer layer-token");
    assertValid("manifest", body.toString());
    return body.toString();
  }
}
