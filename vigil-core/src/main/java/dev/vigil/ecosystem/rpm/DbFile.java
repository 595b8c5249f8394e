package dev.vigil.ecosystem.rpm;

import dev.vigil.spi.ScanException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A database file read at offsets, for formats that point into themselves (BerkeleyDB, NDB). Every
 * read is checked against the file's size first, so a hostile offset or length yields a {@link
 * ScanException} rather than a huge allocation. Not thread-safe.
 */
final class DbFile implements AutoCloseable {
  private final FileChannel channel;
  private final long size;

  private DbFile(FileChannel channel) throws IOException {
    this.channel = channel;
    this.size = channel.size();
  }

  /** Opens {@code file} for reading. */
  static DbFile open(Path file) throws IOException {
    return new DbFile(FileChannel.open(file, StandardOpenOption.READ));
  }

  /** The file's size in bytes. */
  long size() {
    return size;
  }

  /**
   * Reads {@code length} bytes at {@code offset}, in the given byte order.
   *
   * @throws ScanException when the range is not inside the file
   */
  ByteBuffer read(long offset, long length, ByteOrder order) throws IOException {
    if (offset < 0
        || length < 0
        || length > Integer.MAX_VALUE - 8
        || offset > size
        || length > size - offset) {
      throw new ScanException(
          "reading " + length + " bytes at offset " + offset + " of a " + size + "-byte file");
    }
    ByteBuffer buffer = ByteBuffer.allocate((int) length).order(order);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, offset + buffer.position()) < 0) {
        throw new EOFException("rpm: database file shrank while being read");
      }
    }
    return buffer.flip();
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
