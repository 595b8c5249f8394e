package dev.vigil.server.indexer;

import dev.vigil.datastore.IndexStore;
import dev.vigil.indexer.IndexResult;
import dev.vigil.indexer.Indexer;
import dev.vigil.layer.LayerSource;
import dev.vigil.model.Digest;
import dev.vigil.model.IndexReport;
import dev.vigil.model.LayerRef;
import dev.vigil.model.Manifest;
import dev.vigil.progress.ProgressListener;
import dev.vigil.server.fetch.GuardedLayerFetcher;
import dev.vigil.spi.DistributionScanner;
import dev.vigil.spi.PackageScanner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The indexer service: fetches a manifest's layers, indexes them and stores the report with the
 * indexer's state, so that a manifest indexed by the same scanners is not indexed again.
 *
 * <p>Requests for a manifest that is being indexed join its run rather than start another; at most
 * {@code maxRuns} runs go on at once, and a request that would start one more is refused with
 * {@link IndexerBusyException}. Runs go on in the background, so a request may leave without
 * waiting and poll. Thread-safe.
 */
public final class IndexerService implements IndexReportLookup {
  private static final Logger LOG = LoggerFactory.getLogger(IndexerService.class);

  private final Indexer indexer;
  private final GuardedLayerFetcher fetcher;
  private final IndexStore store;
  private final String state;
  private final int maxRuns;
  private final Map<Digest, IndexRun> running = new HashMap<>();
  private final ExecutorService runner =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "vigil-index-run");
            thread.setDaemon(true);
            return thread;
          });

  /**
   * A service indexing with {@code indexer}.
   *
   * @param state the indexer state, see {@link #state(List, List)}
   * @param maxRuns how many index runs may go on at once; negative for no limit
   */
  public IndexerService(
      Indexer indexer, GuardedLayerFetcher fetcher, IndexStore store, String state, int maxRuns) {
    this.indexer = indexer;
    this.fetcher = fetcher;
    this.store = store;
    this.state = state;
    this.maxRuns = maxRuns;
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

  /** The layer fetcher, whose store also holds the layers clients upload. */
  public GuardedLayerFetcher fetcher() {
    return fetcher;
  }

  /**
   * Indexes a manifest unless a successful report made with the current state is stored, waiting
   * for the report. A failure is stored as an {@code IndexError} report and rethrown.
   *
   * @throws IndexerBusyException when a new run would exceed the limit
   * @throws dev.vigil.spi.ScanException when a layer is corrupt or does not match its digest
   * @throws IOException when a layer cannot be fetched or read
   */
  public IndexReport index(Manifest manifest) throws IOException {
    Submission submitted = submit(manifest);
    return submitted.stored() != null ? submitted.stored() : submitted.run().await();
  }

  /**
   * Starts indexing a manifest, or joins the run already indexing it, without waiting; a successful
   * report made with the current state is answered at once.
   *
   * @throws IndexerBusyException when a new run would exceed the limit
   */
  public Submission submit(Manifest manifest) {
    Optional<IndexReport> stored = current(manifest.hash());
    if (stored.isPresent()) {
      return new Submission(stored.get(), null);
    }
    IndexRun run;
    synchronized (running) {
      IndexRun joined = running.get(manifest.hash());
      if (joined != null) {
        return new Submission(null, joined);
      }
      if (maxRuns >= 0 && running.size() >= maxRuns) {
        throw new IndexerBusyException(maxRuns);
      }
      run = new IndexRun(manifest.hash(), manifest.layers().size());
      running.put(manifest.hash(), run);
    }
    runner.execute(() -> execute(run, manifest));
    return new Submission(null, run);
  }

  /** The run indexing {@code manifest} now, if any. */
  public Optional<IndexRun> running(Digest manifest) {
    synchronized (running) {
      return Optional.ofNullable(running.get(manifest));
    }
  }

  /** The stored report of {@code manifest} if it succeeded with the current indexer state. */
  private Optional<IndexReport> current(Digest manifest) {
    return store
        .indexReport(manifest)
        .filter(IndexReport::success)
        .filter(r -> store.indexerState(manifest).filter(state::equals).isPresent());
  }

  private void execute(IndexRun run, Manifest manifest) {
    try {
      // a run that ended between a request's look at the store and its start made the report
      Optional<IndexReport> stored = current(manifest.hash());
      run.finished(
          stored.isPresent()
              ? stored.get()
              : indexLayers(manifest.hash(), manifest.layers(), run).report());
    } catch (IOException | RuntimeException e) {
      run.failed(e);
    } finally {
      synchronized (running) {
        running.remove(manifest.hash(), run);
      }
    }
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
    return indexLayers(manifest, layers, null);
  }

  private Indexed indexLayers(Digest manifest, List<LayerRef> layers, IndexRun run)
      throws IOException {
    long start = System.nanoTime();
    ProgressListener progress = run == null ? ProgressListener.NONE : run;
    try {
      if (run != null) {
        run.fetching();
      }
      List<LayerSource> fetched = fetcher.fetch(layers, progress);
      if (run != null) {
        run.scanning();
      }
      IndexResult result = indexer.index(manifest, fetched, progress);
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
      return new Indexed(result.report(), fetched.stream().map(LayerSource::digest).toList());
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
   * What {@link #submit} gave: a stored report, or the run that will make one.
   *
   * @param stored the stored report, or null
   * @param run the run, or null when a report was stored
   */
  public record Submission(IndexReport stored, IndexRun run) {}

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
