package dev.vigil.server.indexer;

import dev.vigil.concurrent.Futures;
import dev.vigil.model.Digest;
import dev.vigil.model.IndexReport;
import dev.vigil.progress.ProgressListener;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One index run of a manifest, shared by every request for that manifest while it lasts: its
 * progress (Clair's state names, layers fetched and scanned) and its outcome.
 *
 * <p>Thread-safe.
 */
public final class IndexRun implements ProgressListener {
  /** Clair's state while the manifest is checked. */
  static final String CHECK_MANIFEST = "CheckManifest";

  /** Clair's state while layers are fetched. */
  static final String FETCH_LAYERS = "FetchLayers";

  /** Clair's state while layers are scanned. */
  static final String SCAN_LAYERS = "ScanLayers";

  private final Digest manifest;
  private final int layers;
  private final AtomicInteger fetched = new AtomicInteger();
  private final AtomicInteger scanned = new AtomicInteger();
  private final CompletableFuture<IndexReport> outcome = new CompletableFuture<>();
  private volatile String state = CHECK_MANIFEST;

  IndexRun(Digest manifest, int layers) {
    this.manifest = manifest;
    this.layers = layers;
  }

  /** The manifest being indexed. */
  public Digest manifest() {
    return manifest;
  }

  /** How far the run is. */
  public Progress progress() {
    return new Progress(state, layers, fetched.get(), scanned.get());
  }

  /**
   * The report as it stands: Clair's shape with the current state and nothing found yet, or the
   * finished report.
   */
  public IndexReport snapshot() {
    IndexReport done = outcome.getNow(null);
    if (done != null) {
      return done;
    }
    return new IndexReport(manifest, state, Map.of(), Map.of(), Map.of(), Map.of(), false, "");
  }

  /** True once the run ended, whatever its outcome. */
  public boolean done() {
    return outcome.isDone();
  }

  /**
   * Waits for the run's report.
   *
   * @throws dev.vigil.spi.ScanException when a layer is corrupt or does not match its digest
   * @throws IOException when a layer cannot be fetched or read
   */
  public IndexReport await() throws IOException {
    return Futures.await(outcome, "the index run of " + manifest);
  }

  void fetching() {
    state = FETCH_LAYERS;
  }

  void scanning() {
    state = SCAN_LAYERS;
  }

  void finished(IndexReport report) {
    state = report.state();
    outcome.complete(report);
  }

  void failed(Throwable error) {
    state = IndexReport.ERROR;
    outcome.completeExceptionally(error);
  }

  @Override
  public void downloaded(String digest, long bytes, long nanos) {
    fetched.incrementAndGet();
  }

  @Override
  public void indexed(int index, int count) {
    scanned.set(index);
  }

  /**
   * How far a run is.
   *
   * @param state Clair's state name: {@code CheckManifest}, {@code FetchLayers}, {@code
   *     ScanLayers}, then {@code IndexFinished} or {@code IndexError}
   * @param layers the manifest's layer count
   * @param fetched layers fetched or found in the layer store
   * @param scanned layers scanned
   */
  public record Progress(String state, int layers, int fetched, int scanned) {

    /** The progress as the {@code Vigil-Index-Progress} header writes it. */
    public String header() {
      return "state="
          + state
          + "; layers="
          + layers
          + "; fetched="
          + fetched
          + "; scanned="
          + scanned;
    }
  }
}
