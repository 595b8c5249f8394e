package dev.vigil.server;

import static dev.vigil.server.ClairSchemas.assertValid;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.model.Digest;
import dev.vigil.model.Json;
import dev.vigil.server.auth.PskAuthenticator;
import dev.vigil.server.config.Mode;
import dev.vigil.server.config.ServerConfig;
import dev.vigil.testing.Fixtures;
import dev.vigil.testing.PostgresSchema;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notifier end to end with the webhook deliverer, on PostgreSQL: P1's alpine:3.10 image is
 * indexed while the alpine updater holds the 2020 YAML SecDB of v3.10 (which predates every fix for
 * the image); then the mirror switches to the 2024 JSON SecDB. The notifier diffs the two
 * operations and notifies exactly the vulnerabilities the matcher now reports for the manifest, all
 * {@code added}; the webhook (PSK-signed, with a custom header) announces the set until it is
 * acknowledged, also after a restart, and never after.
 */
class NotifierWebhookTest {
  private static final byte[] KEY =
      "a shared key of thirty-two bytes!".getBytes(StandardCharsets.UTF_8);
  private static final Duration DELIVERY_INTERVAL = Duration.ofSeconds(2);
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path tmp;

  private final String token =
      new PskAuthenticator(new ServerConfig.Psk(KEY, List.of("test")), Clock.systemUTC())
          .intraserviceAuthorization();

  @Test
  void notifiesTheNewFixesOnceAcknowledged() throws Exception {
    Path branch = Files.createDirectories(tmp.resolve("secdb/v3.10"));
    for (String repo : new String[] {"main", "community"}) {
      Files.copy(
          Fixtures.fixture("feeds/alpine-secdb-yaml-2020/v3.10/" + repo + ".yaml"),
          branch.resolve(repo + ".yaml"));
    }
    Digest manifest = Digest.sha256("notified-manifest".getBytes(StandardCharsets.UTF_8));
    int port = freePort();
    String callback = "http://127.0.0.1:" + port + "/notifier/api/v1/notification/";
    try (PostgresSchema database = new PostgresSchema();
        BlobServer blobs = new BlobServer();
        WebhookReceiver receiver = new WebhookReceiver(KEY)) {
      String yaml = config(database, receiver, callback);
      String notificationId;
      try (RunningServer server = RunningServer.start(Mode.COMBO, tmp, yaml, port)) {
        server.awaitReady();
        HttpResponse<String> indexed = index(server, blobs, manifest);
        assertThat(indexed.statusCode()).as(indexed.body()).isEqualTo(201);
        assertThat(report(server, manifest)).as("the 2020 SecDB knows no fix yet").isEmpty();

        for (String repo : new String[] {"community", "main"}) {
          Path partial = tmp.resolve(repo + ".json");
          Files.copy(Fixtures.fixture("feeds/alpine-secdb/v3.10/" + repo + ".json"), partial);
          Files.move(partial, branch.resolve(repo + ".json"), StandardCopyOption.ATOMIC_MOVE);
        }
        for (String repo : new String[] {"main", "community"}) {
          Files.delete(branch.resolve(repo + ".yaml"));
        }

        WebhookReceiver.Delivery first = receiver.next(WAIT);
        assertThat(first).as("a webhook within a minute").isNotNull();
        assertValid("notification_webhook", first.body().toString());
        notificationId = first.body().get("notification_id").asText();
        assertThat(first.body().get("callback").asText()).isEqualTo(callback + notificationId);
        assertThat(first.issuer()).isEqualTo(PskAuthenticator.INTRASERVICE_ISSUER);
        assertThat(first.testHeader()).isEqualTo("yes");

        Set<String> expected = report(server, manifest);
        assertThat(expected).as("P1 has about 20 fixed vulnerabilities").hasSizeGreaterThan(10);
        List<JsonNode> notifications = allPages(server, notificationId, 3);
        assertThat(notifications).hasSize(expected.size());
        assertThat(notifications)
            .allSatisfy(
                n -> {
                  assertThat(n.get("manifest").asText()).isEqualTo(manifest.toString());
                  assertThat(n.get("reason").asText()).isEqualTo("added");
                });
        assertThat(notifications.stream().map(n -> n.get("id").asText()).distinct())
            .hasSize(notifications.size());
        assertThat(keys(notifications)).isEqualTo(expected);
        assertThat(keys(notifications)).contains("CVE-2020-1967 openssl 1.1.1g-r0");

        WebhookReceiver.Delivery again = receiver.next(WAIT);
        assertThat(again).as("unacknowledged: delivered again").isNotNull();
        assertThat(again.body().get("notification_id").asText()).isEqualTo(notificationId);
      }

      drain(receiver);
      try (RunningServer restarted = RunningServer.start(Mode.COMBO, tmp, yaml, port)) {
        WebhookReceiver.Delivery afterRestart = receiver.next(WAIT);
        assertThat(afterRestart).as("delivered again after a restart").isNotNull();
        assertThat(afterRestart.body().get("notification_id").asText()).isEqualTo(notificationId);

        HttpResponse<String> ack =
            restarted.send(
                "DELETE",
                "/notifier/api/v1/notification/" + notificationId,
                null,
                "Authorization",
                token);
        assertThat(ack.statusCode()).isEqualTo(200);
        drain(receiver);
        assertThat(receiver.next(DELIVERY_INTERVAL.multipliedBy(3)))
            .as("acknowledged: never again")
            .isNull();
        assertThat(
                restarted
                    .send(
                        "GET",
                        "/notifier/api/v1/notification/" + notificationId,
                        null,
                        "Authorization",
                        token)
                    .statusCode())
            .isEqualTo(404);
      }

      try (RunningServer third = RunningServer.start(Mode.COMBO, tmp, yaml, port)) {
        assertThat(receiver.next(DELIVERY_INTERVAL.multipliedBy(3)))
            .as("acknowledged before the restart: never again")
            .isNull();
      }
    }
  }

