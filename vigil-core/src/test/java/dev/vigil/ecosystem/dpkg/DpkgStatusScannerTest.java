package dev.vigil.ecosystem.dpkg;

import static dev.vigil.testing.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.ecosystem.osrelease.MemoryTree;
import dev.vigil.model.Package;
import dev.vigil.spi.FoundPackage;
import dev.vigil.spi.ScanException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DpkgStatusScannerTest {
  private static final String KEYRING = "pkgdb/dpkg/claircore-debian-only/status";
  private final DpkgStatusScanner scanner = new DpkgStatusScanner();
  @TempDir Path tmp;

  /** The inventory of a status file as "name version source source-version arch" lines. */
  private List<String> inventory(Path status) throws IOException {
    MemoryTree tree = MemoryTree.of(Map.of(DpkgStatusScanner.STATUS, status));
    return scanner.scan(tree).stream()
        .peek(f -> assertThat(f.packageDb()).isEqualTo("var/lib/dpkg/status"))
        .map(FoundPackage::pkg)
        .map(DpkgStatusScannerTest::line)
        .sorted()
        .toList();
  }

  static String line(Package p) {
    assertThat(p.kind()).isEqualTo(Package.BINARY);
    assertThat(p.source().kind()).isEqualTo(Package.SOURCE);
    return String.join(
        " ", p.name(), p.version(), p.source().name(), p.source().version(), p.arch());
  }

  /** What dpkg-query lists as installed for a copy of the status file. */
  private List<String> dpkgQuery(byte[] status) throws IOException {
    Path admin = Files.createTempDirectory(tmp, "admin");
    Files.write(admin.resolve("status"), status);
    return DpkgTool.installed(admin).stream().sorted().toList();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "claircore-debian-only",
        "claircore-postgresql",
        "ubuntu-18.04-bionic",
        "ubuntu-18.04-texlive"
      })
  void listsWhatDpkgQueryListsAsInstalled(String fixture) throws IOException {
    Path status = fixture("pkgdb/dpkg/" + fixture + "/status");

    List<String> ours = inventory(status);

    assertThat(ours).isNotEmpty().isEqualTo(dpkgQuery(Files.readAllBytes(status)));
  }

  @Test
  void readsSourcePackagesAndSkipsRemovedOnes() throws IOException {
    List<String> bionic = inventory(fixture("pkgdb/dpkg/ubuntu-18.04-bionic/status"));

    assertThat(bionic).hasSize(90);
    assertThat(bionic)
        .contains(
            "bsdutils 1:2.31.1-0.4ubuntu3.1 util-linux 2.31.1-0.4ubuntu3.1 amd64",
            "libc6 2.27-3ubuntu1 glibc 2.27-3ubuntu1 amd64",
            "base-files 10.1ubuntu2.2 base-files 10.1ubuntu2.2 amd64");
    assertThat(bionic).noneMatch(l -> l.startsWith("git "));
    assertThat(inventory(fixture("pkgdb/dpkg/claircore-postgresql/status")))
        .containsExactly(
            "postgresql-client 11+200+deb10u5 postgresql-common 200+deb10u5 all",
            "postgresql-client-11 11.22-0+deb10u2 postgresql-11 11.22-0+deb10u2 amd64",
            "postgresql-client-common 200+deb10u5 postgresql-common 200+deb10u5 all");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "claircore-vcpkg|stanza at line 29: package curl has no version in its Version field|"
            + "missing 'Version' field",
        "ubuntu-apt-only|line 37: '[{acl 2.2.52-3build1  0 source} {adduser 3.116ubuntu1  0 bin…'"
            + " is not a 'Field: value' line|field name '[{acl' must be followed by colon"
      })
  void rejectsFilesDpkgRejects(String fixture, String ours, String dpkgSays) throws IOException {
    Path status = fixture("pkgdb/dpkg/" + fixture + "/status");
    Path admin = Files.createDirectories(tmp.resolve(fixture));
    Files.copy(status, admin.resolve("status"));

    assertThatThrownBy(() -> inventory(status))
        .isInstanceOf(ScanException.class)
        .hasMessage("dpkg: var/lib/dpkg/status: " + ours);
    assertThatThrownBy(() -> DpkgTool.installed(admin)).hasMessageContaining(dpkgSays);
  }

  static Stream<Arguments> corruptions() {
    return Stream.of(
        Arguments.of(
            "no version",
            (UnaryOperator<String>) s -> s.replaceFirst("\nVersion: [^\n]*", ""),
            "stanza at line 1: package debian-archive-keyring has no version in its Version field"),
        Arguments.of(
            "unknown state",
            (UnaryOperator<String>) s -> s.replaceFirst("install ok installed", "install ok gone"),
            "stanza at line 1: package debian-archive-keyring has Status 'install ok gone', not 'want"),
        Arguments.of(
            "repeated field",
            (UnaryOperator<String>) s -> s.replaceFirst("\nVersion: ", "\nVersion: 9\nVersion: "),
            "line 10: field 'Version' appears twice in one stanza"),
        Arguments.of(
            "no colon",
            (UnaryOperator<String>) s -> s.replaceFirst("\nVersion: ", "\nVersion "),
            "line 9: 'Version 2019.1' is not a 'Field: value' line"),
        Arguments.of(
            "bad version",
            (UnaryOperator<String>) s -> s.replaceFirst("\nVersion: [^\n]*", "\nVersion: 1:"),
            "package debian-archive-keyring has a bad version '1:' in its Version field: nothing after"),
        Arguments.of(
            "bad source",
            (UnaryOperator<String>) s -> s.replaceFirst("\nVersion: ", "\nSource: x (\nVersion: "),
            "package debian-archive-keyring has a malformed Source field 'x ('"),
        Arguments.of(
            "listed twice",
            (UnaryOperator<String>) s -> s + "\n" + s,
            "package debian-archive-keyring:all is listed twice"),
        Arguments.of(
            "orphan continuation",
            (UnaryOperator<String>) s -> " orphan\n" + s,
            "line 1: a continuation line comes before any field"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corruptions")
  void failsOnStanzasDpkgRejects(String what, UnaryOperator<String> corrupt, String message)
      throws IOException {
    String original = Files.readString(fixture(KEYRING), StandardCharsets.UTF_8);
    byte[] corrupted = corrupt.apply(original).getBytes(StandardCharsets.UTF_8);
    Path status = tmp.resolve("status");
    Files.write(status, corrupted);

    assertThatThrownBy(() -> inventory(status))
        .isInstanceOf(ScanException.class)
        .hasMessageStartingWith("dpkg: var/lib/dpkg/status: ")
        .hasMessageContaining(message);
    Path admin = Files.createDirectories(tmp.resolve("admin"));
    Files.write(admin.resolve("status"), corrupted);
    assertThatThrownBy(() -> DpkgTool.installed(admin))
        .as("dpkg-query refuses it too")
        .hasMessageContaining("dpkg-query failed");
  }

  @Test
  void findsNothingWithoutADatabase() throws IOException {
    assertThat(scanner.scan(MemoryTree.of(Map.of()))).isEmpty();
    assertThat(scanner.name()).isEqualTo("dpkg");
    assertThat(scanner.files().wants("var/lib/dpkg/status")).isTrue();
    assertThat(scanner.files().wants("var/lib/dpkg/status-old")).isFalse();
  }
}
