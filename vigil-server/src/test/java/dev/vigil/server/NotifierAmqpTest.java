package dev.vigil.server;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notifier with the AMQP deliverer against the loopback RabbitMQ, publishing through the
 * default exchange to a queue of the test's own: callback mode as the webhook, and direct mode with
 * rollup; see {@link NotifierScenario}.
 */
class NotifierAmqpTest {
  @TempDir Path tmp;

  @Test
  void callbackModeAnnouncesUntilAcknowledged() throws Exception {
    try (NotifierScenario scenario = new NotifierScenario(tmp);
        QueueInbox inbox = new QueueInbox()) {
      scenario.runCallbackMode(scenario.config(amqp(inbox, false, scenario.callback)), inbox);
    }
  }

  @Test
  void directModeDeliversTheNotificationsRolledUp() throws Exception {
    try (NotifierScenario scenario = new NotifierScenario(tmp);
        QueueInbox inbox = new QueueInbox()) {
      scenario.runDirectMode(scenario.config(amqp(inbox, true, null)), inbox, 4);
    }
  }

  @Test
  void summaryKeepsTheMostSevereVulnerabilityPerManifest() throws Exception {
    try (NotifierScenario scenario = new NotifierScenario(tmp);
        QueueInbox inbox = new QueueInbox()) {
      scenario.runSummary(scenario.config("  summary: true\n" + amqp(inbox, true, null)), inbox);
    }
  }

  private static String amqp(QueueInbox inbox, boolean direct, String callback) {
    return "  amqp:\n    uris: [\""
        + QueueInbox.AMQP_URI
        + "\"]\n    exchange:\n      name: \"\"\n    routing_key: "
        + inbox.queue()
        + "\n    direct: "
        + direct
        + "\n    rollup: 4\n"
        + (callback == null ? "" : "    callback: " + callback + "\n");
  }
}
