package dev.vigil.ecosystem.dpkg;

import static dev.vigil.testing.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.ecosystem.osrelease.MemoryTree;
import dev.vigil.spi.FoundPackage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * dpkg-query cannot read distroless {@code status.d/} directories, so the truth here is each stanza
 * file's own fields, read line by line.
 */
class DistrolessStatusScannerTest {
  private static final String ROOT = "pkgdb/dpkg/distroless-status.d";
  private final DistrolessStatusScanner scanner = new DistrolessStatusScanner();

  @Test
  void listsOnePackagePerStanzaFile() throws IOException {
    MemoryTree tree = MemoryTree.ofDirectory(fixture(ROOT));

    List<FoundPackage> found = scanner.scan(tree);

    assertThat(found)
        .extracting(f -> f.packageDb() + " " + DpkgStatusScannerTest.line(f.pkg()))
        .containsExactly(
            "var/lib/dpkg/status.d/libsqlite3-0 libsqlite3-0 3.34.1-3 sqlite3 3.34.1-3 arm64");
    assertThat(found).extracting(f -> DpkgStatusScannerTest.line(f.pkg())).containsExactly(truth());
  }

  @Test
  void wantsStanzaFilesButNotChecksums() {
    assertThat(scanner.files().wants("var/lib/dpkg/status.d/libsqlite3-0")).isTrue();
    assertThat(scanner.files().wants("var/lib/dpkg/status.d/libsqlite3-0.md5sums")).isFalse();
    assertThat(scanner.files().wants("var/lib/dpkg/status")).isFalse();
    assertThat(scanner.name()).isEqualTo("dpkg-distroless");
  }

  @Test
  void skipsNestedDirectoriesAndEmptyTrees() throws IOException {
    Path stanza = fixture(ROOT + "/var/lib/dpkg/status.d/libsqlite3-0");
    MemoryTree nested = MemoryTree.of(Map.of("var/lib/dpkg/status.d/old/libsqlite3-0", stanza));

    assertThat(scanner.scan(nested)).isEmpty();
    assertThat(scanner.scan(MemoryTree.of(Map.of()))).isEmpty();
  }

  /** The fixture's stanza fields, read without the scanner: "name version source version arch". */
  private static String truth() throws IOException {
    Path stanza = fixture(ROOT + "/var/lib/dpkg/status.d/libsqlite3-0");
    try (Stream<String> lines = Files.lines(stanza)) {
      Map<String, String> f =
          lines
              .filter(l -> !l.startsWith(" ") && l.contains(": "))
              .collect(
                  Collectors.toMap(
                      l -> l.substring(0, l.indexOf(':')), l -> l.substring(l.indexOf(':') + 2)));
      return String.join(
          " ",
          f.get("Package"),
          f.get("Version"),
          f.get("Source"),
          f.get("Version"),
          f.get("Architecture"));
    }
  }
}
