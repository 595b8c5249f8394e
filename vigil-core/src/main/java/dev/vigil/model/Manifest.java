package dev.vigil.model;

import java.util.List;

/**
 * An image manifest as the indexer sees it: its digest and its layers, bottom first (Clair v4's
 * {@code Manifest}).
 *
 * @param hash the manifest digest
 * @param layers the layers, base layer first
 */
public record Manifest(Digest hash, List<LayerRef> layers) {

  /** Copies the layer list. */
  public Manifest {
    layers = List.copyOf(layers);
  }
}
