package dev.vigil.registry;

import dev.vigil.spi.ScanException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A cached blob being read through its digest check: a mismatch deletes the cached copy. */
final class CachedBlob extends FilterInputStream {
  private final Path path;

  CachedBlob(InputStream in, Path path) {
    super(in);
    this.path = path;
  }

  @Override
  public int read() throws IOException {
    try {
      return in.read();
    } catch (ScanException e) {
      throw corrupt(e);
    }
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    try {
      return in.read(buffer, offset, length);
    } catch (ScanException e) {
      throw corrupt(e);
    }
  }

  @Override
  public long skip(long n) throws IOException {
    try {
      return in.skip(n);
    } catch (ScanException e) {
      throw corrupt(e);
    }
  }

  private ScanException corrupt(ScanException e) throws IOException {
    Files.deleteIfExists(path);
    return new ScanException(
        e.getMessage() + "; the cached copy " + path + " was deleted, scan again to refetch it", e);
  }
}
