package dev.vigil.spi;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * A read-only view of the image's filesystem as it stands after some layer, limited to the files
 * that scanners asked for. Paths are relative to the image root, {@code /}-separated, with no
 * leading slash. Symbolic links are resolved inside the root: a link can never lead out of it.
 */
public interface FileTree {

  /**
   * Reads a whole regular file, following symbolic links inside the tree.
   *
   * @return the contents, or empty when no such file is in the view
   * @throws IOException if the contents cannot be read back
   */
  Optional<byte[]> read(String path) throws IOException;

  /**
   * Opens a regular file as a stream, following symbolic links inside the tree; for files that may
   * be too large to read whole.
   *
   * @return the stream, or empty when no such file is in the view
   * @throws IOException if the contents cannot be read back
   */
  Optional<InputStream> open(String path) throws IOException;

  /** The paths of the regular files below {@code dir} (no trailing slash), in sorted order. */
  List<String> list(String dir);
}
