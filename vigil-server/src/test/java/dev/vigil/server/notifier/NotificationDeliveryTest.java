package dev.vigil.server.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.vigil.datastore.Datastore;
import dev.vigil.datastore.NotificationStore.Notification;
import dev.vigil.model.Digest;
import dev.vigil.server.config.ServerConfig;
import dev.vigil.store.Datastores;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delivery on a real SQLite store to a real loopback webhook that first answers 503: retries back
 * off exponentially up to the interval, success re-announces after the interval, acknowledgement
 * and expiry stop it.
 */
class NotificationDeliveryTest {
  private static final Duration INTERVAL = Duration.ofMinutes(1);
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir Path tmp;

  @Test
  void retriesWithBackoffThenReannouncesUntilAcknowledged() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    HttpServer hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    hook.createContext(
        "/",
        exchange -> {
          try (exchange) {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(requests.incrementAndGet() <= 2 ? 503 : 200, -1);
          }
        });
    hook.start();
    try (Datastore store = Datastores.open(tmp.resolve("vigil.db").toString())) {
      UUID set =
          store.saveNotifications(
              UUID.randomUUID(),
              "alpine",
              List.of(
                  new Notification(
                      UUID.randomUUID(),
                      Digest.sha256("m".getBytes(StandardCharsets.UTF_8)),
                      "added",
                      "{\"name\":\"CVE-1\",\"normalized_severity\":\"Unknown\"}")),
              T0);
      URI target = URI.create("http://127.0.0.1:" + hook.getAddress().getPort() + "/");
      WebhookDeliverer webhook =
          new WebhookDeliverer(
              new ServerConfig.Webhook(target, URI.create("http://x/"), Map.of(), false),
              Optional.empty());

      at(store, webhook, T0).deliverDue();
      assertThat(store.notificationsDue(T0.plusMillis(499), 10)).isEmpty();
      assertThat(store.notificationsDue(T0.plusMillis(500), 10)).hasSize(1);
      at(store, webhook, T0.plusMillis(500)).deliverDue();
      assertThat(store.notificationsDue(T0.plusMillis(1499), 10)).isEmpty();
      assertThat(store.notificationsDue(T0.plusMillis(1500), 10).get(0).failedAttempts())
          .isEqualTo(2);
      at(store, webhook, T0.plusMillis(1500)).deliverDue();
      assertThat(requests).hasValue(3);
      assertThat(store.notificationsDue(T0.plus(INTERVAL), 10)).isEmpty();
      assertThat(store.notificationsDue(T0.plusMillis(1500).plus(INTERVAL), 10))
          .extracting(d -> d.failedAttempts())
          .containsExactly(0);

      assertThat(store.acknowledgeNotifications(set)).isTrue();
      assertThat(store.acknowledgeNotifications(set)).isFalse();
      assertThat(store.notificationsDue(T0.plus(Duration.ofDays(1)), 10)).isEmpty();
      assertThat(store.notificationPage(set, Optional.empty(), 10)).isEmpty();
    } finally {
      hook.stop(0);
    }
  }

  @Test
  void oldSetsExpireAndBackoffIsCappedByTheInterval() {
    try (Datastore store = Datastores.open(tmp.resolve("expire.db").toString())) {
      UUID ref = UUID.randomUUID();
      UUID set =
          store.saveNotifications(
              ref,
              "alpine",
              List.of(
                  new Notification(
                      UUID.randomUUID(),
                      Digest.sha256("m".getBytes(StandardCharsets.UTF_8)),
                      "removed",
                      "{}")),
              T0);
      assertThat(store.notificationsProcessed(ref)).isTrue();
      NotificationDelivery delivery =
          new NotificationDelivery(
              store,
              new WebhookDeliverer(
                  new ServerConfig.Webhook(
                      URI.create("http://127.0.0.1:9/"), URI.create("http://x/"), Map.of(), false),
                  Optional.empty()),
              INTERVAL,
              Duration.ofHours(1),
              Clock.fixed(T0.plus(Duration.ofHours(2)), ZoneOffset.UTC));
      delivery.deliverDue();
      assertThat(store.notificationPage(set, Optional.empty(), 10)).isEmpty();
      assertThat(store.notificationsDue(T0.plus(Duration.ofDays(1)), 10)).isEmpty();
      assertThat(delivery.backoff(0)).isEqualTo(Duration.ofMillis(500));
      assertThat(delivery.backoff(3)).isEqualTo(Duration.ofSeconds(4));
      assertThat(delivery.backoff(40)).isEqualTo(INTERVAL);
    }
  }

  private static NotificationDelivery at(Datastore store, Deliverer deliverer, Instant now) {
    return new NotificationDelivery(
        store, deliverer, INTERVAL, Duration.ofDays(7), Clock.fixed(now, ZoneOffset.UTC));
  }
}
