package dev.vigil.server.notifier;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.vigil.datastore.NotificationStore;
import dev.vigil.server.config.ServerConfig;
import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Clair's AMQP 0.9.1 deliverer: publishes persistent, mandatory JSON messages to the exchange with
 * the routing key, trying the brokers in order, and counts a set delivered only once the broker
 * confirmed every message and returned none as unroutable.
 *
 * <p>Thread-safe: each delivery uses its own connection.
 */
public final class AmqpDeliverer extends QueueDeliverer<URI> {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final AMQP.BasicProperties PROPERTIES =
      new AMQP.BasicProperties.Builder().contentType("application/json").deliveryMode(2).build();

  private final ServerConfig.Amqp config;

  /** A deliverer for {@code config}, reading direct notifications from {@code store}. */
  public AmqpDeliverer(ServerConfig.Amqp config, NotificationStore store) {
    super(store, config.uris(), config.direct(), config.rollup(), config.callback());
    this.config = config;
  }

  @Override
  public String name() {
    return "amqp";
  }

  @Override
  void send(URI uri, List<byte[]> bodies) throws IOException {
    try {
      publish(uri, bodies);
    } catch (IOException e) {
      Throwable cause = e.getMessage() == null && e.getCause() != null ? e.getCause() : e;
      throw new IOException("amqp: " + uri.getHost() + ": " + cause.getMessage(), e);
    }
  }

  private void publish(URI uri, List<byte[]> bodies) throws IOException {
    ConnectionFactory factory = new ConnectionFactory();
    try {
      factory.setUri(uri);
    } catch (GeneralSecurityException e) {
      throw new IOException("amqp: unusable URI " + uri.getHost() + ": " + e.getMessage(), e);
    }
    factory.setConnectionTimeout((int) TIMEOUT.toMillis());
    factory.setHandshakeTimeout((int) TIMEOUT.toMillis());
    factory.setAutomaticRecoveryEnabled(false);
    AtomicBoolean returned = new AtomicBoolean();
    try (Connection connection = factory.newConnection("vigil-notifier");
        Channel channel = connection.createChannel()) {
      channel.addReturnListener(r -> returned.set(true));
      channel.confirmSelect();
      for (byte[] body : bodies) {
        channel.basicPublish(config.exchange(), config.routingKey(), true, PROPERTIES, body);
      }
      channel.waitForConfirmsOrDie(TIMEOUT.toMillis());
    } catch (TimeoutException e) {
      throw new IOException("amqp: " + uri.getHost() + ": no confirmation in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("amqp: interrupted", e);
    }
    if (returned.get()) {
      throw new IOException(
          "amqp: exchange '"
              + config.exchange()
              + "' routed no message with key '"
              + config.routingKey()
              + "'");
    }
  }
}
