package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.vigil.datastore.Datastore;
import dev.vigil.model.UpdateOperation;
import dev.vigil.store.Datastores;
import dev.vigil.testing.Fixtures;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vigil db}: the air-gap flow with the real Alpine SecDB fixture as a {@code file:} mirror
 * and the alpine:3.10 image (pair P1, 20 findings): export on one store, import into an empty one
 * without any source, same scan; a truncated archive is refused and the store left unchanged.
 */
class DbCommandsTest {
  @TempDir static Path tmp;
  private static Path archive;
  private static String connectedDb;

  @BeforeAll
  static void exportTheFeed() {
    connectedDb = AlpineFeed.load(tmp);
    archive = tmp.resolve("feeds.tar.gz");
    String mirror = Fixtures.fixture("feeds/alpine-secdb").toUri().toString();
    CliRun export =
        CliRun.of(
            "db",
            "export",
            "--updaters",
            "alpine",
            "--source",
            "alpine=" + mirror,
            archive.toString());
    assertThat(export.exitCode()).as(export.err()).isZero();
    assertThat(export.out()).containsPattern("alpine: fetched \\d+ files").contains("wrote ");
  }

  @Test
  void anImportedStoreScansLikeTheConnectedOne(@TempDir Path dir) {
    String offline = dir.resolve("offline.db").toString();

    CliRun imported = CliRun.of("db", "import", "--db", offline, archive.toString());

    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out()).isEqualTo("alpine: imported, 85454 vulnerabilities\n");
    CliRun connected = CliRun.of("scan", "--db", connectedDb, AlpineFeed.image());
    CliRun airGapped = CliRun.of("scan", "--db", offline, AlpineFeed.image());
    assertThat(connected.out()).contains("Total: 20 (UNKNOWN: 20)");
    assertThat(airGapped.out()).isEqualTo(connected.out());
    try (Datastore a = Datastores.open(connectedDb);
        Datastore b = Datastores.open(offline)) {
      assertThat(b.latestUpdateOperation("alpine").map(UpdateOperation::fingerprint))
          .isEqualTo(a.latestUpdateOperation("alpine").map(UpdateOperation::fingerprint));
    }
  }

  @Test
  void statusShowsRunsCountsAndSize(@TempDir Path dir) {
    CliRun status = CliRun.of("db", "status", "--db", connectedDb);

    assertThat(status.exitCode()).as(status.err()).isZero();
    assertThat(status.out())
        .containsPattern("database: .*vigil\\.db \\(\\d+\\.\\d MiB\\)")
        // 85454 statements parsed; identical ones are stored once
        .containsPattern("(?m)^alpine +\\d{4}-\\d\\d-\\d\\dT[0-9:]+Z +84944  \\{\"file:");
    CliRun empty = CliRun.of("db", "status", "--db", dir.resolve("empty.db").toString());
    assertThat(empty.out()).containsPattern("(?m)^alpine +never +-");
  }

  @Test
  void aTruncatedArchiveIsRefusedAndTheStoreUnchanged(@TempDir Path dir) throws Exception {
    byte[] whole = Files.readAllBytes(archive);
    Path truncated = dir.resolve("truncated.tar.gz");
    Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));
    Map<String, List<UpdateOperation>> before;
    try (Datastore store = Datastores.open(connectedDb)) {
      before = store.updateOperations();
    }

    CliRun run = CliRun.of("db", "import", "--db", connectedDb, truncated.toString());

    assertThat(run.exitCode()).isEqualTo(VigilCli.ERROR);
    assertThat(run.err())
        .startsWith(
            "vigil: db import: refused the archive: it is truncated or corrupt (unexpected end")
        .contains("the store is unchanged");
    try (Datastore store = Datastores.open(connectedDb)) {
      assertThat(store.updateOperations()).isEqualTo(before);
    }
  }

  @Test
  void importsFromAnHttpUrl(@TempDir Path dir) throws Exception {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    byte[] body = Files.readAllBytes(archive);
    server.createContext(
        "/feeds.tar.gz",
        exchange -> {
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/feeds.tar.gz";
      CliRun run =
          CliRun.of(
              "db", "import", "--db", dir.resolve("http.db").toString(), "--timeout", "10s", url);
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).contains("alpine: imported, 85454 vulnerabilities");
    } finally {
      server.stop(0);
    }
  }
}
