package dev.vigil.cli.klar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.cli.remote.ClairHttp;
import dev.vigil.model.Digest;
import dev.vigil.registry.Rig;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code vigil klar} against the rig's open registry (rig/tiny:1.0, one layer) and a stub Clair
 * server answering {@link SampleFindings}: what klar prints, sends and exits with.
 */
class KlarCommandTest {
  private static final Rig RIG = Rig.get();
  private static final Digest TINY_LAYER = Digest.parse(RIG.value("RIG_TINY_LAYER_DIGEST"));
  private static final String HEADER = "clair timeout 1m0s\ndocker timeout: 1m0s\n";

  @TempDir Path tmp;

  private StubClair clair;

  @AfterEach
  void stop() {
    if (clair != null) {
      clair.close();
    }
  }

  private Map<String, String> env(boolean v1, String... pairs) throws IOException {
    clair = new StubClair(v1);
    Map<String, String> env = new HashMap<>();
    env.put("HOME", tmp.toString());
    env.put("DOCKER_CONFIG", tmp.toString());
    env.put("CLAIR_ADDR", clair.address());
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  private static String tiny() {
    return RIG.open() + "/rig/tiny:1.0";
  }

  @Test
  void printsKlarsLinesAndPostsTheLayerForTheServerToFetch() throws IOException {
    KlarRun run = KlarRun.of(env(true), tiny());

    assertThat(run.err()).isEqualTo(HEADER + "no whitelist file\n");
    assertThat(run.out())
        .startsWith(
            "Analysing 1 layers\nGot results from Clair API v1\nFound 3 vulnerabilities\n"
                + "Low: 1\nMedium: 1\nHigh: 1\n\nCVE-2020-28928: [Low] \n");
    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode layer = clair.posted.get(0).get("Layer");
    assertThat(layer.get("Name").asText()).hasSize(128).endsWith(TINY_LAYER.hex());
    assertThat(layer.get("Path").asText())
        .isEqualTo("http://" + RIG.open() + "/v2/rig/tiny/blobs/" + TINY_LAYER);
    assertThat(layer.get("ParentName").asText()).isEmpty();
    assertThat(layer.get("Format").asText()).isEqualTo("Docker");
  }

  @ParameterizedTest(name = "threshold {0}, output {1}, ignore unfixed {2}: exit {3}")
  @CsvSource({
    "2, Unknown, false, 1",
    "3, Unknown, false, 0",
    "4, Unknown, false, 0",
    "0, high, false, 1",
    "1, HIGH, false, 0",
    "1, Medium, false, 1",
    "1, Medium, true, 0",
    "0, Critical, false, 0"
  })
  void exitsOneOnlyAboveTheThreshold(
      String threshold, String output, String ignoreUnfixed, int exit) throws IOException {
    KlarRun run =
        KlarRun.of(
            env(
                true,
                "CLAIR_THRESHOLD",
                threshold,
                "CLAIR_OUTPUT",
                output,
                "IGNORE_UNFIXED",
                ignoreUnfixed),
            tiny());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(exit);
  }

  @Test
  void jsonOutputPrintsOnlyTheDocument() throws IOException {
    KlarRun run = KlarRun.of(env(true, "JSON_OUTPUT", "true", "CLAIR_OUTPUT", "High"), tiny());

    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .isEqualTo(JsonFormat.render(1, new KlarFindings(SampleFindings.ALL), "High"))
        .startsWith("{\"LayerCount\":1,\"Vulnerabilities\":{\"High\":[{");
    assertThat(run.exitCode()).isEqualTo(1);
  }

  @Test
  void tableFormatIsChosenByFormatOutput() throws IOException {
    KlarRun run = KlarRun.of(env(true, "FORMAT_OUTPUT", "Table"), tiny());

    assertThat(run.out()).contains("| SEVERITY | NAME ").endsWith("-+\n");
  }

  @Test
  void fallsBackToTheV4ApiWhenV1AnswersNotFound() throws IOException {
    KlarRun run = KlarRun.of(env(false, "CLAIR_THRESHOLD", "3"), tiny());

    assertThat(run.err()).contains("Failed to analyze using API v1: push error 404");
    assertThat(run.out())
        .contains("Got results from Clair API v4\nFound 3 vulnerabilities\n")
        .contains("https://nvd.nist.gov/vuln/detail/CVE-2020-1967\n---")
        .doesNotContain("example.org");
    assertThat(run.exitCode()).isZero();
    JsonNode manifest = clair.posted.get(clair.posted.size() - 1);
    assertThat(manifest.get("layers").get(0).get("hash").asText()).isEqualTo(TINY_LAYER.toString());
  }

  @Test
  void whitelistRemovesGeneralAndPerImageNames() throws IOException {
    Path file = tmp.resolve("whitelist.yaml");
    Files.writeString(
        file,
        "general:\n  - CVE-2020-1967\nimages:\n  rig/tiny:\n    - CVE-2020-28928\n"
            + "  other/image:\n    - CVE-2021-36159\n");
    KlarRun run = KlarRun.of(env(true, "WHITELIST_FILE", file.toString()), tiny());

    assertThat(run.err()).isEqualTo(HEADER + "whitelist file: " + file + "\n");
    assertThat(run.out())
        .contains("Whitelisted 2 vulnerabilities\nFound 1 vulnerabilities\nMedium: 1\n");
    assertThat(run.exitCode()).isEqualTo(1);
  }

  @Test
  void timeoutsAreMinutesPrintedAsGoDurations() throws IOException {
    KlarRun run = KlarRun.of(env(true, "CLAIR_TIMEOUT", "90", "DOCKER_TIMEOUT", "2"), tiny());

    assertThat(run.err()).startsWith("clair timeout 1h30m0s\ndocker timeout: 2m0s\n");
  }

  @Test
  void unreachableClairIsAnError() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    KlarRun run = KlarRun.of(env(true, "CLAIR_ADDR", "http://127.0.0.1:" + port), tiny());

    assertThat(run.err())
        .contains("Failed to analyze using API v1: can't push layer to Clair")
        .endsWith("Failed to analyze, exiting\n");
    assertThat(run.exitCode()).isEqualTo(2);
  }

