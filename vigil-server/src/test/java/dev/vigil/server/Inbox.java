package dev.vigil.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/** Where a test receives what the notifier delivers. */
interface Inbox {
  /** The next message body within {@code wait}, or null. */
  JsonNode next(Duration wait) throws Exception;

  /** Discards what arrives within a short while (deliveries in flight). */
  default void drain() throws Exception {
    while (next(Duration.ofMillis(300)) != null) {
      // discarded
    }
  }
}
