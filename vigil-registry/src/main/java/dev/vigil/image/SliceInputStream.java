package dev.vigil.image;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Reads a byte range of a file through its own channel: one entry of an uncompressed tar. */
final class SliceInputStream extends InputStream {
  private final FileChannel channel;
  private long remaining;

  private SliceInputStream(FileChannel channel, long remaining) {
    this.channel = channel;
    this.remaining = remaining;
  }

  /** Opens {@code file} and positions it at {@code offset}, to read {@code length} bytes. */
  static SliceInputStream open(Path file, long offset, long length) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    try {
      channel.position(offset);
      return new SliceInputStream(channel, length);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (remaining == 0) {
      return -1;
    }
    if (length == 0) {
      return 0;
    }
    int n = channel.read(ByteBuffer.wrap(buffer, offset, (int) Math.min(length, remaining)));
    if (n < 0) {
      throw new EOFException("the archive ended " + remaining + " bytes early");
    }
    remaining -= n;
    return n;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
