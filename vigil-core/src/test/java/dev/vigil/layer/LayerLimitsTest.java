package dev.vigil.layer;

import static dev.vigil.layer.GeneratedStreams.gzip;
import static dev.vigil.layer.GeneratedStreams.header;
import static dev.vigil.layer.GeneratedStreams.manyFiles;
import static dev.vigil.layer.GeneratedStreams.repeated;
import static dev.vigil.layer.GeneratedStreams.tar;
import static dev.vigil.layer.GeneratedStreams.zeros;
import static dev.vigil.layer.GeneratedStreams.zstd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.layer.GeneratedStreams.ZeroFile;
import dev.vigil.model.Digest;
import dev.vigil.spi.FileFilter;
import dev.vigil.spi.ScanException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.io.input.BoundedInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile layers generated as streams: decompression bombs (1000:1 and 100 GB), a million tiny
 * files, a 4 GiB file nobody asked for, an entry flood. Each is refused early with a clear error or
 * read with memory bounded by what the scanners want.
 */
class LayerLimitsTest {
  private static final long HUNDRED_GB = 100L << 30;
  private static final int MEMBER = 64 << 20;
  private static final Digest DIGEST =
      Digest.parse("sha256:1111111111111111111111111111111111111111111111111111111111111111");

  @TempDir Path spool;

  @Test
  void refusesAGzipBombOf1000To1AfterReadingLittleOfIt() throws IOException {
    byte[] member = gzip(zeros(MEMBER));
    byte[] head = gzip(new ByteArrayInputStream(header(new ZeroFile("bomb", HUNDRED_GB))));
    assertThat((double) MEMBER / member.length).isGreaterThan(1000);
    AtomicLong compressedRead = new AtomicLong();
    TarLayer layer =
        layerOf(() -> counted(repeated(head, member, HUNDRED_GB / MEMBER), compressedRead));

    assertThatThrownBy(() -> readAll(layer))
        .isInstanceOf(ScanException.class)
        .hasMessage("layer " + DIGEST + ": expands more than 1000:1 (a decompression bomb?)");
    assertThat(compressedRead.get()).isLessThan(4L << 20);
  }

  @Test
  void refusesA100GbZstdBombAfterReadingLittleOfIt() throws IOException {
    byte[] member = zstd(zeros(MEMBER));
    byte[] head = zstd(new ByteArrayInputStream(header(new ZeroFile("bomb", HUNDRED_GB))));
    AtomicLong compressedRead = new AtomicLong();
    TarLayer layer =
        layerOf(() -> counted(repeated(head, member, HUNDRED_GB / MEMBER), compressedRead));

    assertThatThrownBy(() -> readAll(layer))
        .isInstanceOf(ScanException.class)
        .hasMessageContaining("expands more than 1000:1");
    assertThat(compressedRead.get()).isLessThan(1L << 20);
  }

  @Test
  void acceptsADenseLayerBelowTheRatioFloor() throws IOException {
    byte[] member = gzip(zeros(MEMBER));
    byte[] head = gzip(new ByteArrayInputStream(header(new ZeroFile("zeros", 8L * MEMBER))));
    TarLayer layer = layerOf(() -> repeated(head, member, 8 + 1));

    assertThat(readAll(layer)).isEqualTo(1);
  }

  @Test
  void refusesMoreEntriesThanTheLimit() {
    LayerLimits limits = LayerLimits.DEFAULTS;
    TarLayer layer =
        new TarLayer(
            DIGEST,
            () -> tar(manyFiles("etc", 1001, 1)),
            new LayerLimits(
                limits.maxUncompressedBytes(),
                limits.maxExpansionRatio(),
                limits.ratioFloor(),
                1000));

    assertThatThrownBy(() -> readAll(layer))
        .isInstanceOf(ScanException.class)
        .hasMessage("layer " + DIGEST + ": more than 1000 entries");
  }

  @Test
  void aMillionTinyFilesLeaveNothingBehindWhenNothingBelowIsHidden() throws IOException {
    TarLayer layer = layerOf(() -> tar(manyFiles("usr/share/doc", 1_000_000, 1)));
    LayerCollector collector =
        new LayerCollector(FileFilter.exactly("etc/os-release"), 1024, spool);

    try (LayerSnapshot snapshot = collector.collect(layer, path -> false)) {
      assertThat(snapshot.files()).isEmpty();
      assertThat(snapshot.unkeptPaths()).isEmpty();
      assertThat(snapshot.directories()).isEmpty();
    }
  }

  @Test
  void anUnwantedFileStillHidesWhatALowerLayerKept() throws IOException {
    TarLayer layer = layerOf(() -> tar(manyFiles("var/lib", 3, 1)));
    LayerCollector collector =
        new LayerCollector(FileFilter.exactly("etc/os-release"), 1024, spool);

    try (LayerSnapshot snapshot = collector.collect(layer, "var/lib/d0/f1"::equals)) {
      assertThat(snapshot.unkeptPaths()).containsExactly("var/lib/d0/f1");
    }
  }

  @Test
  void aFourGibFileNobodyAskedForIsStreamedPast() throws IOException {
    long size = (4L << 30) + 1;
    Iterator<ZeroFile> files =
        List.of(new ZeroFile("var/cache/big.bin", size), new ZeroFile("etc/os-release", 3))
            .iterator();
    TarLayer layer = layerOf(() -> tar(files));
    LayerCollector collector =
        new LayerCollector(FileFilter.exactly("etc/os-release"), 1024, spool);

    try (LayerSnapshot snapshot = collector.collect(layer, path -> false)) {
      assertThat(snapshot.files()).containsOnlyKeys("etc/os-release");
    }
    try (var left = Files.list(spool)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void readsItsLimitsFromTheEnvironment() {
    LayerLimits limits =
        LayerLimits.from(Map.of("VIGIL_LAYER_MAX_RATIO", "50", "VIGIL_LAYER_MAX_ENTRIES", " 9 "));

    assertThat(limits.maxExpansionRatio()).isEqualTo(50);
    assertThat(limits.maxEntries()).isEqualTo(9);
    assertThat(limits.maxUncompressedBytes())
        .isEqualTo(LayerLimits.DEFAULTS.maxUncompressedBytes());
    assertThatThrownBy(() -> LayerLimits.from(Map.of("VIGIL_LAYER_MAX_BYTES", "lots")))
        .hasMessage("VIGIL_LAYER_MAX_BYTES must be a whole number, not 'lots'");
    assertThatThrownBy(() -> LayerLimits.from(Map.of("VIGIL_LAYER_MAX_ENTRIES", "0")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static TarLayer layerOf(BlobOpener opener) {
    return new TarLayer(DIGEST, opener, LayerLimits.DEFAULTS);
  }

  private static InputStream counted(InputStream in, AtomicLong read) throws IOException {
    return BoundedInputStream.builder()
        .setInputStream(in)
        .setAfterRead(n -> read.addAndGet(Math.max(0, n)))
        .get();
  }

  /** Reads every entry's content; returns the number of entries. */
  private static int readAll(TarLayer layer) throws IOException {
    int[] entries = {0};
    layer.read(
        entry -> {
          entry.content().transferTo(java.io.OutputStream.nullOutputStream());
          entries[0]++;
        });
    return entries[0];
  }
}
