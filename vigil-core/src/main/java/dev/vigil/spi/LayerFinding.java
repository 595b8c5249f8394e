package dev.vigil.spi;

import dev.vigil.model.Digest;
import java.util.List;

/**
 * The packages visible in the image as it stands after one layer.
 *
 * @param layer the layer's digest
 * @param packages every package the scanners see after applying this layer
 */
public record LayerFinding(Digest layer, List<FoundPackage> packages) {

  /** Copies the list. */
  public LayerFinding {
    packages = List.copyOf(packages);
  }

  /**
   * A package of the final image and the layer that introduced it.
   *
   * @param found the package and its database
   * @param layer the introducing layer
   */
  public record Introduced(FoundPackage found, Digest layer) {}
}
