package dev.vigil.layer;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vigil.model.Digest;
import dev.vigil.spi.ScanException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the layer walker: any blob (plain, gzip or zstd tar) is either collected into a snapshot
 * or refused with a {@link ScanException}; nothing is ever written outside the spool directory.
 */
class TarLayerFuzzTest {

  private static final Digest DIGEST =
      Digest.parse("sha256:0000000000000000000000000000000000000000000000000000000000000000");

  @TempDir Path spool;

  @FuzzTest(maxDuration = "10m")
  void collectsOrRefuses(byte[] blob) throws IOException {
    TarLayer layer = new TarLayer(DIGEST, () -> new ByteArrayInputStream(blob), 1 << 20);
    LayerCollector collector = new LayerCollector(path -> true, 4096, spool);
    try (LayerSnapshot snapshot = collector.collect(layer)) {
      snapshot.files().size();
    } catch (ScanException expected) {
      // a clear refusal is the only allowed failure
    }
    try (var left = Files.list(spool)) {
      if (left.findAny().isPresent()) {
        throw new AssertionError("the spool directory kept files after the snapshot closed");
      }
    }
  }
}
