package dev.vigil.datastore;

import java.util.List;
import java.util.Optional;

/**
 * Stores the layers that clients of Clair's legacy v1 API (klar) post one at a time, each naming
 * its parent, so that a layer's whole chain can be found again.
 *
 * <p>Implementations are thread-safe.
 */
public interface LegacyLayerStore {

  /** Saves (or replaces) a layer under its name. */
  void saveLegacyLayer(LegacyLayer layer);

  /** The layer stored under {@code name}, if any. */
  Optional<LegacyLayer> legacyLayer(String name);

  /**
   * Deletes the layer named {@code name} and every layer descending from it.
   *
   * @return the deleted layers, empty when none had that name
   */
  List<LegacyLayer> deleteLegacyLayer(String name);

  /** The distinct, non-empty namespace names of the stored layers, sorted. */
  List<String> legacyNamespaces();
}
