package dev.vigil.datastore;

import dev.vigil.model.Digest;
import dev.vigil.model.IndexReport;
import java.util.Optional;

/**
 * Stores index reports by manifest digest.
 *
 * <p>Implementations are thread-safe.
 */
public interface IndexStore {

  /** Saves (or replaces) the report of its manifest. */
  void saveIndexReport(IndexReport report);

  /** The stored report of a manifest, if any. */
  Optional<IndexReport> indexReport(Digest manifest);
}
