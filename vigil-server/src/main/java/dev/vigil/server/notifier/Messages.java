package dev.vigil.server.notifier;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.vigil.datastore.NotificationStore;
import dev.vigil.datastore.NotificationStore.Page;
import dev.vigil.server.http.Responses;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The message bodies a queue deliverer sends for one set: in callback mode one {@code
 * notification_webhook} object; in direct mode the notifications themselves, as JSON arrays of at
 * most {@code rollup} each, read page by page.
 */
final class Messages {
  private Messages() {}

  /** The bodies for the set {@code id}. */
  static List<byte[]> of(NotificationStore store, UUID id, boolean direct, int rollup, URI callback)
      throws IOException {
    if (!direct) {
      return List.of(Responses.encode(NotificationJson.callback(id, callback)));
    }
    List<byte[]> bodies = new ArrayList<>();
    Optional<String> after = Optional.empty();
    do {
      Page page =
          store
              .notificationPage(id, after, rollup)
              .orElseThrow(() -> new IOException("notification set " + id + " is gone"));
      ArrayNode array = JsonNodeFactory.instance.arrayNode();
      page.notifications().forEach(n -> array.add(NotificationJson.notification(n)));
      bodies.add(Responses.encode(array));
      after = page.next();
    } while (after.isPresent());
    return bodies;
  }
}
