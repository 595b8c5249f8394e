package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.Fixtures;
import java.nio.file.Path;

/** The real Alpine SecDB fixture, loaded into a fresh SQLite store through {@code vigil update}. */
final class AlpineFeed {
  /** The alpine:3.10 (3.10.4) {@code docker save} archive: pair P1 of the fixtures. */
  static final String ALPINE_3_10 = "images/docker-archive/alpine-3.10.4-docker-save.tar.gz";

  private AlpineFeed() {}

  /** Creates {@code dir/vigil.db} holding the SecDB fixture and returns its path. */
  static String load(Path dir) {
    return into(dir.resolve("vigil.db").toString());
  }

  /** Loads the SecDB fixture into the store at {@code db} (a path or JDBC URL) and returns it. */
  static String into(String db) {
    String mirror = Fixtures.fixture("feeds/alpine-secdb").toUri().toString();
    CliRun update =
        CliRun.of("update", "--db", db, "--updaters", "alpine", "--source", "alpine=" + mirror);
    assertThat(update.exitCode()).as(update.err()).isZero();
    assertThat(update.out()).contains("alpine: updated");
    return db;
  }

  /** The alpine:3.10 image, as a path. */
  static String image() {
    return Fixtures.fixture(ALPINE_3_10).toString();
  }
}
