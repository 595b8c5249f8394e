package dev.vigil.layer;

import dev.vigil.model.Digest;
import java.io.IOException;

/**
 * One layer of an image that can be read entry by entry, once per call: a tar blob (plain, gzip or
 * zstd) or a directory holding a root filesystem.
 */
public interface LayerSource {

  /** The layer's digest, as the manifest names it (or as computed for inputs without one). */
  Digest digest();

  /**
   * Streams the layer's entries, in archive order, to {@code visitor}.
   *
   * @throws dev.vigil.spi.ScanException when the layer is corrupt or truncated
   * @throws IOException when reading fails
   */
  void read(LayerEntry.Visitor visitor) throws IOException;
}
