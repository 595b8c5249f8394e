package dev.vigil.layer;

import java.io.IOException;
import java.io.InputStream;

/**
 * Skipping by reading: the skipped bytes pass through every check a stream makes on what it reads
 * (limits, digests), and a premature end is seen.
 */
public final class ReadingSkip {
  private static final int BUFFER = 8192;

  private ReadingSkip() {}

  /** Reads and discards up to {@code n} bytes of {@code in}; returns how many it read. */
  public static long skip(InputStream in, long n) throws IOException {
    byte[] buffer = new byte[BUFFER];
    long skipped = 0;
    while (skipped < n) {
      int read = in.read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
      if (read < 0) {
        break;
      }
      skipped += read;
    }
    return skipped;
  }
}
