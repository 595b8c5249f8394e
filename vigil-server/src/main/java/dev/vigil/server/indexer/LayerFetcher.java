package dev.vigil.server.indexer;

import dev.vigil.layer.LayerSource;
import dev.vigil.model.LayerRef;
import java.io.IOException;
import java.util.List;

/** Brings a manifest's layers to where the indexer can read them. */
public interface LayerFetcher {

  /**
   * Fetches {@code layers}, in order, verifying each against its digest; a layer whose digest is
   * null is taken as it comes and named by the digest of what arrived.
   *
   * @return the layers, which the caller closes to release local copies
   * @throws dev.vigil.spi.ScanException when a layer's bytes do not match its digest
   * @throws IOException when a layer cannot be fetched
   */
  Fetched fetch(List<LayerRef> layers) throws IOException;

  /** Fetched layers, readable until closed. */
  interface Fetched extends AutoCloseable {

    /** The layers, base first, each readable any number of times. */
    List<LayerSource> layers();

    /** Releases the local copies. */
    @Override
    void close();
  }
}
