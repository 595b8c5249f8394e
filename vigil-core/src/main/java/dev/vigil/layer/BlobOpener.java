package dev.vigil.layer;

import java.io.IOException;
import java.io.InputStream;

/**
 * Opens a fresh stream of a layer blob as stored (possibly compressed): a file, a slice of an
 * archive, a download. Each call starts again from the blob's first byte.
 */
@FunctionalInterface
public interface BlobOpener {

  /** Opens a new stream positioned at the blob's first byte; the caller closes it. */
  InputStream open() throws IOException;
}
