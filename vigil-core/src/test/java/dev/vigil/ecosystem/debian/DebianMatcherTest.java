package dev.vigil.ecosystem.debian;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Distribution;
import dev.vigil.model.Package;
import dev.vigil.model.Severity;
import dev.vigil.model.Vulnerability;
import dev.vigil.spi.IndexRecord;
import dev.vigil.spi.MatchConstraint;
import org.junit.jupiter.api.Test;

class DebianMatcherTest {
  private final DebianMatcher matcher = new DebianMatcher();
  private static final Distribution BUSTER = DebianRelease.forRelease("buster");

  private static Vulnerability vuln(String source, String release, String fixed) {
    return new Vulnerability(
        "",
        "debian",
        "CVE-2022-3821",
        "",
        null,
        "",
        "",
        Severity.Unknown,
        Package.source(source, ""),
        DebianRelease.forRelease(release),
        null,
        fixed,
        "");
  }

  private static IndexRecord record(String name, String version, Package source, Distribution d) {
    return new IndexRecord(Package.binary(name, version, "amd64", source), d, null);
  }

  @Test
  void judgesTheSourceVersionOnTheSameRelease() {
    IndexRecord libudev = record("libudev1", "241-5", Package.source("systemd", "241-5"), BUSTER);

    assertThat(matcher.vulnerable(libudev, vuln("systemd", "buster", "241-7~deb10u10"))).isTrue();
    assertThat(matcher.vulnerable(libudev, vuln("systemd", "buster", "241-5"))).isFalse();
    assertThat(matcher.vulnerable(libudev, vuln("systemd", "buster", "241-1"))).isFalse();
    assertThat(matcher.vulnerable(libudev, vuln("systemd", "buster", ""))).isTrue();
    assertThat(matcher.vulnerable(libudev, vuln("systemd", "bullseye", "247-1"))).isFalse();
  }

  @Test
  void comparesSourceVersionsWhereBinaryVersionsCarryAnEpoch() {
    IndexRecord bsdutils =
        record("bsdutils", "1:2.33.1-0.1", Package.source("util-linux", "2.33.1-0.1"), BUSTER);

    assertThat(matcher.vulnerable(bsdutils, vuln("util-linux", "buster", "2.33.1-0.1+deb10u1")))
        .isTrue();
    IndexRecord noSourceVersion =
        record("bsdutils", "2.33.1-0.1", Package.source("util-linux", ""), BUSTER);
    assertThat(
            matcher.vulnerable(noSourceVersion, vuln("util-linux", "buster", "2.33.1-0.1+deb10u1")))
        .isTrue();
  }

  @Test
  void readsSidForUnnumberedTestingAndUnstableImages() {
    Distribution sid =
        new Distribution(
            "",
            "debian",
            "Debian GNU/Linux",
            "",
            "trixie",
            "",
            "",
            "",
            "Debian GNU/Linux trixie/sid");
    IndexRecord onSid = record("libc6", "2.36-9", Package.source("glibc", "2.36-9"), sid);

    assertThat(matcher.vulnerable(onSid, vuln("glibc", "sid", "2.37-1"))).isTrue();
    assertThat(matcher.vulnerable(onSid, vuln("glibc", "trixie", "2.37-1"))).isFalse();
  }

  @Test
  void handlesDebianBinaryPackagesOnly() {
    Distribution ubuntu =
        new Distribution("", "ubuntu", "Ubuntu", "22.04", "jammy", "22.04", "", "", "");
    Package clairBinary = new Package("1", "apt", "1.8.2", "binary", null, "", "", "amd64", "");

    assertThat(matcher.filter(record("apt", "1.8.2", null, BUSTER))).isTrue();
    assertThat(matcher.filter(new IndexRecord(clairBinary, BUSTER, null))).isTrue();
    assertThat(matcher.filter(new IndexRecord(Package.source("apt", "1.8.2"), BUSTER, null)))
        .isFalse();
    assertThat(matcher.filter(record("apt", "1.8.2", null, ubuntu))).isFalse();
    assertThat(matcher.filter(record("apt", "1.8.2", null, null))).isFalse();
    assertThat(matcher.query())
        .containsExactlyInAnyOrder(
            MatchConstraint.PACKAGE_SOURCE_NAME, MatchConstraint.DISTRIBUTION_DID);
    assertThat(matcher.updaters()).containsExactlyInAnyOrder("debian", "debian-oval");
    assertThat(matcher.name()).isEqualTo("debian");
  }

  @Test
  void ignoresVulnerabilitiesWithoutADistribution() {
    Vulnerability bare =
        new Vulnerability(
            "",
            "debian",
            "CVE-1",
            "",
            null,
            "",
            "",
            Severity.Unknown,
            Package.source("apt", ""),
            null,
            null,
            "2.0",
            "");

    assertThat(matcher.vulnerable(record("apt", "1.0", null, BUSTER), bare)).isFalse();
  }
}
