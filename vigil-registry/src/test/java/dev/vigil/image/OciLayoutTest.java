package dev.vigil.image;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.layer.LayerSource;
import dev.vigil.layer.OverlayTree;
import dev.vigil.model.Digest;
import dev.vigil.registry.Platform;
import dev.vigil.spi.FileFilter;
import dev.vigil.spi.ScanException;
import dev.vigil.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OciLayoutTest {
  private static final String MANIFEST =
      "sha256:afb744871f99e0ff8e6f253244836ed34c5d805fdb096d3a205ffaf5e9073cab";
  private static final String LAYER =
      "sha256:cdd16bd695eda2819e7637648f573c2ca64896c4f7bff9732ac9db734ca3bc2c";

  @TempDir Path temp;
  private Path layout;

  @BeforeEach
  void copyHelloWorld() throws IOException {
    layout =
        Archives.copyTree(Fixtures.fixture("images/oci-layout/hello-world"), temp.resolve("oci"));
  }

  @Test
  void opensTheHelloWorldLayout() throws IOException {
    Path fixture = Fixtures.fixture("images/oci-layout/hello-world");

    Image image = ImageInput.open("oci:" + fixture);

    assertThat(image.manifestDigest()).hasToString(MANIFEST);
    assertThat(image.layers())
        .extracting(layer -> layer.digest().toString())
        .containsExactly(LAYER);
    assertThat(image.platform()).isEqualTo(Platform.LINUX_AMD64);
    assertThat(image.name()).isEqualTo("oci:" + fixture);
    try (OverlayTree tree = Trees.of(image, FileFilter.exactly("hello"))) {
      assertThat(tree.read("hello")).hasValueSatisfying(bytes -> assertThat(bytes).hasSize(13336));
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void opensTheSameLayoutInsideATar(boolean gzip) throws IOException {
    Path archive = Archives.tarDirectory(temp.resolve("hello.tar"), layout, gzip);

    Image prefixed = ImageInput.open("oci-archive:" + archive);
    Image detected = ImageInput.open(archive.toString());

    assertThat(prefixed.manifestDigest()).hasToString(MANIFEST);
    assertThat(detected.manifestDigest()).hasToString(MANIFEST);
    try (OverlayTree tree = Trees.of(prefixed, FileFilter.exactly("hello"))) {
      assertThat(tree.read("hello")).isPresent();
    }
  }

  @Test
  void picksAnImageByRefName() throws IOException {
    writeIndex(
        "{\"schemaVersion\":2,\"manifests\":["
            + descriptor(MANIFEST, 345, "{\"org.opencontainers.image.ref.name\":\"latest\"}")
            + ","
            + descriptor(MANIFEST, 345, "{\"org.opencontainers.image.ref.name\":\"v1\"}")
            + "]}");

    Image image = ImageInput.open("oci:" + layout + ":v1");

    assertThat(image.manifestDigest()).hasToString(MANIFEST);
    assertThat(image.name()).isEqualTo("oci:" + layout + ":v1");
    assertThatThrownBy(() -> ImageInput.open("oci:" + layout))
        .isInstanceOf(ScanException.class)
        .hasMessage("oci: " + layout + " holds several images; name one (refs: latest, v1)");
    assertThatThrownBy(() -> ImageInput.open("oci:" + layout + ":v2"))
        .hasMessage("oci: no image named 'v2' in " + layout + " (refs: latest, v1)");
  }

  @Test
  void resolvesANestedIndexToThePlatform() throws IOException {
    byte[] manifest = Files.readAllBytes(blob(MANIFEST));
    byte[] armManifest = (new String(manifest, UTF_8) + "\n").getBytes(UTF_8);
    Digest arm = writeBlob(armManifest);
    Digest nested =
        writeBlob(
            ("{\"schemaVersion\":2,\"manifests\":["
                    + platformDescriptor(MANIFEST, manifest.length, "amd64", "")
                    + ","
                    + platformDescriptor(arm.toString(), armManifest.length, "arm64", "v8")
                    + "]}")
                .getBytes(UTF_8));
    writeIndex(
        "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":"
            + "\"application/vnd.oci.image.index.v1+json\",\"digest\":\""
            + nested
            + "\",\"annotations\":{\"org.opencontainers.image.ref.name\":\"multi\"}}]}");

    assertThat(ImageInput.open("oci:" + layout).manifestDigest()).hasToString(MANIFEST);
    assertThat(ImageInput.open("oci:" + layout).name()).isEqualTo("oci:" + layout + ":multi");
    assertThat(ImageInput.open("oci:" + layout, Platform.parse("linux/arm64")).manifestDigest())
        .isEqualTo(arm);
    assertThatThrownBy(() -> ImageInput.open("oci:" + layout, Platform.parse("linux/s390x")))
        .isInstanceOf(ScanException.class)
        .hasMessage(
            "oci: index "
                + nested
                + " has no image for linux/s390x (it has linux/amd64, linux/arm64/v8)");
  }

  @Test
  void rejectsAManifestThatDoesNotMatchItsDigest() throws IOException {
    Files.writeString(blob(MANIFEST), "{\"schemaVersion\":2,\"layers\":[]}");

    assertThatThrownBy(() -> ImageInput.open("oci:" + layout))
        .isInstanceOf(ScanException.class)
        .hasMessageStartingWith("oci: blob " + MANIFEST + " does not match its digest");
  }

  @Test
  void rejectsALayerThatDoesNotMatchItsDigestWhileReadingIt() throws IOException {
    byte[] tar;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(blob(LAYER)))) {
      tar = in.readAllBytes();
    }
    ByteArrayOutputStream regzipped = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(regzipped)) {
      out.write(tar);
      out.write(new byte[512]);
    }
    Files.write(blob(LAYER), regzipped.toByteArray());
    Image image = ImageInput.open("oci:" + layout);

    assertThatThrownBy(() -> image.layers().get(0).read(entry -> entry.content().readAllBytes()))
        .isInstanceOf(ScanException.class)
        .hasMessageStartingWith("oci: blob " + LAYER + " does not match its digest");
  }

  @Test
  void rejectsAMissingLayerBlob() throws IOException {
    Files.delete(blob(LAYER));

    assertThatThrownBy(() -> ImageInput.open("oci:" + layout))
        .isInstanceOf(ScanException.class)
        .hasMessage("oci: layer blob " + LAYER + " is missing from " + layout);
  }

  @Test
  void rejectsADirectoryWithoutLayoutFile() throws IOException {
    Files.delete(layout.resolve("oci-layout"));

    assertThatThrownBy(() -> ImageInput.open("oci:" + layout))
        .isInstanceOf(ScanException.class)
        .hasMessage("oci: " + layout + " has no oci-layout file");
  }

  @Test
  void rejectsAnIndexThatIsNotJson() throws IOException {
    writeIndex("{\"manifests\": [");

    assertThatThrownBy(() -> ImageInput.open("oci:" + layout))
        .isInstanceOf(ScanException.class)
        .hasMessageStartingWith("oci: index.json is not valid JSON: ");
  }

  @Test
  void rejectsATruncatedArchive() throws IOException {
    Path archive = Archives.tarDirectory(temp.resolve("hello.tar"), layout, false);
    Path truncated = Archives.truncated(archive, temp.resolve("cut.tar"), Files.size(archive) / 2);

    assertThatThrownBy(
            () -> {
              for (LayerSource layer : ImageInput.open("oci-archive:" + truncated).layers()) {
                layer.read(entry -> entry.content().readAllBytes());
              }
            })
        .isInstanceOf(ScanException.class)
        .hasMessageStartingWith("oci-archive: ");
  }

  private Path blob(String digest) {
    return layout.resolve("blobs/sha256").resolve(digest.substring("sha256:".length()));
  }

  private Digest writeBlob(byte[] bytes) throws IOException {
    Digest digest = Digest.sha256(bytes);
    Files.write(blob(digest.toString()), bytes);
    return digest;
  }

  private void writeIndex(String json) throws IOException {
    Files.writeString(layout.resolve("index.json"), json);
  }

  private static String descriptor(String digest, long size, String annotations) {
    return "{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\""
        + digest
        + "\",\"size\":"
        + size
        + ",\"annotations\":"
        + annotations
        + "}";
  }

  private static String platformDescriptor(
      String digest, long size, String architecture, String variant) {
    return "{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\""
        + digest
        + "\",\"size\":"
        + size
        + ",\"platform\":{\"os\":\"linux\",\"architecture\":\""
        + architecture
        + "\""
        + (variant.isEmpty() ? "" : ",\"variant\":\"" + variant + "\"")
        + "}}";
  }
}
