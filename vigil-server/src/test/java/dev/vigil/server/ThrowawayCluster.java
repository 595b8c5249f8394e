package dev.vigil.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL 15 cluster of a test's own on 127.0.0.1:{@value #PORT}, in a temporary directory,
 * trust authentication, that the test can stop and start at will; never the shared one on 5432.
 * PostgreSQL refuses to run as root, so under root every command runs as the {@code postgres} user.
 */
final class ThrowawayCluster implements AutoCloseable {
  /** The cluster's port. */
  static final int PORT = 55432;

  private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
  private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

  private final Path dir;
  private final Path data;

  /** Creates the cluster and starts it. */
  ThrowawayCluster() throws IOException, InterruptedException {
    dir = Files.createTempDirectory("vigil-pg");
    data = dir.resolve("data");
    if (ROOT) {
      run(List.of("chown", "postgres", dir.toString()), false);
    }
    run(
        List.of(
            BIN.resolve("initdb").toString(),
            "-D",
            data.toString(),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--no-sync"),
        true);
    start();
  }

  /** A Clair connstring for the cluster's {@code postgres} database. */
  String connstring() {
    return "host=127.0.0.1 port=" + PORT + " user=postgres dbname=postgres sslmode=disable";
  }

  /** Starts the cluster and waits until it accepts connections. */
  void start() throws IOException, InterruptedException {
    String options = "-p " + PORT + " -c listen_addresses=127.0.0.1 -k " + dir;
    pgCtl("-l", dir.resolve("postgres.log").toString(), "-t", "60", "-o", options, "start");
  }

  /** Stops the cluster at once, as a crash would: open connections are cut. */
  void stop() throws IOException, InterruptedException {
    pgCtl("-m", "immediate", "stop");
  }

  private void pgCtl(String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(List.of(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-w"));
    command.addAll(List.of(args));
    run(command, true);
  }

  @Override
  public void close() throws IOException, InterruptedException {
    try {
      if (Files.exists(data.resolve("postmaster.pid"))) {
        stop();
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private void run(List<String> command, boolean asPostgres)
      throws IOException, InterruptedException {
    List<String> full = new ArrayList<>();
    if (ROOT && asPostgres) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("postgres: " + String.join(" ", full) + " failed: " + output);
    }
  }
}
