package dev.vigil.ecosystem.ubuntu;

import static dev.vigil.testing.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.ecosystem.osrelease.MemoryTree;
import dev.vigil.ecosystem.osrelease.ReleaseExpectations;
import dev.vigil.model.Distribution;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class UbuntuReleaseScannerTest {
  private final UbuntuReleaseScanner scanner = new UbuntuReleaseScanner();

  static List<String> expectations() throws IOException {
    return ReleaseExpectations.lines("/ecosystem/ubuntu/releases.txt");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expectations")
  void identifiesFixture(String expectation) throws IOException {
    String release = expectation.substring(expectation.lastIndexOf(" | ") + 3);

    ReleaseExpectations.check(scanner, expectation)
        .ifPresent(found -> assertThat(UbuntuRelease.of(found)).contains(release));
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
}
