package dev.vigil.ecosystem.mariner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Distribution;
import dev.vigil.model.Package;
import dev.vigil.model.Severity;
import dev.vigil.model.Vulnerability;
import dev.vigil.spi.IndexRecord;
import dev.vigil.spi.MatchConstraint;
import org.junit.jupiter.api.Test;

class MarinerMatcherTest {
  private static final Distribution MARINER_2 =
      new Distribution("", "mariner", "Common Base Linux Mariner", "", "", "2.0", "", "", "");
  private final MarinerMatcher matcher = new MarinerMatcher();

  private static IndexRecord installed(String name, String version, Distribution d) {
    return new IndexRecord(
        Package.binary(name, version, "x86_64", Package.source(name, version)), d, null);
  }

  private static Vulnerability stated(String release, String fixed, String lastAffected) {
    return new Vulnerability(
        "",
        "mariner",
        "CVE-2023-0001",
        "",
        null,
        "",
        "High",
        Severity.High,
        Package.binary("openssl", lastAffected, "", null),
        MarinerOval.distribution(release),
        null,
        fixed,
        "");
  }

  @Test
  void comparesTheInstalledEvrWithTheFix() {
    IndexRecord openssl = installed("openssl", "1.1.1k-7.cm2", MARINER_2);

    assertThat(matcher.vulnerable(openssl, stated("cbl-mariner-2.0", "0:1.1.1k-8.cm2", "")))
        .isTrue();
    assertThat(matcher.vulnerable(openssl, stated("cbl-mariner-2.0", "0:1.1.1k-7.cm2", "")))
        .isFalse();
    assertThat(matcher.vulnerable(openssl, stated("cbl-mariner-1.0", "0:1.1.1k-8.cm2", "")))
        .isFalse();
  }

  @Test
  void affectsUpToTheLastAffectedVersionWithoutAFix() {
    IndexRecord openssl = installed("openssl", "1.1.1k-7.cm2", MARINER_2);

    assertThat(matcher.vulnerable(openssl, stated("cbl-mariner-2.0", "", "0:1.1.1k-7.cm2")))
        .isTrue();
    assertThat(matcher.vulnerable(openssl, stated("cbl-mariner-2.0", "", "0:1.1.1k-6.cm2")))
        .isFalse();
  }

  @Test
  void judgesTheReleaseByMajorAndMinor() {
    Distribution dated = new Distribution("", "mariner", "", "", "", "2.0.20240123", "", "", "");

    assertThat(
            matcher.vulnerable(
                installed("curl", "7.76.0-6.cm2", dated),
                stated("cbl-mariner-2.0", "0:8.5.0-1.cm2", "")))
        .isTrue();
  }

  @Test
  void takesBinaryMarinerAndAzureLinuxPackagesByName() {
    Distribution azure = new Distribution("", "azurelinux", "", "", "", "3.0", "", "", "");
    Distribution fedora = new Distribution("", "fedora", "", "", "", "39", "", "", "");

    assertThat(matcher.filter(installed("curl", "1", MARINER_2))).isTrue();
    assertThat(matcher.filter(installed("curl", "1", azure))).isTrue();
    assertThat(matcher.filter(installed("curl", "1", fedora))).isFalse();
    assertThat(matcher.filter(new IndexRecord(Package.source("curl", "1"), MARINER_2, null)))
        .isFalse();
    assertThat(matcher.query())
        .containsExactlyInAnyOrder(MatchConstraint.PACKAGE_NAME, MatchConstraint.DISTRIBUTION_DID);
    assertThat(matcher.updaters()).containsExactly("mariner");
  }
}
