package dev.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.Digest;
import dev.vigil.model.Json;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL restarted mid-index: an indexer on a throwaway cluster ({@link ThrowawayCluster})
 * fetches the alpine:3.10 layer from a loopback server that holds it back; the cluster is stopped
 * at once while the request waits, then the layer is released. The request fails cleanly (a 5xx
 * with Clair's error body, no stack trace), no report is half-stored, and once the cluster is back
 * the same request succeeds.
 */
class PostgresRestartTest {
  @TempDir Path tmp;

  @Test
  @Timeout(300)
  void anIndexRequestFailsCleanlyAndTheNextOneSucceeds() throws Exception {
    byte[] layer = AlpineLayers.p1Layer();
    Digest hash = Digest.sha256("restarted-mid-index".getBytes(StandardCharsets.UTF_8));
    CountDownLatch release = new CountDownLatch(1);
    try (ThrowawayCluster cluster = new ThrowawayCluster();
        BlobServer blobs = new BlobServer();
        RunningServer server = RunningServer.indexer(tmp, cluster.connstring(), "")) {
      server.awaitReady();
      blobs.holdUntil(release);
      URI uri = blobs.blob(layer);
      String manifest = IndexRunsTest.manifest(hash, layer, uri);

      CompletableFuture<HttpResponse<String>> first =
          CompletableFuture.supplyAsync(() -> post(server, manifest));
      awaitFetching(server, hash);
      cluster.stop();
      release.countDown();
      HttpResponse<String> failed = first.get();

      assertThat(failed.statusCode()).as(failed.body()).isBetween(500, 599);
      JsonNode error = Json.mapper().readTree(failed.body());
      assertThat(error.get("code").asText()).isNotEmpty();
      assertThat(error.get("message").asText()).isNotEmpty();
      assertThat(failed.body()).doesNotContain("\tat ", "password");

      cluster.start();
      HttpResponse<String> after = server.send("GET", "/indexer/api/v1/index_report/" + hash, null);
      assertThat(after.statusCode()).as("no half-stored report").isEqualTo(404);

      HttpResponse<String> next = post(server, manifest);
      assertThat(next.statusCode()).as(next.body()).isEqualTo(201);
      JsonNode report = Json.mapper().readTree(next.body());
      assertThat(report.get("state").asText()).isEqualTo("IndexFinished");
      assertThat(report.get("packages").size()).isEqualTo(14);
      HttpResponse<String> stored =
          server.send("GET", "/indexer/api/v1/index_report/" + hash, null);
      assertThat(Json.mapper().readTree(stored.body())).isEqualTo(report);
    }
  }

  private static HttpResponse<String> post(RunningServer server, String manifest) {
    try {
      return server.send("POST", "/indexer/api/v1/index_report", manifest);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Waits until the request is fetching its layer. */
  private static void awaitFetching(RunningServer server, Digest hash) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
    while (true) {
      HttpResponse<String> polled =
          server.send("GET", "/indexer/api/v1/index_report/" + hash, null);
      if (polled.statusCode() == 200 && polled.body().contains("FetchLayers")) {
        return;
      }
      assertThat(Instant.now()).isBefore(deadline);
      Thread.sleep(50);
    }
  }
}
