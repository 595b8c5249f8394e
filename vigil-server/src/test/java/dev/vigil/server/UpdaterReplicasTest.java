package dev.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.Json;
import dev.vigil.server.config.Mode;
import dev.vigil.testing.PostgresSchema;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two matcher processes on one PostgreSQL schema, each running the alpine updater every second from
 * a local {@code file:} mirror of the SecDB fixture: every feed change becomes exactly one update
 * operation (the updater runs under an advisory lock, so replicas never run it at once), and
 * garbage collection keeps {@code update_retention} operations.
 */
class UpdaterReplicasTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final int RETENTION = 2;
  private static final int CHANGES = 4;
  private static final Pattern SIZE =
      Pattern.compile("(?m)^vigil_database_bytes\\{service=\"matcher\"} ([0-9.E]+)$");

  @TempDir Path tmp;

  @Test
  void eachUpdateRunsOnceAndRetentionBoundsTheOperations() throws Exception {
    URI mirror = AlpineLayers.secDbMirror(tmp);
    Path feed = tmp.resolve("secdb/v3.10/main.json");
    try (PostgresSchema database = new PostgresSchema()) {
      String yaml =
          "matcher:\n  connstring: \""
              + database.url()
              + "\"\n  indexer_addr: http://127.0.0.1:9/\n  period: 1s\n  update_retention: "
              + RETENTION
              + "\nupdaters:\n  sets: [alpine]\n  config:\n    alpine:\n      url: "
              + mirror
              + "\n";
      CompletableFuture<RunningServer> first = start(yaml);
      CompletableFuture<RunningServer> second = start(yaml);
      try (RunningServer a = first.get();
          RunningServer b = second.get()) {
        a.awaitReady();
        b.awaitReady();
        Thread.sleep(2500);
        List<String> fingerprints = fingerprints(database);
        assertThat(fingerprints).as("the first feed made one operation").hasSize(1);

        for (int change = 1; change <= CHANGES; change++) {
          String before = fingerprints.get(0);
          Files.writeString(feed, "\n", StandardOpenOption.APPEND);
          Instant deadline = Instant.now().plus(TIMEOUT);
          while (fingerprints.get(0).equals(before) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            fingerprints = fingerprints(database);
          }
          Thread.sleep(2500);
          fingerprints = fingerprints(database);
          assertThat(new HashSet<>(fingerprints))
              .as("change %d: one operation per feed version, never two", change)
              .hasSize(fingerprints.size());
          assertThat(fingerprints).hasSize(Math.min(change + 1, RETENTION));
        }
        assertThat(operationRows(database)).isEqualTo(RETENTION);

        assertOperations(a, RETENTION);
        assertOperations(b, RETENTION);
        for (RunningServer server : List.of(a, b)) {
          Matcher size = SIZE.matcher(server.introspect("/metrics").body());
          assertThat(size.find()).isTrue();
          assertThat(Double.parseDouble(size.group(1))).isPositive();
        }
      }
    }
  }

  private CompletableFuture<RunningServer> start(String yaml) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return RunningServer.start(Mode.MATCHER, tmp, yaml);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  /** The fingerprints of the stored alpine operations, newest first. */
  private static List<String> fingerprints(PostgresSchema database) throws Exception {
    try (Connection c = DriverManager.getConnection(database.url());
        Statement s = c.createStatement();
        ResultSet rows =
            s.executeQuery(
                "SELECT fingerprint FROM update_operation WHERE updater = 'alpine'"
                    + " ORDER BY id DESC")) {
      List<String> fingerprints = new ArrayList<>();
      while (rows.next()) {
        fingerprints.add(rows.getString(1));
      }
      return fingerprints;
    }
  }

  private static int operationRows(PostgresSchema database) throws Exception {
    try (Connection c = DriverManager.getConnection(database.url());
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT count(*) FROM update_operation")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  /** Checks what a replica's API says about the operations. */
  private static void assertOperations(RunningServer server, int expected) throws Exception {
    var response = server.send("GET", "/matcher/api/v1/internal/update_operation", null);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode ops = Json.mapper().readTree(response.body()).get("alpine");
    assertThat(ops).hasSize(expected);
  }
}
