package dev.vigil.ecosystem.debian;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.ecosystem.osrelease.ReleaseExpectations;
import dev.vigil.model.Distribution;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DebianReleaseScannerTest {
  private final DebianReleaseScanner scanner = new DebianReleaseScanner();

  static List<String> expectations() throws IOException {
    return ReleaseExpectations.lines("/ecosystem/debian/releases.txt");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expectations")
  void identifiesFixture(String expectation) throws IOException {
    String release = expectation.substring(expectation.lastIndexOf(" | ") + 3);

    ReleaseExpectations.check(scanner, expectation)
        .ifPresent(found -> assertThat(DebianRelease.of(found)).contains(release));
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
}
