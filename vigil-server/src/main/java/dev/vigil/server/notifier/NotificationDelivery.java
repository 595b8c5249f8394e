package dev.vigil.server.notifier;

import dev.vigil.datastore.NotificationStore;
import dev.vigil.datastore.NotificationStore.Due;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the due notification sets: a delivered set is due again after the delivery interval
 * until it is acknowledged (at least once delivery); a failed one is retried with exponential
 * backoff from {@value #RETRY_BASE_MILLIS} ms, never waiting longer than the interval. Sets older
 * than the expiry age expire first. A direct delivery (the notifications themselves) finishes its
 * set. All state is in the store, so a restart resumes it.
 */
public final class NotificationDelivery {
  private static final Logger LOG = LoggerFactory.getLogger(NotificationDelivery.class);
  static final long RETRY_BASE_MILLIS = 500;
  private static final int BATCH = 100;
  private static final int MAX_SHIFT = 20;

  private final NotificationStore store;
  private final Deliverer deliverer;
  private final Duration interval;
  private final Duration expireAfter;
  private final Clock clock;

  /** Delivery of {@code store}'s sets through {@code deliverer}. */
  public NotificationDelivery(
      NotificationStore store,
      Deliverer deliverer,
      Duration interval,
      Duration expireAfter,
      Clock clock) {
    this.store = store;
    this.deliverer = deliverer;
    this.interval = interval;
    this.expireAfter = expireAfter;
    this.clock = clock;
  }

  /** Expires old sets, then delivers every due one. */
  public void deliverDue() {
    int expired = store.expireNotifications(clock.instant().minus(expireAfter));
    if (expired > 0) {
      LOG.info("notification sets expired: count={}", expired);
    }
    for (Due due : store.notificationsDue(clock.instant(), BATCH)) {
      try {
        if (deliverer.deliver(due.id())) {
          store.acknowledgeNotifications(due.id());
        } else {
          store.notificationAttempted(due.id(), true, clock.instant().plus(interval));
        }
        LOG.info("notification delivered: deliverer={} id={}", deliverer.name(), due.id());
      } catch (IOException e) {
        Instant retry = clock.instant().plus(backoff(due.failedAttempts()));
        store.notificationAttempted(due.id(), false, retry);
        LOG.warn(
            "notification delivery failed: deliverer={} id={} attempt={} error={}",
            deliverer.name(),
            due.id(),
            due.failedAttempts() + 1,
            e.getMessage());
      }
    }
  }

  /** How long to wait after {@code failures} failed attempts in a row. */
  Duration backoff(int failures) {
    Duration wait = Duration.ofMillis(RETRY_BASE_MILLIS << Math.min(failures, MAX_SHIFT));
    return wait.compareTo(interval) > 0 ? interval : wait;
  }
}
