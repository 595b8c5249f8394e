package dev.vigil.ecosystem.osrelease;

import static dev.vigil.testing.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Distribution;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OsReleaseScannerTest {
  private final OsReleaseScanner scanner = new OsReleaseScanner();

  static Stream<String> expectations() throws IOException {
    try (InputStream in =
        OsReleaseScannerTest.class.getResourceAsStream("/ecosystem/osrelease/expected.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines().filter(line -> !line.isBlank() && !line.startsWith("#")).toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expectations")
  void identifiesFixture(String expectation) throws IOException {
    String[] f = expectation.split(" \\| ");
    Optional<Distribution> found =
        scanner.scan(MemoryTree.ofDirectory(fixture("os-release/" + f[0])));

    if (f[1].equals("none")) {
      assertThat(found).isEmpty();
      return;
    }
    assertThat(found)
        .contains(
            new Distribution(
                "", f[1], f[2], empty(f[3]), empty(f[4]), empty(f[5]), "", empty(f[6]), f[7]));
  }

  @Test
  void prefersEtcOverUsrLib() throws IOException {
    Path debian = fixture("os-release/debian/usr/lib/os-release");
    Path alpine = fixture("os-release/alpine/etc/os-release");
    MemoryTree tree =
        MemoryTree.of(
            Map.of(
                OsReleaseScanner.ETC_OS_RELEASE,
                alpine,
                OsReleaseScanner.USR_LIB_OS_RELEASE,
                debian));

    assertThat(scanner.scan(tree)).map(Distribution::did).contains("alpine");
  }

  @Test
  void appliesTheSpecDefaultsWithoutAnId() throws IOException {
    assertThat(OsReleaseScanner.toDistribution(Map.of("VERSION_ID", "1")))
        .isEqualTo(new Distribution("", "linux", "Linux", "", "", "1", "", "", "Linux"));
  }

  @Test
  void declaresItsFiles() {
    assertThat(scanner.name()).isEqualTo("os-release");
    assertThat(scanner.files().wants("etc/os-release")).isTrue();
    assertThat(scanner.files().wants("usr/lib/os-release")).isTrue();
    assertThat(scanner.files().wants("etc/lsb-release")).isFalse();
  }

  private static String empty(String field) {
    return field.equals("-") ? "" : field;
  }
}
