package dev.vigil.layer;

import dev.vigil.spi.ScanException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A stream that hands every byte it passes to a check, which fails with a {@link ScanException}
 * once a bound is crossed. Skipping reads the skipped bytes ({@link ReadingSkip}), so they are
 * checked too.
 */
abstract class CountingGuardStream extends FilterInputStream {
  CountingGuardStream(InputStream in) {
    super(in);
  }

  /** Called with the number of bytes just read; throws when they cross the bound. */
  abstract void counted(long n) throws ScanException;

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
    return ReadingSkip.skip(this, n);
  }

  @Override
  public boolean markSupported() {
    return false;
  }
}
