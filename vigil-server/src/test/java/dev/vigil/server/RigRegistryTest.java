package dev.vigil.server;

import static dev.vigil.server.ClairSchemas.assertValid;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.Json;
import dev.vigil.server.config.Mode;
import dev.vigil.testing.Fixtures;
import dev.vigil.testing.PostgresSchema;
import dev.vigil.testing.ReportPairs;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An indexer-mode server fetches {@code rig/tiny:1.0}'s layer from the rig's real registry
 * (distribution v2.8, {@code /v2/<repo>/blobs/<digest>}) as a Clair manifest names it, on
 * PostgreSQL.
 */
class RigRegistryTest {

  @Test
  void indexesTheTinyDebianImageFromTheRegistry(@TempDir Path tmp) throws Exception {
    RigImages rig = RigImages.load();
    String manifest = rig.get("RIG_IMG_TINY_1_0_DIGEST");
    String layer = rig.get("RIG_TINY_LAYER_DIGEST");
    String uri = rig.get("RIG_REGISTRY_URL") + "/v2/rig/tiny/blobs/" + layer;
    try (PostgresSchema database = new PostgresSchema();
        RunningServer server =
            RunningServer.start(
                Mode.INDEXER,
                tmp,
                "indexer:\n  layer_cache: \""
                    + tmp.resolve("layers")
                    + "\"\n  connstring: \""
                    + database.url()
                    + "\"\n")) {
      String body =
          "{\"hash\":\""
              + manifest
              + "\",\"layers\":[{\"hash\":\""
              + layer
              + "\",\"uri\":\""
              + uri
              + "\",\"headers\":{},\"media_type\":\"application/vnd.oci.image.layer.v1.tar+gzip\"}]}";
      assertValid("manifest", body);
      HttpResponse<String> indexed = server.send("POST", "/indexer/api/v1/index_report", body);
      assertThat(indexed.statusCode()).as(indexed.body()).isEqualTo(201);
      assertValid("index_report", indexed.body());
      JsonNode report = Json.mapper().readTree(indexed.body());
      assertThat(report.get("manifest_hash").asText()).isEqualTo(manifest);
      JsonNode distribution = report.get("distributions").elements().next();
      assertThat(distribution.get("did").asText()).isEqualTo("debian");
      assertThat(distribution.get("version_id").asText()).isEqualTo("12");

      String other = "sha256:" + "1".repeat(64);
      String wrong =
          body.replace("\"hash\":\"" + layer, "\"hash\":\"sha256:" + "0".repeat(64))
              .replace(manifest, other);
      HttpResponse<String> mismatch = server.send("POST", "/indexer/api/v1/index_report", wrong);
      assertThat(mismatch.statusCode()).as(mismatch.body()).isEqualTo(400);
      assertValid("error", mismatch.body());
      assertThat(mismatch.body()).contains("does not match its digest");
      HttpResponse<String> failed =
          server.send("GET", "/indexer/api/v1/index_report/" + other, null);
      assertThat(Json.mapper().readTree(failed.body()).get("state").asText())
          .isEqualTo("IndexError");
      assertValid("index_report", failed.body());

      assertThat(server.introspect("/readyz").statusCode()).isEqualTo(200);
      assertThat(server.send("GET", "/matcher/api/v1/internal/update_operation", null).statusCode())
          .isEqualTo(404);
    }
  }

  /**
   * Combo mode on PostgreSQL with the {@code debian-oval} updater reading the bookworm OVAL fixture
   * (2023-07-14) from a {@code file:} mirror: the report of {@code rig/tiny:1.0} names libssl3 for
   * the two openssl vulnerabilities Debian leaves unfixed in bookworm, and validates against
   * Clair's schema.
   */
  @Test
  void reportsTheTinyImagesDebianFindings(@TempDir Path tmp) throws Exception {
    RigImages rig = RigImages.load();
    String manifest = rig.get("RIG_IMG_TINY_1_0_DIGEST");
    String layer = rig.get("RIG_TINY_LAYER_DIGEST");
    String uri = rig.get("RIG_REGISTRY_URL") + "/v2/rig/tiny/blobs/" + layer;
    Path mirror = Files.createDirectories(tmp.resolve("oval"));
    String oval = "oval-definitions-bookworm.xml.bz2";
    Files.copy(Fixtures.fixture("feeds/debian-oval/" + oval), mirror.resolve(oval));
    try (PostgresSchema database = new PostgresSchema();
        RunningServer server =
            RunningServer.start(
                Mode.COMBO,
                tmp,
                "indexer:\n  layer_cache: \""
                    + tmp.resolve("layers")
                    + "\"\n  connstring: \""
                    + database.url()
                    + "\"\nupdaters:\n  sets: [debian-oval]\n  config:\n    debian-oval:\n"
                    + "      url: "
                    + mirror.toUri()
                    + "\n")) {
      server.awaitReady();
      String body =
          "{\"hash\":\""
              + manifest
              + "\",\"layers\":[{\"hash\":\""
              + layer
              + "\",\"uri\":\""
              + uri
              + "\",\"headers\":{}}]}";
      assertThat(server.send("POST", "/indexer/api/v1/index_report", body).statusCode())
          .isEqualTo(201);

      HttpResponse<String> response =
          server.send("GET", "/matcher/api/v1/vulnerability_report/" + manifest, null);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertValid("vulnerability_report", response.body());
      JsonNode report = Json.mapper().readTree(response.body());
      assertThat(ReportPairs.pairs(report))
          .containsExactlyInAnyOrder("libssl3 CVE-2007-6755", "libssl3 CVE-2010-0928");
      report
          .get("vulnerabilities")
          .forEach(v -> assertThat(v.get("updater").asText()).isEqualTo("debian-oval"));
    }
  }
}
