package dev.vigil.server.notifier;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.server.config.ServerConfig;
import dev.vigil.server.http.Responses;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Clair's webhook deliverer: POSTs {@code {"notification_id": …, "callback": …}} to the target,
 * with the configured headers, and signed with a PSK JWT ({@code Authorization: Bearer …}) when
 * configured. Any 2xx answer means delivered.
 *
 * <p>Thread-safe.
 */
public final class WebhookDeliverer implements Deliverer {
  static final String MEDIA_TYPE = "application/vnd.clair.notification_webhook.v1+json";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final ServerConfig.Webhook config;
  private final Optional<Supplier<String>> authorization;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  /**
   * A deliverer for {@code config}.
   *
   * @param authorization makes a fresh {@code Authorization} value, when the webhook is signed
   */
  public WebhookDeliverer(ServerConfig.Webhook config, Optional<Supplier<String>> authorization) {
    this.config = config;
    this.authorization = authorization;
  }

  @Override
  public String name() {
    return "webhook";
  }

  @Override
  public boolean deliver(UUID id) throws IOException {
    ObjectNode body = NotificationJson.callback(id, config.callback());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(config.target())
            .timeout(TIMEOUT)
            .header("Content-Type", MEDIA_TYPE)
            .POST(HttpRequest.BodyPublishers.ofByteArray(Responses.encode(body)));
    for (Map.Entry<String, List<String>> header : config.headers().entrySet()) {
      header.getValue().forEach(value -> request.header(header.getKey(), value));
    }
    authorization.ifPresent(token -> request.header("Authorization", token.get()));
    HttpResponse<Void> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("webhook: interrupted", e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new IOException("webhook: " + config.target() + " answered " + response.statusCode());
    }
    return false;
  }
}
