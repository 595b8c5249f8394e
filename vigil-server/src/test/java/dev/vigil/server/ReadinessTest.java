package dev.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.vigil.model.Digest;
import dev.vigil.server.config.Mode;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A combo server with nothing but an embedded store says it is not ready, and answers vulnerability
 * reports with 202, until its first update run has completed.
 */
class ReadinessTest {

  @Test
  void notReadyUntilTheFirstUpdateCompletes(@TempDir Path tmp) throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    HttpServer feed = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    feed.createContext(
        "/",
        exchange -> {
          try {
            release.await(60, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.sendResponseHeaders(404, -1);
          exchange.close();
        });
    feed.start();
    String source = "http://127.0.0.1:" + feed.getAddress().getPort() + "/";
    try (RunningServer server =
        RunningServer.start(
            Mode.COMBO,
            tmp,
            "indexer:\n  layer_cache: \""
                + tmp.resolve("layers")
                + "\"\n  connstring: "
                + tmp.resolve("vigil.db")
                + "\nupdaters:\n  sets: [alpine]\n  config:\n    alpine:\n      url: "
                + source
                + "\n")) {
      HttpResponse<String> waiting = server.introspect("/readyz");
      assertThat(waiting.statusCode()).isEqualTo(503);
      assertThat(waiting.body()).contains("first vulnerability update");
      assertThat(server.introspect("/healthz").statusCode()).isEqualTo(200);
      Digest any = Digest.sha256("any".getBytes(StandardCharsets.UTF_8));
      HttpResponse<String> accepted =
          server.send("GET", "/matcher/api/v1/vulnerability_report/" + any, null);
      assertThat(accepted.statusCode()).isEqualTo(202);

      release.countDown();
      server.awaitReady();
      assertThat(
              server.send("GET", "/matcher/api/v1/vulnerability_report/" + any, null).statusCode())
          .isEqualTo(404);
    } finally {
      release.countDown();
      feed.stop(0);
    }
  }
}
