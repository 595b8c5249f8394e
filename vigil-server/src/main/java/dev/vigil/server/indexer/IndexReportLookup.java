package dev.vigil.server.indexer;

import dev.vigil.model.Digest;
import dev.vigil.model.IndexReport;
import java.io.IOException;
import java.util.Optional;

/** Finds the index report of a manifest: in the local store, or from a remote indexer. */
@FunctionalInterface
public interface IndexReportLookup {

  /**
   * The report of {@code manifest}, if it was indexed.
   *
   * @throws IOException when a remote indexer cannot be asked
   */
  Optional<IndexReport> indexReport(Digest manifest) throws IOException;
}
