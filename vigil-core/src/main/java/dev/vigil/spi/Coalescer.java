package dev.vigil.spi;

import java.util.List;

/**
 * Combines what the scanners saw after each layer into the image's final packages, each with the
 * layer that introduced it.
 */
public interface Coalescer {

  /**
   * Coalesces the layers' findings.
   *
   * @param layers the findings visible after each layer, base layer first
   * @return the packages present in the final image, each with its introducing layer
   */
  List<LayerFinding.Introduced> coalesce(List<LayerFinding> layers);
}
