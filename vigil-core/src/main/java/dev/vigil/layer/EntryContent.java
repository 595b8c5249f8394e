package dev.vigil.layer;

import java.io.IOException;
import java.io.InputStream;

/**
 * The content of the current tar entry as handed to a visitor: failures become {@link
 * dev.vigil.spi.ScanException}s naming the layer and entry, and closing leaves the tar open.
 */
final class EntryContent extends InputStream {
  private final InputStream tar;
  private final TarLayer layer;
  private final String path;

  EntryContent(InputStream tar, TarLayer layer, String path) {
    this.tar = tar;
    this.layer = layer;
    this.path = path;
  }

  @Override
  public int read() throws IOException {
    try {
      return tar.read();
    } catch (IOException | RuntimeException e) {
      throw layer.corrupt("entry '" + path + "' is truncated or corrupt", e);
    }
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    try {
      return tar.read(buffer, offset, length);
    } catch (IOException | RuntimeException e) {
      throw layer.corrupt("entry '" + path + "' is truncated or corrupt", e);
    }
  }

  @Override
  public int available() throws IOException {
    return tar.available();
  }

  @Override
  public void close() {
    // the tar stream belongs to the layer reader, which moves on to the next entry
  }
}