  private String config(PostgresSchema database, WebhookReceiver receiver, String callback) {
    return "indexer:\n  layer_cache: \""
        + tmp.resolve("layers")
        + "\"\n  connstring: \""
        + database.url()
        + "\"\nmatcher:\n  connstring: \""
        + database.url()
        + "\"\n  period: 500ms\nupdaters:\n  sets: [alpine]\n  config:\n    alpine:\n      url: "
        + tmp.resolve("secdb").toUri()
        + "\nauth:\n  psk:\n    key: "
        + Base64.getEncoder().encodeToString(KEY)
        + "\n    iss: [test]\nnotifier:\n  poll_interval: 200ms\n  delivery_interval: "
        + DELIVERY_INTERVAL.toMillis()
        + "ms\n  webhook:\n    target: "
        + receiver.url()
        + "\n    callback: "
        + callback
        + "\n    signed: true\n    headers:\n      X-Vigil-Test: [\"yes\"]\n";
  }

  /** Indexes P1's layer under {@code manifest}. */
  private HttpResponse<String> index(RunningServer server, BlobServer blobs, Digest manifest)
      throws Exception {
    byte[] layer = AlpineLayers.p1Layer();
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("hash", manifest.toString());
    ObjectNode l = body.putArray("layers").addObject();
    l.put("hash", Digest.sha256(layer).toString());
    l.put("uri", blobs.blob(layer).toString());
    return server.send(
        "POST",
        "/indexer/api/v1/index_report",
        body.toString(),
        "Content-Type",
        "application/json",
        "Authorization",
        token);
  }

  /** The manifest's vulnerabilities as "name package fixed" lines. */
  private Set<String> report(RunningServer server, Digest manifest) throws Exception {
    HttpResponse<String> response =
        server.send(
            "GET",
            "/matcher/api/v1/vulnerability_report/" + manifest,
            null,
            "Authorization",
            token);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<JsonNode> vulnerabilities = new ArrayList<>();
    Json.mapper().readTree(response.body()).get("vulnerabilities").forEach(vulnerabilities::add);
    return keys(vulnerabilities);
  }

  /** Walks every page of a set, {@code size} at a time. */
  private List<JsonNode> allPages(RunningServer server, String id, int size) throws Exception {
    List<JsonNode> all = new ArrayList<>();
    String next = null;
    int pages = 0;
    do {
      HttpResponse<String> page =
          server.send(
              "GET",
              "/notifier/api/v1/notification/"
                  + id
                  + "?page_size="
                  + size
                  + (next == null ? "" : "&next=" + next),
              null,
              "Authorization",
              token);
      assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
      assertValid("notification_page", page.body());
      JsonNode body = Json.mapper().readTree(page.body());
      assertThat(body.get("notifications").size()).isLessThanOrEqualTo(size);
      assertThat(body.get("page").get("size").asInt()).isEqualTo(body.get("notifications").size());
      body.get("notifications").forEach(all::add);
      next = body.get("page").has("next") ? body.get("page").get("next").asText() : null;
      pages++;
    } while (next != null);
    assertThat(pages).isGreaterThan(1);
    return all;
  }

  private static Set<String> keys(List<JsonNode> items) {
    Set<String> keys = new HashSet<>();
    for (JsonNode item : items) {
      JsonNode v = item.has("vulnerability") ? item.get("vulnerability") : item;
      keys.add(
          v.get("name").asText()
              + " "
              + v.get("package").get("name").asText()
              + " "
              + v.get("fixed_in_version").asText());
    }
    return keys;
  }

  private static void drain(WebhookReceiver receiver) throws InterruptedException {
    while (receiver.next(Duration.ofMillis(300)) != null) {
      // a delivery that was in flight when the set was acknowledged
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
