package dev.vigil.layer;

import dev.vigil.spi.ScanException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Passes bytes through until more than a limit have been read, then fails with a {@link
 * ScanException}: the guard against decompression bombs. Skipping reads the skipped bytes, so they
 * count and a premature end is seen.
 */
public final class SizeLimitedInputStream extends CountingGuardStream {
  private final long limit;
  private final String message;
  private final AtomicLong count;

  /**
   * Wraps {@code in}.
   *
   * @param limit the most bytes that may be read
   * @param message the message of the exception thrown beyond the limit
   */
  public SizeLimitedInputStream(InputStream in, long limit, String message) {
    this(in, limit, message, new AtomicLong());
  }

  /**
   * Wraps {@code in}, counting its bytes into {@code shared} together with every other stream
   * wrapped over the same counter: the limit then holds for all of them together, e.g. for the
   * archives nested in one archive.
   *
   * @param limit the most bytes that may be read from all the streams sharing the counter
   * @param message the message of the exception thrown beyond the limit
   */
  public SizeLimitedInputStream(InputStream in, long limit, String message, AtomicLong shared) {
    super(in);
    this.limit = limit;
    this.message = message;
    this.count = shared;
  }

  @Override
  void counted(long n) throws ScanException {
    if (count.addAndGet(n) > limit) {
      throw new ScanException(message);
    }
  }
}
