package dev.vigil.registry;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/** Counts the bytes read through it and tells {@code onRead} the running total after each read. */
final class CountingInputStream extends FilterInputStream {
  private final LongConsumer onRead;
  private long count;

  CountingInputStream(InputStream in, LongConsumer onRead) {
    super(in);
    this.onRead = onRead;
  }

  /** The bytes read so far. */
  long count() {
    return count;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      advance(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      advance(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    advance(skipped);
    return skipped;
  }

  private void advance(long n) {
    count += n;
    onRead.accept(count);
  }
}
