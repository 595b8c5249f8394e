package dev.vigil.spi;

import dev.vigil.model.Distribution;
import java.io.IOException;
import java.util.Optional;

/**
 * Recognizes the operating system release of a file tree, e.g. from {@code etc/os-release}.
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface DistributionScanner {

  /** A short, stable name, e.g. {@code os-release}. */
  String name();

  /** The files this scanner reads. */
  FileFilter files();

  /**
   * Identifies the distribution, or returns empty when the tree is not one this scanner knows.
   *
   * @throws IOException when reading the tree fails
   */
  Optional<Distribution> scan(FileTree tree) throws IOException;
}
