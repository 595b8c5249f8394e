package dev.vigil.server.notifier;

import dev.vigil.datastore.Datastore;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the notifier on one background thread, every poll interval: the processor, then delivery.
 * Each round runs under a database lock, so among replicas sharing the database one works at a
 * time.
 *
 * <p>Thread-safe.
 */
public final class Notifier implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
  private static final String LOCK = "vigil-notifier";

  private final Datastore lockStore;
  private final NotificationProcessor processor;
  private final NotificationDelivery delivery;
  private final Duration poll;
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "vigil-notifier");
            thread.setDaemon(true);
            return thread;
          });

  /** A notifier taking its lock on {@code lockStore}, working every {@code poll}. */
  public Notifier(
      Datastore lockStore,
      NotificationProcessor processor,
      NotificationDelivery delivery,
      Duration poll) {
    this.lockStore = lockStore;
    this.processor = processor;
    this.delivery = delivery;
    this.poll = poll;
  }

  /** Starts working: the first round begins now. */
  public void start() {
    executor.scheduleWithFixedDelay(this::runOnce, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void runOnce() {
    try {
      Optional<Datastore.Lock> lock = lockStore.tryLock(LOCK);
      if (lock.isEmpty()) {
        return;
      }
      try (Datastore.Lock held = lock.get()) {
        processor.processNew();
        delivery.deliverDue();
      }
    } catch (RuntimeException e) {
      LOG.warn("notifier round failed: error={}", e.toString());
    }
  }

  /** Stops the background thread, interrupting a round in progress. */
  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
