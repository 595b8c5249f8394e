package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vigil.datastore.Datastore;
import dev.vigil.model.UpdateOperation;
import dev.vigil.store.Datastores;
import dev.vigil.testing.Compress;
import dev.vigil.testing.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults while {@code vigil update} ingests the Debian OVAL fixtures into SQLite, each after a
 * first run stored bookworm's: {@code kill -9} of a child JVM mid-ingest (once its write-ahead log
 * has grown past a megabyte), a feed whose connection a loopback HTTP server closes mid-body, and a
 * feed whose XML turns into JSON halfway. The previous data stays visible and complete ({@code db
 * status} and the latest operation unchanged), a broken feed is reported failed, and the next run
 * completes.
 */
class UpdateFaultsTest {
  private static final List<String> RELEASES = List.of("bookworm", "bullseye", "buster");

  private static final String FILE = "oval-definitions-bookworm.xml.bz2";

  @TempDir Path tmp;
  private HttpServer server;
  private volatile byte[] body;
  private volatile boolean cut;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::serve);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  @Timeout(600)
  void aKilledUpdateLeavesThePreviousDataAndTheNextRunCompletes() throws Exception {
    String db = seeded();
    Path all = mirror("all", RELEASES);
    String statusBefore = status(db);
    Optional<UpdateOperation> before = latest(db);

    Process child = childUpdate(db, all);
    Path wal = Path.of(db + "-wal");
    Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
    while (child.isAlive() && !(Files.exists(wal) && Files.size(wal) > (1 << 20))) {
      assertThat(Instant.now()).isBefore(deadline);
      Thread.sleep(5);
    }
    assertThat(child.isAlive()).as("the update was still ingesting").isTrue();
    child.destroyForcibly();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).isEqualTo(137);

    assertThat(status(db)).isEqualTo(statusBefore);
    assertThat(latest(db)).isEqualTo(before);

    CliRun next = update(db, "debian-oval=" + all.toUri());
    assertThat(next.exitCode()).as(next.err()).isZero();
    assertThat(next.out()).startsWith("debian-oval: updated, ");
    assertThat(latest(db).map(UpdateOperation::ref)).isNotEqualTo(before.map(UpdateOperation::ref));
  }

  @Test
  void aFeedCutOffMidDownloadFailsAndKeepsThePreviousData() throws Exception {
    String db = seeded();
    String before = status(db);
    Optional<UpdateOperation> latest = latest(db);
    body = (Files.readAllBytes(Fixtures.fixture("feeds/debian-oval/" + FILE)));
    cut = true;

    CliRun update = updateOverHttp(db);

    assertThat(update.exitCode()).isEqualTo(2);
    assertThat(update.err())
        .contains("\ndebian-oval: failed: feed: GET http://127.0.0.1:")
        .contains(FILE + ": the body broke off after ");
    assertThat(status(db)).isEqualTo(before);
    assertThat(latest(db)).isEqualTo(latest);
  }

  @Test
  void aFeedThatChangesFormatMidStreamFailsAndKeepsThePreviousData() throws Exception {
    String db = seeded();
    String before = status(db);
    Optional<UpdateOperation> latest = latest(db);
    byte[] xml;
    try (InputStream in =
        new BZip2CompressorInputStream(
            Files.newInputStream(Fixtures.fixture("feeds/debian-oval/" + FILE)))) {
      xml = in.readNBytes(4 << 20);
    }
    byte[] json = "\n{\"definitions\": [{\"id\": 1}], \"format\": \"json\"}\n".getBytes();
    body = Compress.bzip2(concat(xml, json));
    cut = false;

    CliRun update = updateOverHttp(db);

    assertThat(update.exitCode()).isEqualTo(2);
    assertThat(update.err()).contains("\ndebian-oval: failed: ").contains("not well-formed XML");
    assertThat(status(db)).isEqualTo(before);
    assertThat(latest(db)).isEqualTo(latest);
  }

  /** A database holding the bookworm OVAL fixture, updated from a file mirror. */
  private String seeded() throws IOException {
    String db = tmp.resolve("vigil.db").toString();
    CliRun first = update(db, "debian-oval=" + mirror("first", RELEASES.subList(0, 1)).toUri());
    assertThat(first.exitCode()).as(first.err()).isZero();
    return db;
  }

  private CliRun updateOverHttp(String db) {
    return update(db, "debian-oval=http://127.0.0.1:" + server.getAddress().getPort() + "/oval/");
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (path.equals("/oval/")) {
        byte[] index =
            ("<html><body><a href=\"" + FILE + "\">" + FILE + "</a></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html");
        exchange.sendResponseHeaders(200, index.length);
        exchange.getResponseBody().write(index);
      } else if (path.equals("/oval/" + FILE)) {
        exchange.sendResponseHeaders(200, body.length);
        OutputStream out = exchange.getResponseBody();
        out.write(body, 0, cut ? body.length / 2 : body.length);
        out.flush();
        if (cut) {
          throw new IOException("feed server: closing the connection mid-body");
        }
      } else {
        exchange.sendResponseHeaders(404, -1);
      }
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private Path mirror(String name, List<String> releases) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(name));
    for (String release : releases) {
      String file = "oval-definitions-" + release + ".xml.bz2";
      Files.copy(Fixtures.fixture("feeds/debian-oval/" + file), dir.resolve(file));
    }
    return dir;
  }

  private static CliRun update(String db, String source) {
    return CliRun.of("update", "--db", db, "--updaters", "debian-oval", "--source", source);
  }

  private Process childUpdate(String db, Path mirror) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(
            java.toString(),
            "-cp",
            System.getProperty("java.class.path"),
            VigilCli.class.getName(),
            "update",
            "--db",
            db,
            "--updaters",
            "debian-oval",
            "--source",
            "debian-oval=" + mirror.toUri())
        .redirectErrorStream(true)
        .redirectOutput(tmp.resolve("child.log").toFile())
        .start();
  }

  /** The {@code db status} lines that describe the data (the file size line left out). */
  private static String status(String db) {
    CliRun status = CliRun.of("db", "status", "--db", db);
    assertThat(status.exitCode()).as(status.err()).isZero();
    assertThat(status.out()).containsPattern("(?m)^debian-oval +\\d{4}-");
    return status.out().lines().filter(l -> !l.startsWith("database:")).toList().toString();
  }

  private static Optional<UpdateOperation> latest(String db) {
    try (Datastore store = Datastores.open(db)) {
      return store.latestUpdateOperation("debian-oval");
    }
  }
}
