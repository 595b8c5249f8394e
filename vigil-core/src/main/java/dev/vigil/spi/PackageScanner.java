package dev.vigil.spi;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

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

  /**
   * Lists the packages installed in the tree, reporting the damage it skipped over instead of
   * failing: a scanner that can read past a damaged record or database overrides this and says what
   * it left out, one line each, starting with the component. The default calls {@link
   * #scan(FileTree)}.
   *
   * @param warnings receives a line for each record or database that could not be read
   * @throws ScanException when a database is present but corrupt and nothing can be salvaged
   * @throws IOException when reading the tree fails
   */
  default List<FoundPackage> scan(FileTree tree, Consumer<String> warnings) throws IOException {
    return scan(tree);
  }
}
