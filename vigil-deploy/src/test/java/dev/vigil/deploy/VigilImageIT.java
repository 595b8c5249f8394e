package dev.vigil.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.cli.CliRun;
import dev.vigil.registry.Rig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container image {@code ./mvnw -Pimage} builds ({@code vigil-cli/target/vigil-image.tar}, by
 * Jib on the base of {@code scripts/base-image.sh}): a valid OCI image layout whose config runs the
 * CLI as a non-root user with {@code serve} as default command; pushed to the rig's registry with
 * skopeo and scanned there by Vigil itself.
 */
class VigilImageIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  private static final Path TAR =
      Path.of(System.getProperty("vigil.image.tar", "../vigil-cli/target/vigil-image.tar"));

  /** The tarball's files by name (blobs are kept only when small; all are hashed). */
  private static final Map<String, byte[]> small = new HashMap<>();

  private static final Map<String, String> sha256 = new HashMap<>();
  private static final Map<String, Long> sizes = new HashMap<>();

  @TempDir static Path tmp;

  @BeforeAll
  static void readTarball() throws IOException {
    assertThat(TAR).as("built by ./mvnw -Pimage package (vigil-cli)").isRegularFile();
    try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(TAR))) {
      for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        if (!entry.isFile()) {
          continue;
        }
        MessageDigest digest = sha256();
        byte[] kept = readHashing(in, digest, entry.getSize() <= 1 << 20);
        sha256.put(entry.getName(), HexFormat.of().formatHex(digest.digest()));
        sizes.put(entry.getName(), entry.getSize());
        if (kept != null) {
          small.put(entry.getName(), kept);
        }
      }
    }
  }

  @Test
  void isAnOciImageLayoutWhoseBlobsMatchTheirDigests() throws IOException {
    assertThat(json("oci-layout").path("imageLayoutVersion").asText()).isEqualTo("1.0.0");
    JsonNode index = json("index.json");
    assertThat(index.path("schemaVersion").asInt()).isEqualTo(2);
    JsonNode descriptor = index.path("manifests").get(0);
    assertThat(index.path("manifests")).hasSize(1);
    assertThat(descriptor.path("mediaType").asText()).isEqualTo(MANIFEST);
    assertThat(descriptor.path("annotations").path("org.opencontainers.image.ref.name").asText())
        .isEqualTo("vigil/vigil:0.1.0-SNAPSHOT");

    JsonNode manifest = blob(descriptor);
    assertThat(manifest.path("mediaType").asText()).isEqualTo(MANIFEST);
    assertThat(manifest.path("config").path("mediaType").asText())
        .isEqualTo("application/vnd.oci.image.config.v1+json");
    blob(manifest.path("config"));
    assertThat(manifest.path("layers")).hasSizeGreaterThan(1);
    for (JsonNode layer : manifest.path("layers")) {
      assertThat(layer.path("mediaType").asText())
          .isEqualTo("application/vnd.oci.image.layer.v1.tar+gzip");
      checkDescriptor(layer);
    }
  }

  @Test
  void runsTheCliAsANonRootUserServingByDefault() throws IOException {
    JsonNode manifest = blob(json("index.json").path("manifests").get(0));
    JsonNode config = blob(manifest.path("config"));

    assertThat(config.path("os").asText()).isEqualTo("linux");
    assertThat(config.path("rootfs").path("diff_ids")).hasSameSizeAs(manifest.path("layers"));
    JsonNode run = config.path("config");
    String user = run.path("User").asText();
    assertThat(user).isEqualTo("10001:10001");
    assertThat(user.split(":")[0]).isNotIn("", "0", "root");
    assertThat(strings(run.path("Entrypoint")))
        .startsWith("java")
        .endsWith("dev.vigil.cli.VigilCli");
    assertThat(strings(run.path("Cmd"))).containsExactly("serve");
    assertThat(run.path("ExposedPorts").has("8089/tcp")).isTrue();
    assertThat(run.path("ExposedPorts").has("6060/tcp")).isTrue();
  }

  @Test
  void scansItselfFromTheRigRegistry() throws Exception {
    String ref = Rig.get().open() + "/vigil/vigil:self-scan";
    String manifestDigest = json("index.json").path("manifests").get(0).path("digest").asText();
    skopeo(
        "copy",
        "-q",
        "--dest-tls-verify=false",
        "oci-archive:" + TAR + ":vigil/vigil:0.1.0-SNAPSHOT",
        "docker://" + ref);
    String db = tmp.resolve("vigil.db").toString();
    Path mirror = Files.createDirectories(tmp.resolve("oval"));
    String oval = "oval-definitions-bookworm.xml.bz2";
    Files.copy(
        dev.vigil.testing.Fixtures.fixture("feeds/debian-oval/" + oval), mirror.resolve(oval));
    assertThat(
            vigil(
                "update",
                "--db",
                db,
                "--no-progress",
                "--updaters",
                "debian-oval",
                "--source",
                "debian-oval=" + mirror.toUri()))
        .startsWith("debian-oval: updated");

    JsonNode report =
        JSON.readTree(
            vigil(
                "scan",
                "--db",
                db,
                "--quiet",
                "--format",
                "json",
                "--cache-dir",
                tmp.resolve("cache").toString(),
                ref));

    assertThat(report.path("manifest_hash").asText()).isEqualTo(manifestDigest);
    JsonNode distribution = report.path("distributions").elements().next();
    assertThat(distribution.path("did").asText()).isEqualTo("debian");
    assertThat(distribution.path("version_code_name").asText()).isEqualTo("bookworm");
    List<String> names = new ArrayList<>();
    report.path("packages").forEach(p -> names.add(p.path("name").asText()));
    assertThat(names)
        .hasSizeGreaterThan(100)
        .contains("openjdk-17-jre-headless", "libc6", "ca-certificates", "base-files");
    assertThat(report.has("vulnerabilities")).isTrue();
  }

  private static String vigil(String... args) {
    CliRun run = CliRun.of(args);
    assertThat(run.exitCode()).as("vigil %s: %s", args[0], run.err()).isZero();
    return run.out();
  }

  private static void skopeo(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("skopeo"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] out = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("skopeo finished").isTrue();
    assertThat(process.exitValue()).as(new String(out, StandardCharsets.UTF_8)).isZero();
  }

  private static JsonNode json(String name) throws IOException {
    assertThat(small).containsKey(name);
    return JSON.readTree(small.get(name));
  }

  /** The blob a descriptor names, checked against its digest and size, as JSON. */
  private static JsonNode blob(JsonNode descriptor) throws IOException {
    return json(checkDescriptor(descriptor));
  }

  private static String checkDescriptor(JsonNode descriptor) {
    String digest = descriptor.path("digest").asText();
    assertThat(digest).startsWith("sha256:");
    String name = "blobs/sha256/" + digest.substring("sha256:".length());
    assertThat(sha256).as("blob %s in the tarball", digest).containsKey(name);
    assertThat("sha256:" + sha256.get(name)).isEqualTo(digest);
    assertThat(sizes.get(name)).isEqualTo(descriptor.path("size").asLong());
    return name;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  private static byte[] readHashing(InputStream in, MessageDigest digest, boolean keep)
      throws IOException {
    var kept = keep ? new java.io.ByteArrayOutputStream() : null;
    byte[] buffer = new byte[1 << 16];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      digest.update(buffer, 0, n);
      if (kept != null) {
        kept.write(buffer, 0, n);
      }
    }
    return kept == null ? null : kept.toByteArray();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
