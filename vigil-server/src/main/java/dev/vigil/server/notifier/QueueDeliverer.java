package dev.vigil.server.notifier;

import dev.vigil.datastore.NotificationStore;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * A deliverer to a message broker: the set's messages (a callback message, or in direct mode the
 * notifications themselves, {@code rollup} per message) go to the first broker that takes them all.
 */
abstract class QueueDeliverer<A> implements Deliverer {
  private final NotificationStore store;
  private final List<A> brokers;
  private final boolean direct;
  private final int rollup;
  private final URI callback;

  QueueDeliverer(
      NotificationStore store, List<A> brokers, boolean direct, int rollup, URI callback) {
    this.store = store;
    this.brokers = List.copyOf(brokers);
    this.direct = direct;
    this.rollup = rollup;
    this.callback = callback;
  }

  @Override
  public final boolean deliver(UUID id) throws IOException {
    List<byte[]> bodies = Messages.of(store, id, direct, rollup, callback);
    IOException failure = new IOException(name() + ": no broker configured");
    for (A broker : brokers) {
      try {
        send(broker, bodies);
        return direct;
      } catch (IOException e) {
        failure = e;
      }
    }
    throw failure;
  }

  /**
   * Sends every body to {@code broker}; returning means the broker took them all.
   *
   * @throws IOException when it did not
   */
  abstract void send(A broker, List<byte[]> bodies) throws IOException;
}
