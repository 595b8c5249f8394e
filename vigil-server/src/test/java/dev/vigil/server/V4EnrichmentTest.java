package dev.vigil.server;

import static dev.vigil.server.ClairSchemas.assertValid;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.datastore.Datastore;
import dev.vigil.ecosystem.epss.EpssEnricher;
import dev.vigil.ecosystem.kev.KevEnricher;
import dev.vigil.ecosystem.nvd.CvssEnricher;
import dev.vigil.model.Digest;
import dev.vigil.model.Json;
import dev.vigil.server.config.Mode;
import dev.vigil.store.Datastores;
import dev.vigil.testing.EnrichmentFixtures;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's vulnerability reports carry Clair's CVSS, EPSS and KEV enrichments: pair P1's layer
 * against the {@link EnrichmentFixtures} statements, with the nvd, epss and kev updaters reading
 * the fixtures as the server's own scheduled update.
 */
class V4EnrichmentTest {

  @Test
  void vulnerabilityReportsCarryTheEnrichments(@TempDir Path tmp) throws Exception {
    Path db = tmp.resolve("vigil.db");
    try (Datastore store = Datastores.open(db.toString())) {
      store.updateVulnerabilities("alpine", "seeded", EnrichmentFixtures.alpineStatements());
    }
    byte[] layer = AlpineLayers.p1Layer();
    try (BlobServer blobs = new BlobServer();
        RunningServer server =
            RunningServer.start(
                Mode.COMBO,
                tmp,
                "indexer:\n  layer_cache: \""
                    + tmp.resolve("layers")
                    + "\"\n  connstring: "
                    + db
                    + "\nupdaters:\n  sets: [nvd, epss, kev]\n  config:\n"
                    + "    nvd:\n      url: "
                    + EnrichmentFixtures.nvdMirror()
                    + "\n    epss:\n      url: "
                    + EnrichmentFixtures.epssMirror(tmp)
                    + "\n    kev:\n      url: "
                    + EnrichmentFixtures.kevMirror(tmp)
                    + "\n")) {
      server.awaitReady();
      awaitEnrichmentUpdates(server);
      Digest manifest = Digest.sha256("p1-enriched".getBytes(StandardCharsets.UTF_8));
      ObjectNode body = JsonNodeFactory.instance.objectNode();
      body.put("hash", manifest.toString());
      ObjectNode l = body.putArray("layers").addObject();
      l.put("hash", Digest.sha256(layer).toString());
      l.put("uri", blobs.blob(layer).toString());
      l.putObject("headers");
      HttpResponse<String> indexed =
          server.send(
              "POST",
              "/indexer/api/v1/index_report",
              body.toString(),
              "Content-Type",
              "application/vnd.clair.manifest.v1+json");
      assertThat(indexed.statusCode()).as(indexed.body()).isEqualTo(201);

      HttpResponse<String> vulns =
          server.send("GET", "/matcher/api/v1/vulnerability_report/" + manifest, null);

      assertThat(vulns.statusCode()).as(vulns.body()).isEqualTo(200);
      assertValid("vulnerability_report", vulns.body());
      JsonNode report = Json.mapper().readTree(vulns.body());
      Map<String, String> ids = new HashMap<>();
      report
          .get("vulnerabilities")
          .forEach(v -> ids.put(v.get("name").asText(), v.get("id").asText()));
      String nvidia = ids.get("CVE-2022-34668");
      JsonNode enrichments = report.get("enrichments");
      assertThat(report.get("vulnerabilities").get(nvidia).get("normalized_severity").asText())
          .isEqualTo("Critical");
      assertThat(
              enrichments
                  .get(CvssEnricher.KIND)
                  .get(0)
                  .get(nvidia)
                  .get(0)
                  .get("baseScore")
                  .asText())
          .isEqualTo("9.8");
      assertThat(
              enrichments
                  .get(EpssEnricher.KIND)
                  .get(0)
                  .get(ids.get("ALPINE-TEST-1"))
                  .get(0)
                  .get("epss")
                  .asText())
          .isEqualTo("0.00165");
      assertThat(
              enrichments
                  .get(KevEnricher.KIND)
                  .get(0)
                  .get(ids.get("CVE-2021-44228"))
                  .get(0)
                  .get("cve")
                  .asText())
          .isEqualTo("CVE-2021-44228");

      HttpResponse<String> enrichmentOps =
          server.send("GET", "/matcher/api/v1/internal/update_operation?kind=enrichment", null);
      HttpResponse<String> vulnerabilityOps =
          server.send("GET", "/matcher/api/v1/internal/update_operation", null);
      assertValid("update_operations", enrichmentOps.body());
      JsonNode enrichmentUpdaters = Json.mapper().readTree(enrichmentOps.body());
      assertThat(enrichmentUpdaters.fieldNames())
          .toIterable()
          .containsExactlyInAnyOrder("nvd", "epss", "kev");
      assertThat(enrichmentUpdaters.get("kev").get(0).get("kind").asText()).isEqualTo("enrichment");
      assertThat(Json.mapper().readTree(vulnerabilityOps.body()).fieldNames())
          .toIterable()
          .containsExactly("alpine");
    }
  }

  /**
   * Waits for the first scheduled run of the three updaters: the store already holds data, so the
   * server is ready before that run ends.
   */
  private static void awaitEnrichmentUpdates(RunningServer server) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      HttpResponse<String> ops =
          server.send("GET", "/matcher/api/v1/internal/update_operation?kind=enrichment", null);
      if (Json.mapper().readTree(ops.body()).size() == 3) {
        return;
      }
      assertThat(System.nanoTime()).as("enrichment updates within 60 s").isLessThan(deadline);
      Thread.sleep(100);
    }
  }
}
