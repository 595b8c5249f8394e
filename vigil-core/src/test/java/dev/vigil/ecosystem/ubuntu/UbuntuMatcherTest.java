package dev.vigil.ecosystem.ubuntu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Distribution;
import dev.vigil.model.Package;
import dev.vigil.model.Severity;
import dev.vigil.model.Vulnerability;
import dev.vigil.spi.IndexRecord;
import dev.vigil.spi.MatchConstraint;
import org.junit.jupiter.api.Test;

class UbuntuMatcherTest {
  private final UbuntuMatcher matcher = new UbuntuMatcher();
  private static final Distribution KINETIC =
      new Distribution(
          "", "ubuntu", "Ubuntu", "22.10 (Kinetic Kudu)", "kinetic", "22.10", "", "", "");

  private static Vulnerability vuln(String binary, String release, String fixed) {
    return new Vulnerability(
        "",
        "ubuntu",
        "CVE-2022-40023",
        "",
        null,
        "",
        "medium",
        Severity.Medium,
        Package.binary(binary, "", "", null),
        UbuntuRelease.forRelease(release, UbuntuRelease.versionOf(release).orElse("")),
        null,
        fixed,
        "");
  }

  private static IndexRecord record(String name, String version, Distribution d) {
    return new IndexRecord(
        Package.binary(name, version, "amd64", Package.source("mako", version)), d, null);
  }

  @Test
  void judgesTheBinaryVersionOnTheSameRelease() {
    IndexRecord mako = record("python3-mako", "1.1.3+ds1-3ubuntu2", KINETIC);

    assertThat(matcher.vulnerable(mako, vuln("python3-mako", "kinetic", "1.1.3+ds1-3ubuntu2.1")))
        .isTrue();
    assertThat(matcher.vulnerable(mako, vuln("python3-mako", "kinetic", "1.1.3+ds1-3ubuntu2")))
        .isFalse();
    assertThat(matcher.vulnerable(mako, vuln("python3-mako", "kinetic", ""))).isTrue();
    assertThat(matcher.vulnerable(mako, vuln("python3-mako", "jammy", "1.1.3+ds1-3ubuntu2.1")))
        .isFalse();
  }

  @Test
  void readsTheReleaseFromLsbStyleDistributions() {
    Distribution lsb = new Distribution("", "ubuntu", "Ubuntu", "22.10", "", "22.10", "", "", "");

    assertThat(
            matcher.vulnerable(
                record("python3-mako", "1.0", lsb),
                vuln("python3-mako", "kinetic", "1.1.3+ds1-3ubuntu2.1")))
        .isTrue();
  }

  @Test
  void asksForBinaryNamesOnUbuntu() {
    Distribution debian =
        new Distribution("", "debian", "Debian GNU/Linux", "", "bookworm", "12", "", "", "");

    assertThat(matcher.filter(record("bash", "5.1", KINETIC))).isTrue();
    assertThat(matcher.filter(record("bash", "5.1", debian))).isFalse();
    assertThat(matcher.filter(new IndexRecord(Package.source("bash", "5.1"), KINETIC, null)))
        .isFalse();
    assertThat(matcher.query())
        .containsExactlyInAnyOrder(MatchConstraint.PACKAGE_NAME, MatchConstraint.DISTRIBUTION_DID);
    assertThat(matcher.updaters()).containsExactly("ubuntu");
    assertThat(matcher.name()).isEqualTo("ubuntu");
  }
}
