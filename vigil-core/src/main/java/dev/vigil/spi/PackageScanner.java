package dev.vigil.spi;

import java.io.IOException;
import java.util.List;

/**
 * Finds installed packages in a file tree, e.g. by reading {@code lib/apk/db/installed}.
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface PackageScanner {

  /** A short, stable name, e.g. {@code apk}. */
  String name();

  /** The files this scanner reads. */
  FileFilter files();

  /**
   * Lists the packages installed in the tree; an empty list when the tree has none.
   *
   * @throws ScanException when a database is present but corrupt
   * @throws IOException when reading the tree fails
   */
  List<FoundPackage> scan(FileTree tree) throws IOException;
}
