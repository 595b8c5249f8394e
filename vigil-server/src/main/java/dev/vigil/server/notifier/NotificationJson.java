package dev.vigil.server.notifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.datastore.NotificationStore.Notification;
import dev.vigil.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.UUID;

/** Notifications and callback messages as Clair's schemas spell them. */
public final class NotificationJson {
  private NotificationJson() {}

  /** Clair's {@code notification}: id, manifest, reason and vulnerability summary. */
  public static ObjectNode notification(Notification n) {
    ObjectNode node =
        JsonNodeFactory.instance
            .objectNode()
            .put("id", n.id().toString())
            .put("manifest", n.manifest().toString())
            .put("reason", n.reason());
    node.set("vulnerability", parse(n.vulnerabilityJson()));
    return node;
  }

  /** Clair's {@code notification_webhook}: the set's id and where to read it. */
  static ObjectNode callback(UUID id, URI base) {
    return JsonNodeFactory.instance
        .objectNode()
        .put("notification_id", id.toString())
        .put("callback", base.resolve(id.toString()).toString());
  }

  private static JsonNode parse(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
