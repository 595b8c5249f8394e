package dev.vigil.spi;

import dev.vigil.model.Repository;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Finds the package repositories an image's packages come from, e.g. the Red Hat content sets that
 * an image's content manifests name. It reads the image as it stands after the last layer.
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface RepositoryScanner {

  /** A short, stable name, e.g. {@code rhel-content-manifest}. */
  String name();

  /** The files this scanner reads. */
  FileFilter files();

  /**
   * Lists the repositories the tree names; an empty list when it names none.
   *
   * @param warnings receives a line, starting with the component, for each file it had to skip
   * @throws IOException when reading the tree fails
   */
  List<Repository> scan(FileTree tree, Consumer<String> warnings) throws IOException;

  /** True when the packages read from the database at {@code packageDb} come from them. */
  boolean serves(String packageDb);
}
