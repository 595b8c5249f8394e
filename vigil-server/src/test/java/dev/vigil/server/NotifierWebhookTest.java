package dev.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.auth.PskAuthenticator;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notifier with the webhook deliverer: every announcement reaching the loopback receiver is
 * signed with the PSK (the receiver refuses tokens whose signature does not verify) and carries the
 * configured header; see {@link NotifierScenario#runCallbackMode}.
 */
class NotifierWebhookTest {
  @TempDir Path tmp;

  @Test
  void announcesTheNewFixesUntilAcknowledged() throws Exception {
    try (NotifierScenario scenario = new NotifierScenario(tmp);
        WebhookReceiver receiver = new WebhookReceiver(NotifierScenario.KEY)) {
      String yaml =
          scenario.config(
              "  webhook:\n    target: "
                  + receiver.url()
                  + "\n    callback: "
                  + scenario.callback
                  + "\n    signed: true\n    headers:\n      X-Vigil-Test: [\"yes\"]\n");
      scenario.runCallbackMode(yaml, receiver);
      assertThat(receiver.accepted()).isGreaterThanOrEqualTo(3);
      assertThat(receiver.refused()).isZero();
      assertThat(receiver.issuers()).containsOnly(PskAuthenticator.INTRASERVICE_ISSUER);
      assertThat(receiver.testHeaders()).containsOnly("yes");
    }
  }
}
