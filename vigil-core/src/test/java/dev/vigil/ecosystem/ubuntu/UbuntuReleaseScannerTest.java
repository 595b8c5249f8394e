package dev.vigil.ecosystem.ubuntu;

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

class UbuntuReleaseScannerTest {
  private final UbuntuReleaseScanner scanner = new UbuntuReleaseScanner();

  static Stream<String> expectations() throws IOException {
    try (InputStream in =
        UbuntuReleaseScannerTest.class.getResourceAsStream("/ecosystem/ubuntu/releases.txt")) {
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
    assertThat(UbuntuRelease.of(found.get())).contains(f[7]);
  }

  @Test
  void recognizesEveryReleaseFrom1604ByItsOsReleaseFields() throws IOException {
    for (String version : new String[] {"16.04", "18.04", "20.04", "22.04", "22.10", "23.10"}) {
      Optional<Distribution> found =
          scanner.scan(MemoryTree.ofDirectory(fixture("os-release/claircore-ubuntu/" + version)));
      assertThat(found.map(Distribution::versionId)).as(version).contains(version);
      assertThat(found.flatMap(UbuntuRelease::of)).isEqualTo(UbuntuRelease.codenameOf(version));
    }
  }

  @Test
  void namesReleases() {
    assertThat(UbuntuRelease.codenameOf("24.04")).contains("noble");
    assertThat(UbuntuRelease.codenameOf("22.04.3")).contains("jammy");
    assertThat(UbuntuRelease.versionOf("kinetic")).contains("22.10");
    assertThat(UbuntuRelease.versionOf("zzz")).isEmpty();
    assertThat(UbuntuRelease.forRelease("kinetic", "22.10"))
        .isEqualTo(
            new Distribution(
                "", "ubuntu", "Ubuntu", "22.10", "kinetic", "22.10", "", "", "Ubuntu 22.10"));
    Distribution newer =
        new Distribution("", "ubuntu", "Ubuntu", "", "questing", "25.10", "", "", "");
    assertThat(UbuntuRelease.of(newer)).contains("questing");
    assertThat(scanner.name()).isEqualTo("ubuntu");
  }

  private static String empty(String field) {
    return field.equals("-") ? "" : field;
  }
}
