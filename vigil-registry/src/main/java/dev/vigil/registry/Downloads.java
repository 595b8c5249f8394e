package dev.vigil.registry;

import dev.vigil.concurrent.Futures;
import dev.vigil.model.Digest;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs blob downloads a few at a time. The first failure, in the order they end, cancels the others
 * and waits for them to stop, so their partial files are gone before it is reported.
 */
final class Downloads {
  private Downloads() {}

  /** One download. */
  @FunctionalInterface
  interface Download {
    /** Downloads a blob into the cache and gives its path. */
    Path run() throws IOException;
  }

  /**
   * Runs every download, at most {@code parallel} at once; a digest listed twice is fetched once.
   *
   * @param patience how long to wait for cancelled downloads to stop
   * @throws IOException the first failure
   */
  static void all(Map<Digest, Download> downloads, int parallel, Duration patience)
      throws IOException {
    if (downloads.isEmpty()) {
      return;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(parallel, downloads.size()),
            task -> {
              Thread thread = new Thread(task, "vigil-download");
              thread.setDaemon(true);
              return thread;
            });
    CompletionService<Path> done = new ExecutorCompletionService<>(pool);
    try {
      downloads.values().forEach(d -> done.submit(d::run));
      for (int i = 0; i < downloads.size(); i++) {
        Futures.await(done.take(), "registry: a layer download");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("registry: interrupted while downloading layers");
    } finally {
      pool.shutdownNow();
      awaitQuietly(pool, patience);
    }
  }

  private static void awaitQuietly(ExecutorService pool, Duration patience) {
    try {
      pool.awaitTermination(patience.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
