package dev.vigil.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.vigil.model.Digest;
import dev.vigil.spi.ScanException;
import dev.vigil.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TarLayerTest {
  private static final String EDGE_CASES = "images/tar-edge-cases/";
  private static final String BUSYBOX_LAYER =
      "b24e9c9282e3527f42082e754b8163cf690ff479da1eaa0278e3360174deacb4/layer.tar";

  @Test
  void readsPlainGzipAndZstdLayersAlike() throws IOException {
    byte[] tar =
        new TestLayers.TarBuilder()
            .dir("etc")
            .file("etc/os-release", "ID=alpine\n")
            .symlink("etc/mtab", "../proc/mounts")
            .hardLink("etc/release", "etc/os-release")
            .build();

    List<String> plain = entries(TestLayers.inMemory(tar));

    assertThat(plain)
        .containsExactly(
            "DIRECTORY etc/ ",
            "FILE etc/os-release ID=alpine\n",
            "SYMLINK etc/mtab ../proc/mounts",
            "HARDLINK etc/release etc/os-release");
    assertThat(entries(TestLayers.inMemory(TestLayers.gzip(tar)))).isEqualTo(plain);
    assertThat(entries(TestLayers.inMemory(TestLayers.zstd(tar)))).isEqualTo(plain);
  }

  @Test
  void readsARealDockerLayer() throws IOException {
    byte[] blob =
        TestLayers.entryOf(
            Fixtures.fixture("images/docker-archive/busybox-2019-docker-save.tar"), BUSYBOX_LAYER);
    List<String> types = new ArrayList<>();

    TestLayers.inMemory(TestLayers.gzip(blob)).read(entry -> types.add(entry.type().name()));

    assertThat(types).contains("FILE", "DIRECTORY", "HARDLINK").hasSizeGreaterThan(400);
  }

  @Test
  void mapsHardLinksAndKeepsContent() throws IOException {
    assertThat(entries(fixtureLayer("hardlink.tar")))
        .containsExactly("FILE file.txt Slartibartfast\n", "HARDLINK hard.txt file.txt");
  }

  @Test
  void readsBothHalvesOfConcatenatedTars() throws IOException {
    assertThat(entries(fixtureLayer("claircore-concat.tar")))
        .contains(
            "SYMLINK ./var/run ../run",
            "DIRECTORY ./var/run/ ",
            "FILE ./var/run/console/algo.txt ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"gnu.tar", "star.tar", "v7.tar", "xattrs.tar"})
  void readsHeaderVariants(String name) throws IOException {
    assertThat(entries(fixtureLayer(name)))
        .containsExactly("FILE small.txt Kilts", "FILE small2.txt Google.com\n");
  }

  @Test
  void readsLongPaxAndUstarNames() throws IOException {
    assertThat(entries(fixtureLayer("pax.tar")))
        .hasSize(2)
        .last()
        .asString()
        .startsWith("SYMLINK a/b 1234567891011");
    assertThat(entries(fixtureLayer("ustar.tar")))
        .singleElement()
        .asString()
        .startsWith("FILE longname/longname/")
        .endsWith("/file.txt hello\n");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "issue10968.tar",
        "issue11169.tar",
        "neg-size.tar",
        "pax-path-hdr.tar",
        "writer-big-long.tar",
        "sparse-formats.tar"
      })
  void rejectsMalformedTarsWithTheLayerDigest(String name) throws IOException {
    TarLayer layer = fixtureLayer(name);

    assertThatThrownBy(() -> entries(layer))
        .isInstanceOf(ScanException.class)
        .hasMessageStartingWith("layer " + layer.digest() + ": ");
  }

  @ParameterizedTest
  @MethodSource("edgeCases")
  void everyEdgeCaseReadsOrFailsCleanlyAndQuickly(Path file) throws IOException {
    TarLayer layer = TarLayer.ofFile(Digest.sha256(Files.readAllBytes(file)), file);

    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () -> {
          try {
            entries(layer);
          } catch (ScanException e) {
            assertThat(e).hasMessageContaining(layer.digest().toString());
          }
        });
  }

  static Stream<Path> edgeCases() throws IOException {
    try (Stream<Path> files = Files.list(Fixtures.fixture(EDGE_CASES))) {
      return files.sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void rejectsATarTruncatedInsideAnEntry(boolean readContent) throws IOException {
    byte[] blob =
        TestLayers.entryOf(
            Fixtures.fixture("images/docker-archive/busybox-2019-docker-save.tar"), BUSYBOX_LAYER);
    TarLayer layer = TestLayers.inMemory(Arrays.copyOf(blob, blob.length / 2 + 100));

    assertThatThrownBy(
            () ->
                layer.read(
                    entry -> {
                      if (readContent) {
                        entry.content().readAllBytes();
                      }
                    }))
        .isInstanceOf(ScanException.class)
        .hasMessageStartingWith("layer " + layer.digest() + ": ")
        .hasMessageContaining("runcated");
  }

  @Test
  void rejectsATruncatedGzipLayer() throws IOException {
    byte[] blob =
        TestLayers.entryOf(
            Fixtures.fixture("images/docker-archive/busybox-2019-docker-save.tar"), BUSYBOX_LAYER);
    byte[] gzip = TestLayers.gzip(blob);
    TarLayer layer = TestLayers.inMemory(Arrays.copyOf(gzip, gzip.length - 10));

    assertThatThrownBy(() -> layer.read(entry -> {}))
        .isInstanceOf(ScanException.class)
        .hasMessageStartingWith("layer " + layer.digest() + ": ");
  }

  @Test
  void rejectsABadGzipHeader() {
    byte[] blob = {0x1f, (byte) 0x8b, 0x42, 0x00, 0x13, 0x37};
    TarLayer layer = TestLayers.inMemory(blob);

    assertThatThrownBy(() -> layer.read(entry -> {}))
        .isInstanceOf(ScanException.class)
        .hasMessageStartingWith("layer " + layer.digest() + ": cannot decompress");
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void refusesAGzipBombBeyondTheLimit(boolean readContent) throws IOException {
    byte[] bomb = gzipBomb(64L << 20);
    assertThat(bomb.length).isLessThan(256 * 1024);
    TarLayer layer =
        new TarLayer(Digest.sha256(bomb), () -> new ByteArrayInputStream(bomb), 1 << 20);

    assertThatThrownBy(
            () ->
                layer.read(
                    entry -> {
                      if (readContent) {
                        entry.content().readAllBytes();
                      }
                    }))
        .isInstanceOf(ScanException.class)
        .hasMessage(
            "layer " + layer.digest() + ": uncompressed size exceeds the limit of 1048576 bytes");
  }

  @Test
  void acceptsALayerWithinTheLimit() throws IOException {
    byte[] bomb = gzipBomb(4L << 20);
    TarLayer layer =
        new TarLayer(Digest.sha256(bomb), () -> new ByteArrayInputStream(bomb), 8 << 20);

    assertThat(entries(layer)).hasSize(1);
  }

  /** A gzip stream of a tar holding one file of {@code size} zero bytes, written as it streams. */
  private static byte[] gzipBomb(long size) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gzip = new GZIPOutputStream(out);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip)) {
      TarArchiveEntry entry = new TarArchiveEntry("zeros");
      entry.setSize(size);
      tar.putArchiveEntry(entry);
      byte[] chunk = new byte[1 << 16];
      for (long written = 0; written < size; written += chunk.length) {
        tar.write(chunk, 0, (int) Math.min(chunk.length, size - written));
      }
      tar.closeArchiveEntry();
    }
    return out.toByteArray();
  }

  private static TarLayer fixtureLayer(String name) throws IOException {
    Path file = Fixtures.fixture(EDGE_CASES + name);
    return TarLayer.ofFile(Digest.sha256(Files.readAllBytes(file)), file);
  }

  /** Each entry as "TYPE path content-or-link-target". */
  private static List<String> entries(LayerSource layer) throws IOException {
    List<String> entries = new ArrayList<>();
    layer.read(
        entry -> {
          String detail =
              entry.type() == LayerEntry.Type.FILE
                  ? new String(entry.content().readAllBytes(), StandardCharsets.UTF_8)
                  : entry.linkTarget();
          entries.add(entry.type() + " " + entry.path() + " " + detail);
        });
    return entries;
  }
}
