package dev.vigil.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CompressionTest {
  private static final byte[] DATA = "a small layer\n".repeat(100).getBytes(StandardCharsets.UTF_8);

  @Test
  void detectsByMagicBytes() throws IOException {
    assertThat(Compression.detect(TestLayers.gzip(DATA))).isEqualTo(Compression.GZIP);
    assertThat(Compression.detect(TestLayers.zstd(DATA))).isEqualTo(Compression.ZSTD);
    assertThat(Compression.detect(DATA)).isEqualTo(Compression.NONE);
    assertThat(Compression.detect(new byte[] {0x1f})).isEqualTo(Compression.NONE);
    assertThat(Compression.detect(new byte[0])).isEqualTo(Compression.NONE);
  }

  @Test
  void decompressesWhateverItDetects() throws IOException {
    for (byte[] blob : new byte[][] {DATA, TestLayers.gzip(DATA), TestLayers.zstd(DATA)}) {
      try (InputStream in = Compression.decompress(new ByteArrayInputStream(blob))) {
        assertThat(in.readAllBytes()).isEqualTo(DATA);
      }
    }
  }

  @Test
  void decompressesAnEmptyStreamToNothing() throws IOException {
    try (InputStream in = Compression.decompress(InputStream.nullInputStream())) {
      assertThat(in.readAllBytes()).isEmpty();
    }
  }
}
