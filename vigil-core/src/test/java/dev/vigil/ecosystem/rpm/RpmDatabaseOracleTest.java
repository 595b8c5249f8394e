package dev.vigil.ecosystem.rpm;

import static dev.vigil.testing.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Vigil's pure-Java readers against rpm itself: for every SQLite and BerkeleyDB fixture, the
 * packages Vigil reads equal what Debian's rpm 4.18 lists from a copy of the same file (rpm writes
 * beside an SQLite database, so it never sees the fixture itself): name, epoch, version, release,
 * architecture, source rpm, vendor and modularity label of every header, {@code gpg-pubkey} entries
 * included.
 */
class RpmDatabaseOracleTest {
  private static final String FORMAT =
      "%{NAME} %{EPOCHNUM}:%{VERSION}-%{RELEASE} %{ARCH} %{SOURCERPM} |%{VENDOR}|%{MODULARITYLABEL}\\n";

  @TempDir Path tmp;

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "cbl-mariner-2.0/rpmdb.sqlite, sqlite, 129",
    "libuuid-bdb/Packages, bdb_ro, 1",
    "scalibr-bdb-epoch/Packages, bdb_ro, 1",
    "syft-bdb/Packages, bdb_ro, 1"
  })
  void readsWhatRpmLists(String fixture, String backend, int count) throws Exception {
    Path original = fixture("pkgdb/rpm/" + fixture);
    Path dbpath = Files.createDirectories(tmp.resolve("dbpath"));
    Files.copy(original, dbpath.resolve(original.getFileName()));

    // each reads its own copy: SQLite writes beside a database it opens
    Path ours = Files.copy(original, Files.createDirectories(tmp.resolve("vigil")).resolve("db"));
    List<String> rpm = rpmQuery(dbpath, backend);
    RpmDatabase.Contents vigil = RpmDatabase.parse(ours);

    assertThat(vigil.problems()).isEmpty();
    assertThat(vigil.packages().stream().map(RpmDatabaseOracleTest::line))
        .containsExactlyInAnyOrderElementsOf(rpm)
        .hasSize(count);
  }

  /** A package as rpm's query format above prints it. */
  static String line(RpmPackageInfo p) {
    return "%s %d:%s-%s %s %s |%s|%s"
        .formatted(
            p.name(),
            p.epoch() == null ? 0 : p.epoch(),
            p.version(),
            p.release(),
            none(p.arch()),
            none(p.sourceRpm()),
            p.vendor(),
            p.modularityLabel());
  }

  private static String none(String value) {
    return value.isEmpty() ? "(none)" : value;
  }

  private static List<String> rpmQuery(Path dbpath, String backend)
      throws IOException, InterruptedException {
    Process rpm =
        new ProcessBuilder(
                "rpm",
                "--dbpath",
                dbpath.toString(),
                "--define",
                "_db_backend " + backend,
                "-qa",
                "--qf",
                FORMAT)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String out = new String(rpm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(rpm.waitFor(60, TimeUnit.SECONDS)).as("rpm finished").isTrue();
    assertThat(rpm.exitValue()).as("rpm exit code").isZero();
    // Vigil does not tell an absent vendor or label from an empty one
    return out.lines().map(line -> line.replace("|(none)", "|")).toList();
  }
}
