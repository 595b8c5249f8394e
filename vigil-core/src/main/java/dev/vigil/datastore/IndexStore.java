package dev.vigil.datastore;

import dev.vigil.model.Digest;
import dev.vigil.model.IndexReport;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Stores index reports by manifest digest.
 *
 * <p>Implementations are thread-safe.
 */
public interface IndexStore {

  /** Saves (or replaces) the report of its manifest, with no indexer state recorded. */
  void saveIndexReport(IndexReport report);

  /**
   * Saves (or replaces) the report of its manifest with the state of the indexer that produced it,
   * so that a later indexer can tell whether the report is still current.
   */
  void saveIndexReport(IndexReport report, String indexerState);

  /** The stored report of a manifest, if any. */
  Optional<IndexReport> indexReport(Digest manifest);

  /** The indexer state recorded with a manifest's report (empty when none was), if stored. */
  Optional<String> indexerState(Digest manifest);

  /**
   * Deletes the reports of {@code manifests}.
   *
   * @return the manifests whose report existed and is now deleted
   */
  List<Digest> deleteIndexReports(Collection<Digest> manifests);

  /** The digests of every stored report, in no particular order. */
  List<Digest> indexedManifests();

  /**
   * One page of the stored reports' digests in digest order, for walking them all without holding
   * them all.
   *
   * @param after the last digest of the previous page, or null for the first page
   * @param limit the most digests to return
   */
  List<Digest> indexedManifests(Digest after, int limit);
}
