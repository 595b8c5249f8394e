package dev.vigil.ecosystem.debian;

import static dev.vigil.testing.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.ecosystem.osrelease.MemoryTree;
import dev.vigil.model.Distribution;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DebianReleaseScannerTest {
  private final DebianReleaseScanner scanner = new DebianReleaseScanner();

  static Stream<String> expectations() throws IOException {
    try (InputStream in =
        DebianReleaseScannerTest.class.getResourceAsStream("/ecosystem/debian/releases.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList().stream();
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
            new Distribution("", f[1], f[2], empty(f[3]), empty(f[4]), empty(f[5]), "", "", f[6]));
    assertThat(DebianRelease.of(found.get())).contains(f[7]);
  }

  @Test
  void numbersAndNamesReleases() {
    assertThat(DebianRelease.codenameOf("12.8")).contains("bookworm");
    assertThat(DebianRelease.codenameOf("13")).contains("trixie");
    assertThat(DebianRelease.codenameOf("6")).isEmpty();
    assertThat(DebianRelease.numberOf("buster")).contains("10");
    assertThat(DebianRelease.numberOf("sid")).isEmpty();
    assertThat(DebianRelease.forRelease("buster"))
        .isEqualTo(
            new Distribution(
                "",
                "debian",
                "Debian GNU/Linux",
                "10 (buster)",
                "buster",
                "10",
                "",
                "",
                "Debian GNU/Linux 10 (buster)"));
    assertThat(DebianRelease.forRelease("sid").prettyName()).isEqualTo("Debian GNU/Linux sid");
    assertThat(DebianRelease.of(null)).isEmpty();
  }

  @Test
  void declaresItsFiles() {
    assertThat(scanner.files().wants("etc/debian_version")).isTrue();
    assertThat(scanner.files().wants("etc/lsb-release")).isTrue();
    assertThat(scanner.name()).isEqualTo("debian");
  }

  private static String empty(String field) {
    return field.equals("-") ? "" : field;
  }
}
