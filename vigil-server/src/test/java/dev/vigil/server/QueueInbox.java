package dev.vigil.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import dev.vigil.model.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A queue of its own on the loopback RabbitMQ (guest/guest), declared on creation and deleted on
 * close, read by polling.
 */
final class QueueInbox implements Inbox, AutoCloseable {
  static final String AMQP_URI = "amqp://guest:guest@127.0.0.1:5672";

  private final Connection connection;
  private final Channel channel;
  private final String queue = "vigil-test-" + UUID.randomUUID();

  QueueInbox() throws Exception {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setUri(AMQP_URI);
    factory.setConnectionTimeout(10_000);
    factory.setHandshakeTimeout(10_000);
    connection = factory.newConnection("vigil-test");
    channel = connection.createChannel();
    channel.queueDeclare(queue, false, false, false, null);
  }

  /** The queue's name. */
  String queue() {
    return queue;
  }

  @Override
  public JsonNode next(Duration wait) throws Exception {
    Instant deadline = Instant.now().plus(wait);
    do {
      GetResponse message = channel.basicGet(queue, true);
      if (message != null) {
        return Json.mapper().readTree(message.getBody());
      }
      Thread.sleep(50);
    } while (Instant.now().isBefore(deadline));
    return null;
  }

  @Override
  public void close() throws Exception {
    channel.queueDelete(queue);
    connection.close();
  }
}
