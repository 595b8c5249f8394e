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
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DockerArchiveTest {
  private static final String ALPINE = "images/docker-archive/alpine-3.10.4-docker-save.tar.gz";
  private static final String ALPINE_LAYER =
      "71dba1fabbde4baabcdebcde4895d3f3887e388b09cef162f8159cf7daffa1b8/layer.tar";
  private static final String BUSYBOX = "images/docker-archive/busybox-2019-docker-save.tar";
  private static final String JIB = "images/docker-archive/busybox-jib-2019.tar";
  private static final FileFilter ALPINE_FILES =
      FileFilter.exactly("lib/apk/db/installed", "etc/os-release");

  @TempDir Path temp;

  @Test
  void opensAGzippedDockerSaveAndFindsTheAlpineDatabases() throws IOException {
    Path archive = Fixtures.fixture(ALPINE);

    Image image = ImageInput.open("docker-archive:" + archive);

    Digest layer = Digest.sha256(gunzippedEntry(archive, ALPINE_LAYER));
    assertThat(image.layers()).extracting(LayerSource::digest).containsExactly(layer);
    assertThat(image.manifestDigest())
        .isEqualTo(Digest.sha256((layer + "\n").getBytes(UTF_8)))
        .isEqualTo(Image.layerListDigest(image.layers()));
    assertThat(image.name()).isEqualTo("alpine:3.10");
    assertThat(image.platform()).isEqualTo(Platform.LINUX_AMD64);
    try (OverlayTree tree = Trees.of(image, ALPINE_FILES)) {
      assertThat(tree.read("etc/os-release").map(b -> new String(b, UTF_8)))
          .hasValueSatisfying(text -> assertThat(text).contains("VERSION_ID=3.10.4"));
      assertThat(tree.read("lib/apk/db/installed").map(b -> new String(b, UTF_8)))
          .hasValueSatisfying(text -> assertThat(text).contains("P:musl\n"));
    }
  }

  @Test
  void opensTheLegacyLayoutOfAPlainTar() throws IOException {
    Path archive = Fixtures.fixture(BUSYBOX);

    Image image = ImageInput.open("docker-archive:" + archive);

    assertThat(image.name()).isEqualTo("busybox:latest");
    assertThat(image.layers()).hasSize(1);
    assertThat(image.layers().get(0).digest())
        .isEqualTo(
            Digest.sha256(
                entry(
                    archive,
                    "b24e9c9282e3527f42082e754b8163cf690ff479da1eaa0278e3360174deacb4/layer.tar")));
    try (OverlayTree tree = Trees.of(image, FileFilter.under("etc"))) {
      assertThat(tree.list("etc")).contains("etc/passwd", "etc/group");
      assertThat(tree.read("bin/sh")).isEmpty();
    }
  }

  @Test
  void opensAJibArchiveWithLowerCaseKeysAndGzipLayers() throws IOException {
    Image image = ImageInput.open("docker-archive:" + Fixtures.fixture(JIB));

    assertThat(image.name()).isEqualTo("localhost:5000/jib-core:jib-base-image");
    assertThat(image.layers())
        .extracting(layer -> layer.digest().hex())
        .containsExactly(
            "ee153a04d6837058642958836062f20badf39f558be3e6c7c7773ef7d8301d90",
            "931d6c256bc7fa92e0b6355c44306658b0cbdfc3d09c06aafa6a47725b5a58a9");
    try (OverlayTree tree = Trees.of(image, FileFilter.exactly("etc/passwd"))) {
      assertThat(tree.read("etc/passwd")).isPresent();
    }
  }

  @Test
  void stacksLayersOfAMultiLayerArchive() throws IOException {
    Image image =
        ImageInput.open(
            "docker-archive:"
                + Fixtures.fixture("images/docker-archive/edge-cases/overwrite-file.tar"));

    assertThat(image.layers()).hasSize(2);
    try (OverlayTree tree = Trees.of(image, FileFilter.exactly("sample.txt"))) {
      assertThat(tree.read("sample.txt"))
          .hasValue("overwritten sample text file\n".getBytes(UTF_8));
    }
  }

  @Test
  void picksAnImageByTagAndListsTagsWhenAmbiguous() throws IOException {
    byte[] layer =
        entry(
            Fixtures.fixture(BUSYBOX),
            "b24e9c9282e3527f42082e754b8163cf690ff479da1eaa0278e3360174deacb4/layer.tar");
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("blobs/sha256/" + Digest.sha256(layer).hex(), layer);
    files.put(
        "manifest.json",
        ("[{\"Config\":\"\",\"RepoTags\":[\"one:1\"],\"Layers\":[\"blobs/sha256/"
                + Digest.sha256(layer).hex()
                + "\"]},{\"RepoTags\":[\"two:latest\"],\"Layers\":[]}]")
            .getBytes(UTF_8));
    Path archive = Archives.tar(temp.resolve("two.tar"), files, false);

    assertThat(ImageInput.open("docker-archive:" + archive + ":one:1").layers()).hasSize(1);
    assertThat(ImageInput.open("docker-archive:" + archive + ":two").layers()).isEmpty();
    assertThatThrownBy(() -> ImageInput.open("docker-archive:" + archive))
        .isInstanceOf(ScanException.class)
        .hasMessage(
            "docker-archive: the archive holds 2 images; name one (tags: one:1, two:latest)");
    assertThatThrownBy(() -> ImageInput.open("docker-archive:" + archive + ":three"))
        .hasMessageStartingWith("docker-archive: no image tagged 'three'");
  }

  @Test
  void rejectsAManifestThatIsNotJson() throws IOException {
    Path archive =
        Archives.tar(
            temp.resolve("bad.tar"),
            Map.of("manifest.json", "[{\"Layers\": [".getBytes(UTF_8)),
            false);

    assertThatThrownBy(() -> ImageInput.open("docker-archive:" + archive))
        .isInstanceOf(ScanException.class)
        .hasMessageStartingWith("docker-archive: manifest.json is not valid JSON: ")
        .message()
        .doesNotContain("\n");
  }

  @Test
  void rejectsAMissingLayer() throws IOException {
    Path archive =
        Archives.tar(
            temp.resolve("missing.tar"),
            Map.of("manifest.json", "[{\"Layers\":[\"abc/layer.tar\"]}]".getBytes(UTF_8)),
            true);

    assertThatThrownBy(() -> ImageInput.open("docker-archive:" + archive))
        .isInstanceOf(ScanException.class)
        .hasMessage(
            "docker-archive: layer abc/layer.tar listed in manifest.json is missing from "
                + archive);
  }

  @Test
  void rejectsAnArchiveWithoutManifest() {
    Path empty = Fixtures.fixture("images/docker-archive/edge-cases/empty.tar");

    assertThatThrownBy(() -> ImageInput.open("docker-archive:" + empty))
        .isInstanceOf(ScanException.class)
        .hasMessage("docker-archive: " + empty + " has no manifest.json");
  }

  @ParameterizedTest
  @ValueSource(longs = {700_000, 1_000_000, 1_449_000})
  void rejectsATruncatedPlainArchive(long length) throws IOException {
    Path truncated =
        Archives.truncated(Fixtures.fixture(BUSYBOX), temp.resolve("busybox.tar"), length);

    assertThatThrownBy(() -> openAndRead("docker-archive:" + truncated))
        .isInstanceOf(ScanException.class)
        .hasMessageStartingWith("docker-archive: ")
        .message()
        .doesNotContain("\n");
  }

  @ParameterizedTest
  @ValueSource(longs = {100, 1_000_000, 2_707_700})
  void rejectsATruncatedGzipArchive(long length) throws IOException {
    Path truncated = Archives.truncated(Fixtures.fixture(ALPINE), temp.resolve("a.tar.gz"), length);

    assertThatThrownBy(() -> openAndRead("docker-archive:" + truncated))
        .isInstanceOf(ScanException.class)
        .hasMessageStartingWith("docker-archive: " + truncated + " is not a readable tar archive");
  }

  @Test
  void rejectsAMissingFile() {
    assertThatThrownBy(() -> ImageInput.open("docker-archive:" + temp.resolve("nope.tar")))
        .isInstanceOf(ScanException.class)
        .hasMessage("docker-archive: no such file: " + temp.resolve("nope.tar"));
  }

  /** Opens the image and reads every layer through, as a scan would. */
  private static void openAndRead(String input) throws IOException {
    for (LayerSource layer : ImageInput.open(input).layers()) {
      layer.read(entry -> entry.content().readAllBytes());
    }
  }

  private static byte[] entry(Path tar, String name) throws IOException {
    try (InputStream in = Files.newInputStream(tar)) {
      return find(new TarArchiveInputStream(in), name);
    }
  }

  private static byte[] gunzippedEntry(Path tarGz, String name) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(tarGz))) {
      return find(new TarArchiveInputStream(in), name);
    }
  }

  private static byte[] find(TarArchiveInputStream tar, String name) throws IOException {
    for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
      if (e.getName().equals(name)) {
        return tar.readAllBytes();
      }
    }
    throw new IllegalArgumentException(name);
  }

  @Test
  void keepsTheLayerOrderOfTheManifest() throws IOException {
    Image image =
        ImageInput.open(
            "docker-archive:" + Fixtures.fixture("images/docker-archive/edge-cases/basic.tar"));

    assertThat(image.layers()).hasSize(2);
    try (OverlayTree tree = Trees.of(image, path -> true)) {
      assertThat(tree.list("")).isEqualTo(List.of("larger-sample.txt", "sample.txt"));
    }
  }
}
