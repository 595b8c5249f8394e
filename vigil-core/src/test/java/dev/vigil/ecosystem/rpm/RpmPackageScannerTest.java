package dev.vigil.ecosystem.rpm;

import static dev.vigil.spi.FoundPackages.named;
import static dev.vigil.testing.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.ecosystem.osrelease.MemoryTree;
import dev.vigil.model.Package;
import dev.vigil.spi.FoundPackage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RpmPackageScannerTest {
  private static final String SQLITE = "var/lib/rpm/rpmdb.sqlite";
  private static final String NDB = "usr/lib/sysimage/rpm/Packages.db";
  private static final String BDB = "var/lib/rpm/Packages";

  private final RpmPackageScanner scanner = new RpmPackageScanner();
  private final List<String> warnings = new ArrayList<>();

  @TempDir Path tmp;

  private List<FoundPackage> scan(Map<String, Path> layout) throws IOException {
    return scanner.scan(MemoryTree.of(layout), warnings::add);
  }

  @Test
  void readsTheMarinerSqliteDatabase() throws IOException {
    List<FoundPackage> found =
        scan(Map.of(SQLITE, fixture("pkgdb/rpm/cbl-mariner-2.0/rpmdb.sqlite")));

    assertThat(warnings).isEmpty();
    assertThat(found).hasSize(129).allMatch(f -> f.packageDb().equals(SQLITE));
    assertThat(named(found, "openssl-libs"))
        .isEqualTo(
            new Package(
                "",
                "openssl-libs",
                "1.1.1k-7.cm2",
                Package.BINARY,
                Package.source("openssl", "1.1.1k-7.cm2"),
                "",
                "",
                "x86_64",
                ""));
    assertThat(named(found, "curl").version()).isEqualTo("7.76.0-6.cm2");
    assertThat(named(found, "mariner-release").arch()).isEqualTo("noarch");
  }

  @Test
  void readsTheSleNdbDatabase() throws IOException {
    List<FoundPackage> found = scan(Map.of(NDB, fixture("pkgdb/rpm/sle15-bci/Packages.db")));

    assertThat(warnings).isEmpty();
    assertThat(found).hasSize(35).allMatch(f -> f.packageDb().equals(NDB));
    assertThat(named(found, "libstdc++6").version()).isEqualTo("11.2.1+git610-1.3.9");
    assertThat(named(found, "libstdc++6").source())
        .isEqualTo(Package.source("gcc11", "11.2.1+git610-1.3.9"));
    assertThat(named(found, "sles-release").version()).isEqualTo("15.3-55.4.1");
  }

  @Test
  void readsTheEpochFromBerkeleyDb() throws IOException {
    List<FoundPackage> found = scan(Map.of(BDB, fixture("pkgdb/rpm/scalibr-bdb-epoch/Packages")));

    assertThat(found)
        .extracting(f -> f.pkg().name() + " " + f.pkg().version())
        .containsExactly("hello 1:0.0.1-rls");
    assertThat(named(scan(Map.of(BDB, fixture("pkgdb/rpm/libuuid-bdb/Packages"))), "libuuid"))
        .extracting(Package::version, Package::sourceName)
        .containsExactly("2.32.1-42.el8_8", "util-linux");
  }

  @Test
  void prefersTheSqliteDatabaseOverALeftoverBerkeleyDb() throws IOException {
    List<FoundPackage> found =
        scan(
            Map.of(
                BDB, fixture("pkgdb/rpm/libuuid-bdb/Packages"),
                SQLITE, fixture("pkgdb/rpm/cbl-mariner-2.0/rpmdb.sqlite")));

    assertThat(found).hasSize(129).noneMatch(f -> f.pkg().name().equals("libuuid"));
  }

  @Test
  void leavesOutSigningKeysAndKeepsModules() throws Exception {
    Path db = tmp.resolve("rpmdb.sqlite");
    TestHeaders.sqlite(
        db,
        List.of(
            TestHeaders.header(
                RpmHeader.NAME,
                "gpg-pubkey",
                RpmHeader.VERSION,
                "fd431d51",
                RpmHeader.RELEASE,
                "4ae0493b"),
            TestHeaders.header(
                RpmHeader.NAME,
                "nodejs",
                RpmHeader.EPOCH,
                1,
                RpmHeader.VERSION,
                "10.21.0",
                RpmHeader.RELEASE,
                "3.module_el8.2.0+391+8da3adc6",
                RpmHeader.ARCH,
                "x86_64",
                RpmHeader.SOURCERPM,
                "nodejs-10.21.0-3.module_el8.2.0+391+8da3adc6.src.rpm",
                RpmHeader.MODULARITYLABEL,
                "nodejs:10:8020020200707141642:6a468ee4")));

    List<FoundPackage> found = scan(Map.of(SQLITE, db));

    assertThat(found).hasSize(1);
    Package nodejs = found.get(0).pkg();
    assertThat(nodejs.version()).isEqualTo("1:10.21.0-3.module_el8.2.0+391+8da3adc6");
    assertThat(nodejs.module()).isEqualTo("nodejs:10");
    assertThat(nodejs.source().version()).isEqualTo("10.21.0-3.module_el8.2.0+391+8da3adc6");
  }

  @Test
  void skipsADamagedRecordAndReadsTheRest() throws Exception {
    Path db = tmp.resolve("rpmdb.sqlite");
    TestHeaders.sqlite(
        db,
        List.of(
            TestHeaders.pkg("bash", "5.1.8", "2.cm2", "bash-5.1.8-2.cm2.src.rpm"),
            "not a header at all".getBytes(StandardCharsets.US_ASCII),
            TestHeaders.pkg("zlib", "1.2.11", "5.cm2", "zlib-1.2.11-5.cm2.src.rpm")));

    List<FoundPackage> found = scan(Map.of(SQLITE, db));

    assertThat(found).extracting(f -> f.pkg().name()).containsExactly("bash", "zlib");
    assertThat(warnings)
        .containsExactly(
            "rpm: var/lib/rpm/rpmdb.sqlite: record 2: header has 1852797984 index entries");
  }

  @Test
  void readsTransactionsStillInTheWriteAheadLog() throws Exception {
    Path db = tmp.resolve("live.sqlite");
    TestHeaders.sqlite(db, List.of(TestHeaders.pkg("bash", "5.1.8", "2.cm2", "")));
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
        var s = c.createStatement()) {
      s.execute("PRAGMA journal_mode=WAL");
      s.execute("PRAGMA wal_autocheckpoint=0");
      try (var insert = c.prepareStatement("INSERT INTO Packages(blob) VALUES (?)")) {
        insert.setBytes(1, TestHeaders.pkg("zlib", "1.2.11", "5.cm2", ""));
        insert.executeUpdate();
      }
      // copied while the writer is open, as a layer would capture it
      Files.copy(db, tmp.resolve("rpmdb.sqlite"));
      Files.copy(tmp.resolve("live.sqlite-wal"), tmp.resolve("rpmdb.sqlite-wal"));
    }

    List<FoundPackage> withLog =
        scan(
            Map.of(
                SQLITE,
                tmp.resolve("rpmdb.sqlite"),
                SQLITE + "-wal",
                tmp.resolve("rpmdb.sqlite-wal")));
    List<FoundPackage> withoutLog = scan(Map.of(SQLITE, tmp.resolve("rpmdb.sqlite")));

    assertThat(withLog).extracting(f -> f.pkg().name()).containsExactly("bash", "zlib");
    assertThat(withoutLog).extracting(f -> f.pkg().name()).containsExactly("bash");
    assertThat(warnings).isEmpty();
  }

  @Test
  void reportsAFileInNoKnownFormat() throws IOException {
    Path garbage = Files.writeString(tmp.resolve("Packages"), "<html>not found</html>");

    assertThat(scan(Map.of(BDB, garbage))).isEmpty();
    assertThat(warnings)
        .containsExactly("rpm: var/lib/rpm/Packages: not an rpm database in a known format");
  }

  @Test
  void reportsAnSqliteFileWithoutRpmsTable() throws Exception {
    Path db = tmp.resolve("other.sqlite");
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
        var s = c.createStatement()) {
      s.execute("CREATE TABLE t (x)");
    }

    assertThat(scan(Map.of(SQLITE, db))).isEmpty();
    assertThat(warnings)
        .singleElement()
        .asString()
        .startsWith("rpm: var/lib/rpm/rpmdb.sqlite: not a readable rpm SQLite database: ")
        .contains("no such table: Packages");
  }

  @Test
  void readsNothingWithoutADatabase() throws IOException {
    assertThat(scan(Map.of())).isEmpty();
    assertThat(warnings).isEmpty();
  }

  @Test
  void declaresItsFilesAndLeavesNoTemporaryFiles() throws IOException {
    assertThat(scanner.name()).isEqualTo("rpm");
    assertThat(scanner.files().wants("var/lib/rpm/Packages")).isTrue();
    assertThat(scanner.files().wants("usr/lib/sysimage/rpm/rpmdb.sqlite-wal")).isTrue();
    assertThat(scanner.files().wants("var/lib/rpm/Name")).isFalse();
    assertThat(scanner.files().wants("var/lib/rpm/Packages.db")).isTrue();

    Path tmpdir = Path.of(System.getProperty("java.io.tmpdir"));
    List<Path> before = leftovers(tmpdir);
    scanner.scan(MemoryTree.of(Map.of(SQLITE, fixture("pkgdb/rpm/cbl-mariner-2.0/rpmdb.sqlite"))));
    assertThat(leftovers(tmpdir)).isEqualTo(before);
  }

  private static List<Path> leftovers(Path tmpdir) throws IOException {
    try (var list = Files.list(tmpdir)) {
      return list.filter(p -> p.getFileName().toString().startsWith("vigil-rpmdb"))
          .sorted()
          .toList();
    }
  }
}
