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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The notifier's end-to-end scenario, shared by the deliverer tests: a combo server on PostgreSQL
 * with PSK auth, whose alpine updater reads a local mirror that first holds the 2020 YAML SecDB of
 * v3.10 (which predates every fix for P1's alpine:3.10 image) and then the 2024 JSON SecDB. P1 is
 * indexed in between, so the second update operation adds exactly the vulnerabilities the matcher
 * then reports for it.
 */
final class NotifierScenario implements AutoCloseable {
  static final byte[] KEY = "a shared key of thirty-two bytes!".getBytes(StandardCharsets.UTF_8);
  static final Duration DELIVERY_INTERVAL = Duration.ofSeconds(2);
  static final Duration WAIT = Duration.ofSeconds(60);
  private static final String[] REPOS = {"community", "main"};

  final Digest manifest = Digest.sha256("notified-manifest".getBytes(StandardCharsets.UTF_8));
  final String token =
      new PskAuthenticator(new ServerConfig.Psk(KEY, List.of("test")), Clock.systemUTC())
          .intraserviceAuthorization();
  final int port;
  final String callback;
  private final Path tmp;
  private final Path branch;
  private final PostgresSchema database;
  private final BlobServer blobs;

  NotifierScenario(Path tmp) throws Exception {
    this.tmp = tmp;
    this.branch = Files.createDirectories(tmp.resolve("secdb/v3.10"));
    for (String repo : REPOS) {
      Files.copy(
          Fixtures.fixture("feeds/alpine-secdb-yaml-2020/v3.10/" + repo + ".yaml"),
          branch.resolve(repo + ".yaml"));
    }
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    callback = "http://127.0.0.1:" + port + "/notifier/api/v1/notification/";
    database = new PostgresSchema();
    blobs = new BlobServer();
  }

  /** The server configuration with {@code deliverer} (lines indented by two) under notifier. */
  String config(String deliverer) {
    return "indexer:\n  layer_cache: \""
        + tmp.resolve("layers")
        + "\"\n  connstring: \""
        + database.url()
        + "\"\nmatcher:\n  connstring: \""
        + database.url()
        + "\"\n  period: 500ms\nupdaters:\n  sets: [alpine]\n  config:\n    alpine:\n      url: "
        + tmp.resolve("secdb").toUri()
        + "\nauth:\n  psk:\n    key: "
        + java.util.Base64.getEncoder().encodeToString(KEY)
        + "\n    iss: [test]\nnotifier:\n  poll_interval: 200ms\n  delivery_interval: "
        + DELIVERY_INTERVAL.toMillis()
        + "ms\n"
        + deliverer;
  }

  /** Starts a combo server with {@code yaml} on the scenario's port. */
  RunningServer start(String yaml) throws Exception {
    RunningServer server = RunningServer.start(Mode.COMBO, tmp, yaml, port);
    server.awaitReady();
    return server;
  }

  /** Indexes P1's layer under the manifest; the 2020 SecDB finds nothing in it. */
  void indexP1(RunningServer server) throws Exception {
    byte[] layer = AlpineLayers.p1Layer();
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("hash", manifest.toString());
    ObjectNode l = body.putArray("layers").addObject();
    l.put("hash", Digest.sha256(layer).toString());
    l.put("uri", blobs.blob(layer).toString());
    HttpResponse<String> indexed =
        server.send(
            "POST",
            "/indexer/api/v1/index_report",
            body.toString(),
            "Content-Type",
            "application/json",
            "Authorization",
            token);
    assertThat(indexed.statusCode()).as(indexed.body()).isEqualTo(201);
    assertThat(report(server)).as("the 2020 SecDB knows no fix for P1 yet").isEmpty();
  }

  /** Replaces the YAML SecDB with the 2024 JSON one, each file appearing whole. */
  void publishNewSecDb() throws Exception {
    for (String repo : REPOS) {
      Path partial = tmp.resolve(repo + ".json");
      Files.copy(Fixtures.fixture("feeds/alpine-secdb/v3.10/" + repo + ".json"), partial);
      Files.move(partial, branch.resolve(repo + ".json"), StandardCopyOption.ATOMIC_MOVE);
    }
    for (String repo : REPOS) {
      Files.delete(branch.resolve(repo + ".yaml"));
    }
  }

  /** The manifest's vulnerabilities now, as {@link #keys} lines. */
  Set<String> report(RunningServer server) throws Exception {
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

  /** Walks every page of a set, {@code size} at a time, checking each page. */
  List<JsonNode> allPages(RunningServer server, String id, int size) throws Exception {
    List<JsonNode> all = new ArrayList<>();
    String next = null;
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
    } while (next != null);
    return all;
  }

  /**
   * The manifest's vulnerabilities once the matcher sees the new data: reports may be cached for up
   * to a second after an update (see {@code MatcherService}), and a delivery can be faster.
   */
  private Set<String> currentReport(RunningServer server) throws Exception {
    java.time.Instant deadline = java.time.Instant.now().plusSeconds(10);
    Set<String> report = report(server);
    while (report.isEmpty() && java.time.Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
      report = report(server);
    }
    return report;
  }

  /** Checks that {@code notifications} are exactly the manifest's new vulnerabilities. */
  void assertExpected(RunningServer server, List<JsonNode> notifications) throws Exception {
    Set<String> expected = currentReport(server);
    assertThat(expected).as("P1 has about a dozen fixed vulnerabilities").hasSizeGreaterThan(5);
    assertThat(notifications).hasSize(expected.size());
    assertThat(notifications)
        .allSatisfy(
            n -> {
              assertValid("notification", n.toString());
              assertThat(n.get("manifest").asText()).isEqualTo(manifest.toString());
              assertThat(n.get("reason").asText()).isEqualTo("added");
            });
    assertThat(notifications.stream().map(n -> n.get("id").asText()).distinct())
        .hasSize(notifications.size());
    assertThat(keys(notifications)).isEqualTo(expected);
    assertThat(keys(notifications)).contains("CVE-2020-1967 openssl 1.1.1g-r0");
  }

  /** GET or DELETE on a set; returns the status. */
  int call(RunningServer server, String method, String id) throws Exception {
    return server
        .send(method, "/notifier/api/v1/notification/" + id, null, "Authorization", token)
        .statusCode();
  }

  /**
   * The callback-mode scenario: the set is announced, paging walks it, it is announced again while
   * unacknowledged, again after a restart, and never after its acknowledgement (not after another
   * restart either).
   *
   * @return the first announcement, for deliverer-specific checks
   */
  JsonNode runCallbackMode(String yaml, Inbox inbox) throws Exception {
    JsonNode first;
    String id;
    try (RunningServer server = start(yaml)) {
      indexP1(server);
      publishNewSecDb();
      first = inbox.next(WAIT);
      assertThat(first).as("an announcement within a minute").isNotNull();
      assertValid("notification_webhook", first.toString());
      id = first.get("notification_id").asText();
      assertThat(first.get("callback").asText()).isEqualTo(callback + id);
      List<JsonNode> notifications = allPages(server, id, 3);
      assertThat(notifications.size()).isGreaterThan(3);
      assertRefusesBadRequests(server, id);
      assertExpected(server, notifications);
      JsonNode again = inbox.next(WAIT);
      assertThat(again).as("unacknowledged: announced again").isNotNull();
      assertThat(again.get("notification_id").asText()).isEqualTo(id);
    }
    inbox.drain();
    try (RunningServer restarted = start(yaml)) {
      JsonNode afterRestart = inbox.next(WAIT);
      assertThat(afterRestart).as("announced again after a restart").isNotNull();
      assertThat(afterRestart.get("notification_id").asText()).isEqualTo(id);
      assertThat(call(restarted, "DELETE", id)).isEqualTo(200);
      inbox.drain();
      assertThat(inbox.next(DELIVERY_INTERVAL.multipliedBy(3)))
          .as("acknowledged: never again")
          .isNull();
      assertThat(call(restarted, "GET", id)).isEqualTo(404);
    }
    try (RunningServer third = start(yaml)) {
      assertThat(inbox.next(DELIVERY_INTERVAL.multipliedBy(3)))
          .as("acknowledged before the restart: never again")
          .isNull();
    }
    return first;
  }

  /**
   * The direct-mode scenario: the notifications themselves arrive in messages of at most {@code
   * rollup}, exactly once, and the set is done (no announcement again, gone from the API).
   */
  void runDirectMode(String yaml, Inbox inbox, int rollup) throws Exception {
    try (RunningServer server = start(yaml)) {
      indexP1(server);
      publishNewSecDb();
      JsonNode message = inbox.next(WAIT);
      assertThat(message).as("a message within a minute").isNotNull();
      List<JsonNode> notifications = new ArrayList<>();
      int messages = 0;
      while (message != null) {
        assertThat(message.isArray()).isTrue();
        assertThat(message.size()).isBetween(1, rollup);
        message.forEach(notifications::add);
        messages++;
        message = inbox.next(DELIVERY_INTERVAL.multipliedBy(3));
      }
      assertThat(messages).isEqualTo((notifications.size() + rollup - 1) / rollup);
      assertExpected(server, notifications);
    }
  }

  /** Hostile paging parameters and ids get a 400, an unknown set a 404. */
  private void assertRefusesBadRequests(RunningServer server, String id) throws Exception {
    for (String query : new String[] {"?page_size=0", "?page_size=x", "?next=-1", "?next=%27"}) {
      assertThat(call(server, "GET", id + query)).as(query).isEqualTo(400);
    }
    assertThat(call(server, "GET", "not-a-uuid")).isEqualTo(400);
    assertThat(call(server, "DELETE", "not-a-uuid")).isEqualTo(400);
    assertThat(call(server, "GET", java.util.UUID.randomUUID().toString())).isEqualTo(404);
  }

  /**
   * The summary scenario: one direct message holding one notification, the manifest's most severe
   * new vulnerability.
   */
  void runSummary(String yaml, Inbox inbox) throws Exception {
    try (RunningServer server = start(yaml)) {
      indexP1(server);
      publishNewSecDb();
      JsonNode message = inbox.next(WAIT);
      assertThat(message).as("a message within a minute").isNotNull();
      assertThat(message).hasSize(1);
      JsonNode only = message.get(0);
      assertThat(only.get("manifest").asText()).isEqualTo(manifest.toString());
      assertThat(only.get("reason").asText()).isEqualTo("added");
      assertThat(currentReport(server)).containsAll(keys(List.of(only)));
      assertThat(inbox.next(DELIVERY_INTERVAL.multipliedBy(2))).isNull();
    }
  }

  /** Each vulnerability as "name package fixed_in_version". */
  static Set<String> keys(List<JsonNode> items) {
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

  @Override
  public void close() throws Exception {
    blobs.close();
    database.close();
  }
}
