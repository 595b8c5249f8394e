package dev.vigil.ecosystem.rhel;

import static dev.vigil.testing.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.ecosystem.osrelease.MemoryTree;
import dev.vigil.model.Distribution;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RhelReleaseScannerTest {
  private final RhelReleaseScanner scanner = new RhelReleaseScanner();

  @Test
  void neverClaimsOracleLinuxThroughItsRedhatRelease() throws IOException {
    assertThat(scanner.scan(MemoryTree.ofDirectory(fixture("os-release/rhel-family/oracle-8"))))
        .isEmpty();
  }

  @Test
  void readsRedhatReleaseWithoutOsRelease() throws IOException {
    MemoryTree tree =
        MemoryTree.of(
            Map.of(
                "etc/redhat-release", fixture("os-release/rhel-family/7/etc/redhat-release"),
                "etc/system-release-cpe", fixture("os-release/centos6/etc/system-release-cpe")));

    assertThat(scanner.scan(tree))
        .contains(
            new Distribution(
                "",
                "rhel",
                "Red Hat Enterprise Linux Server",
                "7.4",
                "",
                "7.4",
                "",
                "cpe:2.3:o:centos:linux:6:ga:*:*:*:*:*:*",
                "Red Hat Enterprise Linux Server release 7.4 (Maipo)"));
  }

  @Test
  void prefersOsReleaseOverRedhatRelease() throws IOException {
    // this fixture's os-release says 7.7 and its redhat-release 7.4
    assertThat(scanner.scan(MemoryTree.ofDirectory(fixture("os-release/rhel-family/7"))))
        .map(Distribution::versionId)
        .contains("7.7");
  }

  @Test
  void leavesOtherDistributionsAlone() throws IOException {
    MemoryTree debianWithStrayFile =
        MemoryTree.of(
            Map.of(
                "etc/os-release", fixture("os-release/debian-11-bullseye/etc/os-release"),
                "etc/redhat-release", fixture("os-release/rhel-family/9/etc/redhat-release")));

    assertThat(scanner.scan(debianWithStrayFile)).isEmpty();
    assertThat(scanner.scan(MemoryTree.ofDirectory(fixture("os-release/scientific6")))).isEmpty();
    assertThat(scanner.name()).isEqualTo("rhel");
    assertThat(scanner.files().wants("etc/redhat-release")).isTrue();
    assertThat(scanner.files().wants("etc/oracle-release")).isTrue();
    assertThat(scanner.files().wants("etc/debian_version")).isFalse();
  }
}
