package dev.vigil.datastore;

import dev.vigil.model.EnrichmentRecord;
import dev.vigil.spi.EnrichmentUpdater;
import java.io.IOException;
import java.util.function.Consumer;

/** Streams enrichment records into the store, inside the transaction that commits them. */
@FunctionalInterface
public interface EnrichmentSource {

  /**
   * Writes every record to {@code sink}.
   *
   * @return whether the records are the whole feed or the changes since the previous operation
   * @throws IOException when the feed cannot be read; the transaction then rolls back
   */
  EnrichmentUpdater.Scope writeTo(Consumer<EnrichmentRecord> sink) throws IOException;
}
