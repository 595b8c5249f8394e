package dev.vigil.layer;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** How a blob is compressed, recognized by its magic bytes rather than by any file name. */
public enum Compression {
  /** Not compressed: a plain tar or any other data. */
  NONE,
  /** gzip (RFC 1952), possibly several concatenated members. */
  GZIP,
  /** Zstandard frames. */
  ZSTD;

  private static final int MAGIC_LENGTH = 4;
  private static final int BUFFER = 64 * 1024;

  /** Recognizes the compression from the first bytes of a blob (fewer than four are fine). */
  public static Compression detect(byte[] head) {
    if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
      return GZIP;
    }
    if (head.length >= MAGIC_LENGTH
        && (head[0] & 0xff) == 0x28
        && (head[1] & 0xff) == 0xb5
        && (head[2] & 0xff) == 0x2f
        && (head[3] & 0xff) == 0xfd) {
      return ZSTD;
    }
    return NONE;
  }

  /**
   * Peeks at the first bytes of {@code in} and returns a stream of its decompressed content;
   * closing the result closes {@code in}.
   *
   * @throws IOException when the stream cannot be read or its compressed header is malformed
   */
  public static InputStream decompress(InputStream in) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in, BUFFER);
    buffered.mark(MAGIC_LENGTH);
    byte[] head = buffered.readNBytes(MAGIC_LENGTH);
    buffered.reset();
    return switch (detect(head)) {
      case GZIP ->
          // every member, even where the source cannot tell how many bytes remain (available()
          // is 0), which makes java.util.zip.GZIPInputStream stop after the first member
          GzipCompressorInputStream.builder()
              .setInputStream(buffered)
              .setDecompressConcatenated(true)
              .get();
      case ZSTD -> new ZstdInputStreamNoFinalizer(buffered);
      case NONE -> buffered;
    };
  }
}
