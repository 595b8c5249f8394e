package dev.vigil.server.matcher;

import dev.vigil.datastore.Datastore;
import dev.vigil.spi.Updater;
import dev.vigil.updater.UpdateManager;
import dev.vigil.updater.UpdateOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the updaters on one background thread: at once, then every period, each run followed by
 * garbage collection of old update operations. Each updater runs under a database lock named after
 * it, so among replicas sharing a database only one runs it at a time; the others skip it, and the
 * next run finds the feed unchanged. It tells when the first run has completed, which is when the
 * server becomes ready.
 *
 * <p>Thread-safe.
 */
public final class UpdateScheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(UpdateScheduler.class);

  private final List<Updater> updaters;
  private static final String LOCK_PREFIX = "vigil-updater:";
  private static final String GC_LOCK = "vigil-update-gc";

  private final Datastore store;
  private final Duration period;
  private final int retention;
  private final AtomicBoolean firstRunDone = new AtomicBoolean();
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "vigil-updater");
            thread.setDaemon(true);
            return thread;
          });

  /**
   * A scheduler for {@code updaters}.
   *
   * @param retention update operations kept per updater; 0 turns garbage collection off
   */
  public UpdateScheduler(List<Updater> updaters, Datastore store, Duration period, int retention) {
    this.updaters = List.copyOf(updaters);
    this.store = store;
    this.period = period;
    this.retention = retention;
  }

  /** Starts running: the first run begins now. */
  public void start() {
    executor.scheduleWithFixedDelay(this::runOnce, 0, period.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** True once the first run has completed, whatever each updater's outcome. */
  public boolean firstRunDone() {
    return firstRunDone.get();
  }

  private void runOnce() {
    try {
      UpdateManager manager = new UpdateManager(store);
      for (Updater updater : updaters) {
        Optional<Datastore.Lock> lock = store.tryLock(LOCK_PREFIX + updater.name());
        if (lock.isEmpty()) {
          LOG.info("updater skipped: another replica runs it: updater={}", updater.name());
          continue;
        }
        try (Datastore.Lock held = lock.get()) {
          log(manager.run(updater));
        }
      }
      if (retention > 0) {
        Optional<Datastore.Lock> lock = store.tryLock(GC_LOCK);
        if (lock.isPresent()) {
          try (Datastore.Lock held = lock.get()) {
            store.garbageCollect(retention);
          }
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("update run failed: error={}", e.toString());
    } finally {
      firstRunDone.set(true);
    }
  }

  private static void log(UpdateOutcome outcome) {
    LOG.atInfo()
        .setMessage("updater run")
        .addKeyValue("updater", outcome.updater())
        .addKeyValue("status", outcome.status())
        .addKeyValue("vulnerabilities", outcome.vulnerabilities())
        .addKeyValue("message", outcome.message())
        .log();
  }

  /** Stops the background thread, interrupting a run in progress. */
  @Override
  public void close() {
    executor.shutdownNow();
  }
}
