package dev.vigil.server.http.v4;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.datastore.NotificationStore;
import dev.vigil.datastore.NotificationStore.Page;
import dev.vigil.server.http.ApiException;
import dev.vigil.server.http.ApiPaths;
import dev.vigil.server.http.MediaTypes;
import dev.vigil.server.http.Requests;
import dev.vigil.server.http.Responses;
import dev.vigil.server.notifier.NotificationJson;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.UUID;

/** The notifier's endpoints: pages of a notification set, and its acknowledgement. */
public final class NotifierRoutes {
  static final String PAGE_TYPE = "application/vnd.clair.notification_page.v1+json";
  static final int DEFAULT_PAGE_SIZE = 500;
  static final int MAX_PAGE_SIZE = 5000;

  private final NotificationStore store;

  /** Routes over {@code store}. */
  public NotifierRoutes(NotificationStore store) {
    this.store = store;
  }

  /** Declares the routes. */
  public void register(RoutesConfig routes) {
    routes.get(ApiPaths.NOTIFICATION, this::page);
    routes.delete(ApiPaths.NOTIFICATION, this::acknowledge);
  }

  private void page(Context ctx) {
    String type = MediaTypes.negotiate(ctx, PAGE_TYPE, Responses.JSON);
    UUID id = Requests.uuid("id", ctx.pathParam("id"));
    int size = pageSize(ctx.queryParam("page_size"));
    String next = ctx.queryParam("next");
    Optional<Page> page;
    try {
      page = store.notificationPage(id, Optional.ofNullable(next).filter(n -> !n.isEmpty()), size);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    Page found =
        page.orElseThrow(() -> ApiException.notFound("notification set \"" + id + "\" not found"));
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ObjectNode pageNode = body.putObject("page").put("size", found.notifications().size());
    found.next().ifPresent(token -> pageNode.put("next", token));
    ArrayNode list = body.putArray("notifications");
    found.notifications().forEach(n -> list.add(NotificationJson.notification(n)));
    Responses.json(ctx, 200, type, body);
  }

  private void acknowledge(Context ctx) {
    UUID id = Requests.uuid("id", ctx.pathParam("id"));
    store.acknowledgeNotifications(id);
    ctx.status(200);
  }

  private static int pageSize(String text) {
    if (text == null || text.isEmpty()) {
      return DEFAULT_PAGE_SIZE;
    }
    try {
      int size = Integer.parseInt(text);
      if (size > 0) {
        return Math.min(size, MAX_PAGE_SIZE);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ApiException.badRequest("\"page_size\" must be a positive number: \"" + text + "\"");
  }
}
