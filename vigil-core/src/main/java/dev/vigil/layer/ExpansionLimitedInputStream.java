package dev.vigil.layer;

import dev.vigil.spi.ScanException;
import java.io.InputStream;
import java.util.function.LongSupplier;

/**
 * Passes decompressed bytes through until they outgrow the compressed bytes read so far by more
 * than a ratio, then fails with a {@link ScanException}: a decompression bomb is refused after
 * reading a small, bounded part of it instead of after expanding it to the size limit.
 */
final class ExpansionLimitedInputStream extends CountingGuardStream {

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
  void counted(long n) throws ScanException {
    count += n;
    if (count > floor && count / Math.max(1, compressedBytes.getAsLong()) > maxRatio) {
      throw new ScanException(message);
    }
  }
}
