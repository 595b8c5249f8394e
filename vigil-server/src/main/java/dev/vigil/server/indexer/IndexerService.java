package dev.vigil.server.indexer;

import dev.vigil.datastore.IndexStore;
import dev.vigil.indexer.IndexResult;
import dev.vigil.indexer.Indexer;
import dev.vigil.layer.LayerSource;
import dev.vigil.model.Digest;
import dev.vigil.model.IndexReport;
import dev.vigil.model.LayerRef;
import dev.vigil.model.Manifest;
import dev.vigil.spi.DistributionScanner;
import dev.vigil.spi.PackageScanner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The indexer service: fetches a manifest's layers, indexes them and stores the report with the
 * indexer's state, so that a manifest indexed by the same scanners is not indexed again.
 *
 * <p>Thread-safe.
 */
public final class IndexerService implements IndexReportLookup {
  private static final Logger LOG = LoggerFactory.getLogger(IndexerService.class);

  private final Indexer indexer;
  private final LayerFetcher fetcher;
  private final IndexStore store;
  private final String state;

  /**
   * A service indexing with {@code indexer}.
   *
   * @param state the indexer state, see {@link #state(List, List)}
   */
  public IndexerService(Indexer indexer, LayerFetcher fetcher, IndexStore store, String state) {
    this.indexer = indexer;
    this.fetcher = fetcher;
    this.store = store;
    this.state = state;
  }

  /**
   * The indexer state for a set of scanners: an opaque token that changes whenever the scanners do,
   * telling clients that manifests may need indexing again.
   */
  public static String state(
      List<PackageScanner> packageScanners, List<DistributionScanner> distributionScanners) {
    StringBuilder names = new StringBuilder("vigil-indexer-1\n");
    packageScanners.forEach(s -> names.append("package ").append(s.name()).append('\n'));
    distributionScanners.forEach(s -> names.append("dist ").append(s.name()).append('\n'));
    return Digest.sha256(names.toString().getBytes(StandardCharsets.UTF_8)).hex();
  }

  /** The current indexer state. */
  public String state() {
    return state;
  }

  /**
   * Indexes a manifest unless a successful report made with the current state is stored. A failure
   * is stored as an {@code IndexError} report and rethrown.
   *
   * @throws dev.vigil.spi.ScanException when a layer is corrupt or does not match its digest
   * @throws IOException when a layer cannot be fetched or read
   */
  public IndexReport index(Manifest manifest) throws IOException {
    Optional<IndexReport> stored = store.indexReport(manifest.hash());
    if (stored.isPresent()
        && stored.get().success()
        && store.indexerState(manifest.hash()).filter(state::equals).isPresent()) {
      return stored.get();
    }
    return indexLayers(manifest.hash(), manifest.layers()).report();
  }

  /**
   * Fetches and indexes {@code layers} as the manifest {@code manifest}, whatever is stored, and
   * stores the report. A failure is stored as an {@code IndexError} report and rethrown.
   *
   * @return the report and the digest of each fetched layer, base first
   * @throws dev.vigil.spi.ScanException when a layer is corrupt or does not match its digest
   * @throws IOException when a layer cannot be fetched or read
   */
  public Indexed indexLayers(Digest manifest, List<LayerRef> layers) throws IOException {
    long start = System.nanoTime();
    try (LayerFetcher.Fetched fetched = fetcher.fetch(layers)) {
      IndexResult result = indexer.index(manifest, fetched.layers());
      result
          .warnings()
          .forEach(w -> LOG.warn("index warning: manifest={} warning={}", manifest, w));
      store.saveIndexReport(result.report(), state);
      LOG.atInfo()
          .setMessage("manifest indexed")
          .addKeyValue("manifest", manifest)
          .addKeyValue("layers", layers.size())
          .addKeyValue("packages", result.report().packages().size())
          .addKeyValue("millis", (System.nanoTime() - start) / 1_000_000)
          .log();
      return new Indexed(
          result.report(), fetched.layers().stream().map(LayerSource::digest).toList());
    } catch (IOException | RuntimeException e) {
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      store.saveIndexReport(
          new IndexReport(
              manifest, IndexReport.ERROR, Map.of(), Map.of(), Map.of(), Map.of(), false, message),
          state);
      throw e;
    }
  }

  @Override
  public Optional<IndexReport> indexReport(Digest manifest) {
    return store.indexReport(manifest);
  }

  /**
   * A fresh index report and the digests of the layers it was made from.
   *
   * @param report the report
   * @param layers the digest of each layer as fetched, base first
   */
  public record Indexed(IndexReport report, List<Digest> layers) {

    /** Copies the digests. */
    public Indexed {
      layers = List.copyOf(layers);
    }
  }

  /** Deletes the reports of {@code manifests}; returns those that existed. */
  public List<Digest> deleteManifests(List<Digest> manifests) {
    return store.deleteIndexReports(manifests);
  }
}
