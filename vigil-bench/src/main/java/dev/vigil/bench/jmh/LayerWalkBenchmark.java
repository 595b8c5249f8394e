package dev.vigil.bench.jmh;

import static dev.vigil.testing.Fixtures.fixture;

import dev.vigil.layer.LayerCollector;
import dev.vigil.layer.LayerSnapshot;
import dev.vigil.layer.TarLayer;
import dev.vigil.model.Digest;
import dev.vigil.spi.FileFilter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Walks one layer held in memory, the Alpine 3.20.3 minirootfs (fixtures/rootfs, 3.6 MB gzip, 8.5
 * MB of tar), through {@link TarLayer} and {@link LayerCollector} keeping the package databases a
 * scan keeps: gzip-compressed as a registry serves it, or already decompressed (the walk alone).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LayerWalkBenchmark {
  private static final Digest LAYER = Digest.parse("sha256:" + "1a".repeat(32));
  private static final FileFilter WANTED =
      FileFilter.exactly("lib/apk/db/installed", "etc/os-release", "var/lib/dpkg/status");

  @Param({"gzip", "tar"})
  public String form;

  private byte[] layer;

  /** Reads the layer into memory, decompressed for {@code tar}. */
  @Setup
  public void setUp() throws IOException {
    byte[] gzip =
        Files.readAllBytes(fixture("rootfs/alpine/alpine-minirootfs-3.20.3-x86_64.tar.gz"));
    if ("gzip".equals(form)) {
      layer = gzip;
    } else {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
        layer = in.readAllBytes();
      }
    }
  }

  /** One walk; returns the number of files kept. */
  @Benchmark
  public int walk() throws IOException {
    TarLayer tar = new TarLayer(LAYER, () -> new ByteArrayInputStream(layer));
    try (LayerSnapshot snapshot = new LayerCollector(WANTED).collect(tar)) {
      return snapshot.files().size();
    }
  }
}