  @Test
  void badImageReferenceIsAnError() throws IOException {
    KlarRun run = KlarRun.of(env(true), "Not:A:Valid/Reference");

    assertThat(run.err()).contains("Can't parse qname: registry:");
    assertThat(run.exitCode()).isEqualTo(2);
  }

  @Test
  void missingImageIsAnError() throws IOException {
    KlarRun run = KlarRun.of(env(true), RIG.open() + "/rig/absent:1.0");

    assertThat(run.err()).contains("Can't pull image: registry:");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(clair.posted).isEmpty();
  }

  @Test
  void optionErrorsAreKlarsMessages() throws IOException {
    Map<String, String> env = env(true, "CLAIR_OUTPUT", "severe");
    assertThat(KlarRun.of(env, tiny()).err())
        .isEqualTo(
            "Invalid options: Clair output level severe is not supported, only support"
                + " [Unknown Negligible Low Medium High Critical Defcon1]\n");
    env.remove("CLAIR_OUTPUT");
    env.put("FORMAT_OUTPUT", "xml");
    assertThat(KlarRun.of(env, tiny()).exitCode()).isEqualTo(2);
    env.remove("CLAIR_ADDR");
    KlarRun run = KlarRun.of(env, tiny());
    assertThat(run.err()).isEqualTo("Invalid options: Clair address must be provided\n");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(KlarRun.of(env).err()).isEqualTo("Image name must be provided\n");
  }

  @Test
  void clairAddressGetsKlarsSchemeAndPort() {
    assertThat(ClairHttp.baseUrl("clair")).isEqualTo("http://clair:6060");
    assertThat(ClairHttp.baseUrl("https://clair")).isEqualTo("https://clair:6060");
    assertThat(ClairHttp.baseUrl("clair:6061")).isEqualTo("http://clair:6061");
  }
}
