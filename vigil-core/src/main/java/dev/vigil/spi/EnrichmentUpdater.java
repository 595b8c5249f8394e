package dev.vigil.spi;

import dev.vigil.model.EnrichmentRecord;
import dev.vigil.model.Vulnerability;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * An {@link Updater} of enrichment data (CVSS, EPSS, KEV) rather than vulnerabilities: its parse
 * streams {@link EnrichmentRecord}s into the store, so feeds of hundreds of thousands of records
 * are never held in memory. Its update operations are committed, swapped and garbage-collected as
 * vulnerability updates are.
 */
public interface EnrichmentUpdater extends Updater {

  /** How much of the feed one parse brought. */
  enum Scope {
    /** Every record of the feed: the new operation holds exactly these. */
    ALL,
    /**
     * Only the CVEs that changed since the previous operation: the new operation holds these and
     * the previous operation's records of every other CVE.
     */
    CHANGES
  }

  /**
   * Streams the records of the files that {@link #fetch} wrote to {@code sink}, in feed order.
   *
   * @return whether the records are the whole feed or the changes since the previous fetch
   * @throws ScanException when the feed is malformed; the store then keeps its previous data
   * @throws IOException when the files cannot be read
   */
  Scope parseEnrichments(Path dir, Consumer<EnrichmentRecord> sink) throws IOException;

  /** An enrichment feed brings no vulnerabilities. */
  @Override
  default List<Vulnerability> parse(Path dir) {
    return List.of();
  }
}
