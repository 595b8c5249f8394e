package dev.vigil.layer;

import dev.vigil.spi.ScanException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongSupplier;

/**
 * Passes decompressed bytes through until they outgrow the compressed bytes read so far by more
 * than a ratio, then fails with a {@link ScanException}: a decompression bomb is refused after
 * reading a small, bounded part of it instead of after expanding it to the size limit.
 */
final class ExpansionLimitedInputStream extends FilterInputStream {

  private final LongSupplier compressedBytes;
  private final long maxRatio;
  private final long floor;
  private final String message;
  private long count;

  /**
   * Wraps the decompressed stream {@code in}.
   *
   * @param compressedBytes how many compressed bytes have been read so far
   * @param maxRatio the most decompressed bytes per compressed byte
   * @param floor how many decompressed bytes pass before the ratio is checked
   * @param message the message of the exception thrown when the ratio is exceeded
   */
  ExpansionLimitedInputStream(
      InputStream in, LongSupplier compressedBytes, long maxRatio, long floor, String message) {
    super(in);
    this.compressedBytes = compressedBytes;
    this.maxRatio = maxRatio;
    this.floor = floor;
    this.message = message;
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b >= 0) {
      counted(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = in.read(buffer, offset, length);
    if (n > 0) {
      counted(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    return SizeLimitedInputStream.skipByReading(this, n);
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void counted(long n) throws ScanException {
    count += n;
    if (count > floor && count / Math.max(1, compressedBytes.getAsLong()) > maxRatio) {
      throw new ScanException(message);
    }
  }
}
