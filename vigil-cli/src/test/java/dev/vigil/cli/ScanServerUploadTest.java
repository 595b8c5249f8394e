package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.registry.Rig;
import dev.vigil.server.VigilServer;
import dev.vigil.server.config.ConfigLoader;
import dev.vigil.server.config.Mode;
import dev.vigil.testing.Fixtures;
import dev.vigil.testing.ReportPairs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vigil scan --server} through Vigil's upload path: a combo server on SQLite with the Alpine
 * SecDB fixture and {@code deny_private} on (so it cannot reach the loopback rig registry), and
 * images it can only get from the client: pair P1's {@code docker save} archive, and the rig's tiny
 * image, which only the client can pull.
 */
class ScanServerUploadTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final Pattern UPLOADS =
      Pattern.compile("(?m)^vigil_layer_uploads_total (\\d+)\\.0$");

  @TempDir static Path tmp;

  private static VigilServer server;

  @BeforeAll
  static void start() throws Exception {
    Path mirror = Files.createDirectories(tmp.resolve("secdb/v3.10"));
    for (String file : List.of("main.json", "community.json")) {
      Files.copy(Fixtures.fixture("feeds/alpine-secdb/v3.10/" + file), mirror.resolve(file));
    }
    Path config = tmp.resolve("vigil.yaml");
    Files.writeString(
        config,
        "http_listen_addr: 127.0.0.1:0\nintrospection_addr: 127.0.0.1:0\n"
            + "indexer:\n  layer_cache: \""
            + tmp.resolve("server-layers")
            + "\"\n  connstring: "
            + tmp.resolve("vigil.db")
            + "\n  deny_private: true\nupdaters:\n  sets: [alpine]\n  config:\n    alpine:\n"
            + "      url: "
            + tmp.resolve("secdb").toUri()
            + "\n");
    server = VigilServer.start(ConfigLoader.load(Mode.COMBO, config, Map.of()));
    awaitReady();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static CliRun scan(String image) {
    return CliRun.of(
        "scan",
        "--server",
        "http://127.0.0.1:" + server.apiPort(),
        "--cache-dir",
        tmp.resolve("client-layers").toString(),
        "-f",
        "json",
        image);
  }

  @Test
  void aDockerSaveArchiveIsUploadedOnceAndIndexed() throws Exception {
    int before = uploads();
    CliRun first = scan("docker-archive:" + AlpineFeed.image());
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.err()).contains("uploaded 1 of 1 layers");
    assertThat(ReportPairs.pairs(new ObjectMapper().readTree(first.out())))
        .contains("libssl1.1 CVE-2020-1967", "musl CVE-2020-28928")
        .hasSize(20);
    assertThat(uploads()).isEqualTo(before + 1);

    CliRun second = scan("docker-archive:" + AlpineFeed.image());
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(second.err()).contains("uploaded 0 of 1 layers");
    assertThat(ReportPairs.pairs(new ObjectMapper().readTree(second.out())))
        .containsExactlyInAnyOrderElementsOf(
            ReportPairs.pairs(new ObjectMapper().readTree(first.out())));
    assertThat(uploads()).as("the second scan uploaded nothing").isEqualTo(before + 1);
  }

  @Test
  void aRegistryTheServerMayNotReachIsUploadedByTheClient() throws Exception {
    int before = uploads();
    CliRun run = scan(Rig.get().open() + "/rig/tiny:1.0");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err())
        .contains("the server cannot fetch the layers of")
        .contains("uploaded 1 of 1 layers");
    assertThat(uploads()).isEqualTo(before + 1);
  }

  private static int uploads() throws Exception {
    String metrics = get("http://127.0.0.1:" + server.introspectionPort() + "/metrics").body();
    Matcher m = UPLOADS.matcher(metrics);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HttpClient.newBuilder()
        .connectTimeout(TIMEOUT)
        .build()
        .send(
            HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static void awaitReady() throws Exception {
    Instant deadline = Instant.now().plus(TIMEOUT);
    while (get("http://127.0.0.1:" + server.introspectionPort() + "/readyz").statusCode() != 200) {
      assertThat(Instant.now()).as("server ready in time").isBefore(deadline);
      Thread.sleep(200);
    }
  }
}
