package dev.vigil.cli.options;

import dev.vigil.concurrent.Futures;
import dev.vigil.datastore.Datastore;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
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
   * @throws IOException when interrupted while waiting
   */
  public Datastore get() throws IOException {
    return Futures.await(opening, "the store to open");
  }

  /** Closes the store once it is open; a store that failed to open has nothing to close. */
  @Override
  public void close() {
    Datastore datastore = opening.exceptionally(failure -> null).join();
    if (datastore != null) {
      datastore.close();
    }
  }
}
