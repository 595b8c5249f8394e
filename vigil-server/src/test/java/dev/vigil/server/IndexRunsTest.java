package dev.vigil.server;

import static dev.vigil.server.ClairSchemas.assertValid;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.Digest;
import dev.vigil.model.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Index runs under load: identical concurrent requests share one run and each layer is fetched
 * once, from the rig's real registry behind a counting front; runs beyond the limit are refused
 * with 429; {@code Prefer: respond-async} answers 202 and the report shows the run's progress.
 */
class IndexRunsTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";

  @Test
  void fiftyConcurrentRequestsShareOneRunAndFetchEachLayerOnce(@TempDir Path tmp) throws Exception {
    RigImages rig = RigImages.load();
    String registry = rig.get("RIG_REGISTRY_URL");
    String digest = rig.get("RIG_IMG_DEBIAN_MINBASE_BOOKWORM_DIGEST");
    List<String> layers = layerDigests(registry, "rig/debian-minbase", digest);
    assertThat(layers).hasSize(3);
    try (CountingProxy proxy = new CountingProxy(registry);
        RunningServer server =
            RunningServer.indexer(tmp, "  index_report_request_concurrency: 1\n")) {
      StringBuilder body = new StringBuilder("{\"hash\":\"" + digest + "\",\"layers\":[");
      for (String layer : layers) {
        body.append(body.charAt(body.length() - 1) == '[' ? "" : ",")
            .append("{\"hash\":\"")
            .append(layer)
            .append("\",\"uri\":\"")
            .append(proxy.url())
            .append("/v2/rig/debian-minbase/blobs/")
            .append(layer)
            .append("\",\"headers\":{}}");
      }
      String manifest = body.append("]}").toString();

      ExecutorService clients = Executors.newFixedThreadPool(50);
      try {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
          answers.add(
              clients.submit(
                  () -> {
                    start.await();
                    return server.send("POST", "/indexer/api/v1/index_report", manifest);
                  }));
        }
        start.countDown();
        for (Future<HttpResponse<String>> answer : answers) {
          HttpResponse<String> response = answer.get();
          assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
          JsonNode report = Json.mapper().readTree(response.body());
          assertThat(report.get("state").asText()).isEqualTo("IndexFinished");
          assertThat(report.get("packages").size()).isEqualTo(91);
        }
      } finally {
        clients.shutdownNow();
      }
      for (String layer : layers) {
        assertThat(proxy.count("/v2/rig/debian-minbase/blobs/" + layer)).as(layer).isEqualTo(1);
      }
    }
  }

  @Test
  void runsBeyondTheLimitAre429AndAsyncRequestsPollProgress(@TempDir Path tmp) throws Exception {
    byte[] layer = AlpineLayers.p1Layer();
    CountDownLatch release = new CountDownLatch(1);
    try (BlobServer blobs = new BlobServer();
        RunningServer server =
            RunningServer.indexer(tmp, "  index_report_request_concurrency: 1\n")) {
      blobs.holdUntil(release);
      URI uri = blobs.blob(layer);
      Digest first = Digest.sha256("async-first".getBytes(StandardCharsets.UTF_8));
      Digest second = Digest.sha256("async-second".getBytes(StandardCharsets.UTF_8));

      HttpResponse<String> accepted =
          server.send(
              "POST",
              "/indexer/api/v1/index_report",
              manifest(first, layer, uri),
              "Prefer",
              "respond-async");
      assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
      assertThat(accepted.headers().firstValue("Location"))
          .contains("/indexer/api/v1/index_report/" + first);
      assertThat(accepted.headers().firstValue("Preference-Applied")).contains("respond-async");
      assertValid("index_report", accepted.body());

      HttpResponse<String> busy =
          server.send("POST", "/indexer/api/v1/index_report", manifest(second, layer, uri));
      assertThat(busy.statusCode()).as(busy.body()).isEqualTo(429);
      assertThat(busy.headers().firstValue("Retry-After")).contains("1");
      assertValid("error", busy.body());

      HttpResponse<String> joined =
          server.send(
              "POST",
              "/indexer/api/v1/index_report",
              manifest(first, layer, uri),
              "Prefer",
              "respond-async");
      assertThat(joined.statusCode())
          .as("a request for the running manifest joins it")
          .isEqualTo(202);

      HttpResponse<String> polled =
          server.send("GET", "/indexer/api/v1/index_report/" + first, null);
      assertThat(polled.statusCode()).isEqualTo(200);
      assertValid("index_report", polled.body());
      assertThat(Json.mapper().readTree(polled.body()).get("state").asText())
          .isEqualTo("FetchLayers");
      assertThat(polled.headers().firstValue("Vigil-Index-Progress"))
          .contains("state=FetchLayers; layers=1; fetched=0; scanned=0");

      release.countDown();
      Instant deadline = Instant.now().plus(TIMEOUT);
      JsonNode report;
      do {
        Thread.sleep(50);
        polled = server.send("GET", "/indexer/api/v1/index_report/" + first, null);
        report = Json.mapper().readTree(polled.body());
      } while (!report.get("state").asText().equals("IndexFinished")
          && Instant.now().isBefore(deadline));
      assertThat(report.get("state").asText()).isEqualTo("IndexFinished");
      assertThat(report.get("packages")).hasSize(14);
      assertValid("index_report", polled.body());
      assertThat(
              server
                  .send("POST", "/indexer/api/v1/index_report", manifest(second, layer, uri))
                  .statusCode())
          .isEqualTo(201);
      assertThat(blobs.authorizations()).as("the layer was fetched once").hasSize(1);
    }
  }

  static String manifest(Digest hash, byte[] layer, URI uri) {
    return "{\"hash\":\""
        + hash
        + "\",\"layers\":[{\"hash\":\""
        + Digest.sha256(layer)
        + "\",\"uri\":\""
        + uri
        + "\",\"headers\":{}}]}";
  }

  /** The layer digests of an image manifest in the registry. */
  static List<String> layerDigests(String registry, String repository, String digest)
      throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(
                    URI.create(registry + "/v2/" + repository + "/manifests/" + digest))
                .header("Accept", OCI_MANIFEST)
                .timeout(TIMEOUT)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<String> digests = new ArrayList<>();
    Json.mapper()
        .readTree(response.body())
        .get("layers")
        .forEach(l -> digests.add(l.get("digest").asText()));
    return digests;
  }
}
