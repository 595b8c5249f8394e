package dev.vigil.datastore;

import dev.vigil.model.Digest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores the notifier's notification sets, one per processed update operation, and their delivery
 * state, so that a restart neither loses nor repeats an acknowledged notification.
 *
 * <p>Implementations are thread-safe.
 */
public interface NotificationStore {

  /** One notification: a manifest gained or lost a vulnerability. */
  record Notification(UUID id, Digest manifest, String reason, String vulnerabilityJson) {}

  /**
   * One page of a set.
   *
   * @param notifications the page's notifications, in order
   * @param next the token of the next page, empty on the last
   */
  record Page(List<Notification> notifications, Optional<String> next) {

    /** Copies the list. */
    public Page {
      notifications = List.copyOf(notifications);
    }
  }

  /**
   * A set due for delivery.
   *
   * @param id the set's id
   * @param failedAttempts how many delivery attempts in a row have failed
   */
  record Due(UUID id, int failedAttempts) {}

  /** Whether the notifier has processed the update operation {@code ref}. */
  boolean notificationsProcessed(UUID ref);

  /**
   * Records that the update operation {@code ref} of {@code updater} was processed, with its
   * notifications as one set in one transaction, due for delivery at once unless empty.
   *
   * @return the set's id
   */
  UUID saveNotifications(UUID ref, String updater, List<Notification> notifications, Instant now);

  /**
   * A page of at most {@code size} notifications of the set {@code id}, after the page token {@code
   * after} (empty for the first page).
   *
   * @return empty when the set is unknown, acknowledged or expired
   * @throws IllegalArgumentException when {@code after} is not a token this store issued
   */
  Optional<Page> notificationPage(UUID id, Optional<String> after, int size);

  /**
   * Acknowledges the set {@code id}: its notifications are deleted and never delivered again.
   *
   * @return false when the set is unknown or was already acknowledged
   */
  boolean acknowledgeNotifications(UUID id);

  /** Up to {@code limit} unacknowledged, non-empty sets due for delivery at {@code now}. */
  List<Due> notificationsDue(Instant now, int limit);

  /**
   * Records a delivery attempt of set {@code id}.
   *
   * @param delivered whether the receiver took it
   * @param next when the set is due again (unless acknowledged before)
   */
  void notificationAttempted(UUID id, boolean delivered, Instant next);

  /**
   * Expires the sets created before {@code cutoff}, as if acknowledged.
   *
   * @return how many sets expired
   */
  int expireNotifications(Instant cutoff);
}
