package dev.vigil.cli.options;

import dev.vigil.datastore.Datastore;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A store being opened on a thread of its own, so that a scan indexes the image while the store
 * starts (connection pool, SQLite's native library, the schema check) on the other core. Closing
 * waits for the opening and closes the store it opened.
 */
public final class StoreOpening implements AutoCloseable {
  private final CompletableFuture<Datastore> opening;

  StoreOpening(Supplier<Datastore> open) {
    this.opening =
        CompletableFuture.supplyAsync(
            open,
            task -> {
              Thread thread = new Thread(task, "vigil-store-open");
              thread.setDaemon(true);
              thread.start();
            });
  }

  /**
   * The opened store, waiting for it when needed.
   *
   * @throws RuntimeException what opening threw (a {@link dev.vigil.datastore.StoreException} or an
   *     {@link IllegalArgumentException} for a location naming no supported database)
   */
  public Datastore get() {
    try {
      return opening.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  /** Closes the store once it is open; a store that failed to open has nothing to close. */
  @Override
  public void close() {
    Datastore datastore;
    try {
      datastore = opening.join();
    } catch (CompletionException e) {
      return;
    }
    datastore.close();
  }
}
