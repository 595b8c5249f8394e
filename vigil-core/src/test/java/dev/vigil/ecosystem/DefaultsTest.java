package dev.vigil.ecosystem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.ecosystem.debian.DebianOval;
import dev.vigil.ecosystem.debian.DebianTrackerUpdaterFactory;
import dev.vigil.spi.DistributionScanner;
import dev.vigil.spi.Matcher;
import dev.vigil.spi.PackageScanner;
import dev.vigil.spi.UpdaterFactory;
import org.junit.jupiter.api.Test;

class DefaultsTest {

  @Test
  void listsTheDebianFamily() {
    assertThat(Defaults.packageScanners())
        .extracting(PackageScanner::name)
        .contains("dpkg", "dpkg-distroless");
    assertThat(Defaults.matchers())
        .extracting(Matcher::name)
        .contains("debian", "ubuntu", "mariner", "osv");
    assertThat(Defaults.updaterFactories())
        .extracting(UpdaterFactory::name)
        .contains("debian", "debian-oval", "ubuntu", "mariner", "osv");
  }

  @Test
  void triesDistributionScannersMostSpecificFirst() {
    assertThat(Defaults.distributionScanners())
        .extracting(DistributionScanner::name)
        .containsSubsequence("debian", "os-release")
        .containsSubsequence("ubuntu", "os-release")
        .last()
        .isEqualTo("os-release");
  }

  @Test
  void leavesAlternativeSourcesOutOfTheDefaultUpdate() {
    assertThat(DebianOval.updaterFactory().runsByDefault()).isFalse();
    assertThat(new DebianTrackerUpdaterFactory().runsByDefault()).isTrue();
    assertThat(
            Defaults.updaterFactories().stream()
                .filter(UpdaterFactory::runsByDefault)
                .map(UpdaterFactory::name))
        .containsExactly(
            "alpine", "debian", "ubuntu", "rhel", "oracle", "suse", "amazon", "rocky", "alma",
            "photon", "nvd", "epss", "kev", "osv");
  }
}
