package dev.vigil.server;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notifier with the STOMP deliverer against RabbitMQ's STOMP plugin on loopback, sending to the
 * test's own queue ({@code /amq/queue/<name>}): callback mode as the webhook, and direct mode with
 * rollup; see {@link NotifierScenario}.
 */
class NotifierStompTest {
  @TempDir Path tmp;

  @Test
  void callbackModeAnnouncesUntilAcknowledged() throws Exception {
    try (NotifierScenario scenario = new NotifierScenario(tmp);
        QueueInbox inbox = new QueueInbox()) {
      scenario.runCallbackMode(scenario.config(stomp(inbox, false, scenario.callback)), inbox);
    }
  }

  @Test
  void directModeDeliversTheNotificationsRolledUp() throws Exception {
    try (NotifierScenario scenario = new NotifierScenario(tmp);
        QueueInbox inbox = new QueueInbox()) {
      scenario.runDirectMode(scenario.config(stomp(inbox, true, null)), inbox, 3);
    }
  }

  private static String stomp(QueueInbox inbox, boolean direct, String callback) {
    return "  stomp:\n    uris: [\"127.0.0.1:61613\"]\n    user:\n      login: guest\n"
        + "      passcode: guest\n    destination: /amq/queue/"
        + inbox.queue()
        + "\n    direct: "
        + direct
        + "\n    rollup: 3\n"
        + (callback == null ? "" : "    callback: " + callback + "\n");
  }
}
