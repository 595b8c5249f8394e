package dev.vigil.cli.klar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.cli.VigilCli;
import dev.vigil.registry.Rig;
import dev.vigil.server.VigilServer;
import dev.vigil.server.config.ConfigLoader;
import dev.vigil.server.config.Mode;
import dev.vigil.testing.Fixtures;
import dev.vigil.testing.ReportPairs;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The whole path: fixture pair P1's image (Alpine 3.10.4) pushed with skopeo into the rig's open
 * registry, a combo {@code vigil serve} on SQLite with the Alpine SecDB fixture, and {@code vigil
 * klar} sending the image's layer URL to the server's v1 API, which fetches it from the registry.
 */
class KlarEndToEndTest {
  private static final Rig RIG = Rig.get();
  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final Pattern BLOCK = Pattern.compile("(?m)^(CVE-\\d+-\\d+): \\[Unknown\\] $");
  private static final Set<String> CVES =
      Set.of(
          "CVE-2020-1967",
          "CVE-2020-1971",
          "CVE-2021-23840",
          "CVE-2021-23841",
          "CVE-2021-23839",
          "CVE-2021-3449",
          "CVE-2021-3450",
          "CVE-2020-28928",
          "CVE-2021-28831",
          "CVE-2021-30139",
          "CVE-2021-36159");

  @TempDir static Path tmp;

  private static VigilServer server;
  private static String image;

  @BeforeAll
  static void start() throws Exception {
    image = RIG.open() + "/vigil-test/alpine:3.10";
    push(image);
    Path mirror = Files.createDirectories(tmp.resolve("secdb/v3.10"));
    for (String file : List.of("main.json", "community.json")) {
      Files.copy(Fixtures.fixture("feeds/alpine-secdb/v3.10/" + file), mirror.resolve(file));
    }
    Path config = tmp.resolve("vigil.yaml");
    Files.writeString(
        config,
        "http_listen_addr: 127.0.0.1:0\nintrospection_addr: 127.0.0.1:0\n"
            + "indexer:\n  layer_cache: \""
            + tmp.resolve("layers")
            + "\"\n  connstring: "
            + tmp.resolve("vigil.db")
            + "\nupdaters:\n  sets: [alpine]\n  config:\n    alpine:\n      url: "
            + tmp.resolve("secdb").toUri()
            + "\n");
    server = VigilServer.start(ConfigLoader.load(Mode.COMBO, config, Map.of()));
    awaitReady(server.introspectionPort());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static Map<String, String> env(String... pairs) {
    Map<String, String> env = new HashMap<>();
    env.put("HOME", tmp.toString());
    env.put("DOCKER_CONFIG", tmp.toString());
    env.put("CLAIR_ADDR", "http://127.0.0.1:" + server.apiPort());
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  @Test
  void findsTheTwentyAlpineFindingsThroughTheV1Api() {
    KlarRun run = KlarRun.of(env(), image);

    assertThat(run.out())
        .as(run.err())
        .startsWith(
            "Analysing 1 layers\nGot results from Clair API v1\nFound 20 vulnerabilities\n"
                + "Unknown: 20\n\n");
    Matcher blocks = BLOCK.matcher(run.out());
    List<String> names = blocks.results().map(m -> m.group(1)).toList();
    assertThat(names).hasSize(20);
    assertThat(new TreeSet<>(names)).containsExactlyInAnyOrderElementsOf(CVES);
    assertThat(run.out())
        .contains(
            "CVE-2020-1967: [Unknown] \nFound in: libssl1.1 [1.1.1d-r2]\nFixed By: 1.1.1g-r0\n");
    assertThat(run.exitCode()).isEqualTo(1);
  }

  /** {@code vigil scan --server}: the same server indexes the image through Clair's v4 API. */
  @Test
  void scanWithServerGetsTheSameFindingsThroughTheV4Api() throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = VigilCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));

    int code =
        cli.execute(
            "scan", "--server", "http://127.0.0.1:" + server.apiPort(), "-f", "json", image);

    assertThat(code).as(err.toString()).isZero();
    JsonNode report = new ObjectMapper().readTree(out.toString());
    List<String> pairs = ReportPairs.pairs(report);
    assertThat(pairs).hasSize(20);
    assertThat(new TreeSet<>(pairs.stream().map(p -> p.substring(p.indexOf(' ') + 1)).toList()))
        .containsExactlyInAnyOrderElementsOf(CVES);
  }

  @Test
  void jsonGroupsThemUnderUnknownAndTheThresholdLetsThemPass() throws IOException {
    KlarRun run = KlarRun.of(env("FORMAT_OUTPUT", "json", "CLAIR_THRESHOLD", "20"), image);

    JsonNode doc = new ObjectMapper().readTree(run.out());
    assertThat(doc.get("LayerCount").asInt()).isEqualTo(1);
    JsonNode unknown = doc.get("Vulnerabilities").get("Unknown");
    assertThat(unknown).hasSize(20);
    assertThat(
            StreamSupport.stream(unknown.spliterator(), false)
                .map(v -> v.get("Name").asText())
                .distinct())
        .containsExactlyInAnyOrderElementsOf(CVES);
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void whitelistingMuslsCveForTheImageRemovesItFromMuslAndMuslUtils() throws IOException {
    Path file = tmp.resolve("whitelist.yaml");
    Files.writeString(file, "images:\n  vigil-test/alpine:\n    - CVE-2020-28928\n");
    KlarRun run = KlarRun.of(env("WHITELIST_FILE", file.toString()), image);

    assertThat(run.out()).contains("Whitelisted 2 vulnerabilities\nFound 18 vulnerabilities\n");
  }

  /** Pushes the P1 docker-save archive (gunzipped; skopeo reads plain tars) to {@code ref}. */
  private static void push(String ref) throws Exception {
    Path archive = tmp.resolve("alpine.tar");
    try (InputStream in =
        new GZIPInputStream(
            Files.newInputStream(
                Fixtures.fixture("images/docker-archive/alpine-3.10.4-docker-save.tar.gz")))) {
      Files.copy(in, archive);
    }
    Process skopeo =
        new ProcessBuilder(
                "skopeo",
                "copy",
                "--dest-tls-verify=false",
                "docker-archive:" + archive,
                "docker://" + ref)
            .redirectErrorStream(true)
            .start();
    String output = new String(skopeo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(skopeo.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(skopeo.exitValue()).as(output).isZero();
  }

  private static void awaitReady(int port) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
            .timeout(TIMEOUT)
            .build();
    Instant deadline = Instant.now().plus(TIMEOUT);
    while (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
      assertThat(Instant.now()).as("server ready in time").isBefore(deadline);
      Thread.sleep(200);
    }
  }
}
