package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.image.ImageInput;
import dev.vigil.layer.LayerSource;
import dev.vigil.model.Json;
import dev.vigil.registry.Rig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code vigil scan} of the rig's images from each of its four registries (open, basic, token,
 * TLS): the report equals the one from the image's OCI archive, and, layer digests aside (the
 * docker-save archive stores layers uncompressed), the one from its docker-save archive.
 */
class ScanRegistryTest {
  private static final Rig RIG = Rig.get();

  @TempDir Path tmp;

  /** The registries, each with the flags that reach it. */
  static Stream<Arguments> registries() {
    List<String> user =
        List.of(
            "--username", RIG.credential().username(), "--password", RIG.credential().password());
    return Stream.of(
        Arguments.of("open", RIG.open(), List.of()),
        Arguments.of("basic", RIG.basic(), user),
        Arguments.of("token", RIG.token(), user),
        Arguments.of("tls", RIG.tls(), List.of("--ca-cert", RIG.tlsCa().toString())));
  }

  /** The reports of the archives, scanned once for all tests against an empty store. */
  private static final Map<String, JsonNode> ARCHIVE_REPORTS = new ConcurrentHashMap<>();

  private JsonNode archive(String input) throws IOException {
    JsonNode known = ARCHIVE_REPORTS.get(input);
    if (known == null) {
      known = scan(List.of(), input);
      ARCHIVE_REPORTS.put(input, known);
    }
    return known;
  }

  private JsonNode scan(List<String> flags, String image) throws IOException {
    List<String> args = new ArrayList<>(List.of("scan", "--format", "json"));
    args.addAll(List.of("--db", tmp.resolve("vigil.db").toString()));
    args.addAll(List.of("--cache-dir", tmp.resolve("cache").toString()));
    args.addAll(flags);
    args.add(image);
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isZero();
    return Json.mapper().readTree(run.out());
  }

  /** The report with manifest_hash dropped and each layer digest replaced by its position. */
  private static String layersByPosition(JsonNode report, String archiveInput) throws IOException {
    List<LayerSource> layers = ImageInput.open(archiveInput).layers();
    ObjectNode copy = report.deepCopy();
    copy.remove("manifest_hash");
    String text = copy.toString();
    for (int i = 0; i < layers.size(); i++) {
      text = text.replace(layers.get(i).digest().toString(), "layer-" + i);
    }
    return text;
  }

  private static String withRegistryLayersByPosition(JsonNode report, String ociArchive)
      throws IOException {
    return layersByPosition(report, "oci-archive:" + RIG.archive(ociArchive));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("registries")
  void theDebianImageScansAsItsArchivesDo(String name, String registry, List<String> flags)
      throws IOException {
    JsonNode pulled = scan(flags, registry + "/" + RIG.value("RIG_IMG_DEBIAN_MINBASE_BOOKWORM"));
    JsonNode oci = archive("oci-archive:" + RIG.archive("debian-minbase-bookworm.oci.tar"));
    String dockerArchive = "docker-archive:" + RIG.archive("debian-minbase-bookworm.docker.tar");
    JsonNode docker = archive(dockerArchive);

    assertThat(pulled.get("manifest_hash").asText())
        .isEqualTo(RIG.value("RIG_IMG_DEBIAN_MINBASE_BOOKWORM_DIGEST"));
    assertThat(pulled).isEqualTo(oci);
    assertThat(pulled.get("distributions").toString()).contains("\"version_id\":\"12\"");
    assertThat(withRegistryLayersByPosition(pulled, "debian-minbase-bookworm.oci.tar"))
        .isEqualTo(layersByPosition(docker, dockerArchive));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("registries")
  void theTinyMultiArchImageScansAsItsArchivesDo(String name, String registry, List<String> flags)
      throws IOException {
    JsonNode pulled = scan(flags, registry + "/rig/tiny:multiarch");
    JsonNode oci = archive("oci-archive:" + RIG.archive("tiny.oci.tar"));
    String dockerArchive = "docker-archive:" + RIG.archive("tiny.docker.tar");

    assertThat(pulled.get("manifest_hash").asText())
        .isEqualTo(RIG.value("RIG_IMG_TINY_1_0_DIGEST"));
    assertThat(pulled).isEqualTo(oci);
    assertThat(withRegistryLayersByPosition(pulled, "tiny.oci.tar"))
        .isEqualTo(layersByPosition(archive(dockerArchive), dockerArchive));
  }

  @Test
  void picksTheRequestedPlatform() throws IOException {
    JsonNode amd64 = scan(List.of(), RIG.open() + "/rig/tiny:multiarch");
    JsonNode arm64 = scan(List.of("--platform", "linux/arm64"), RIG.open() + "/rig/tiny:multiarch");

    assertThat(amd64.get("manifest_hash").asText()).isEqualTo(RIG.value("RIG_IMG_TINY_1_0_DIGEST"));
    assertThat(arm64.get("manifest_hash").asText())
        .isNotEqualTo(amd64.get("manifest_hash").asText());
  }
}
