package dev.vigil.ecosystem.photon;

import static dev.vigil.ecosystem.rpm.Findings.os;
import static dev.vigil.ecosystem.rpm.Findings.rpm;
import static dev.vigil.testing.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.ecosystem.rpm.Findings;
import dev.vigil.feed.FeedClient;
import dev.vigil.model.Distribution;
import dev.vigil.model.Vulnerability;
import dev.vigil.spi.Updater;
import dev.vigil.testing.Compress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code photon} updater over a mirror laid out like {@code
 * packages.vmware.com/photon/photon_oval_definitions/}: claircore's Photon OS 3.0 PHSA OVAL,
 * gzipped as {@code com.vmware.phsa-photon3.xml.gz}.
 */
class PhotonOvalTest {
  private static final Distribution PHOTON_3 = os("photon", "3.0");
  @TempDir static Path tmp;
  private static List<Vulnerability> vulns;
  private final PhotonMatcher matcher = new PhotonMatcher();

  @BeforeAll
  static void fetchAndParse() throws IOException {
    Path mirror = Files.createDirectories(tmp.resolve("mirror"));
    Compress.gzip(
        fixture("feeds/photon-oval/com.vmware.phsa-photon3.xml"),
        mirror.resolve("com.vmware.phsa-photon3.xml.gz"));
    Updater updater =
        PhotonOval.updaterFactory().create(mirror.toUri(), new FeedClient(Duration.ofSeconds(10)));
    Path fetched = Files.createDirectories(tmp.resolve("fetched"));
    updater.fetch(fetched, "");
    vulns = updater.parse(fetched);
  }

  @Test
  void readsTheCvesOfEveryAdvisory() {
    assertThat(vulns).hasSize(2467);
    assertThat(vulns)
        .allSatisfy(
            v -> {
              assertThat(v.name()).startsWith("CVE-");
              assertThat(v.distribution().did()).isEqualTo("photon");
              assertThat(v.distribution().versionId()).isEqualTo("3");
            });
    assertThat(vulns)
        .filteredOn(v -> v.name().equals("CVE-2019-16168"))
        .extracting(v -> v.pkg().name() + " " + v.fixedInVersion())
        .containsExactlyInAnyOrder(
            "sqlite 0:3.27.2-5.ph3", "sqlite-devel 0:3.27.2-5.ph3", "sqlite-libs 0:3.27.2-5.ph3");
  }

  @Test
  void matchesPhoton3PackagesOlderThanTheFix() {
    assertThat(
            Findings.of(
                matcher,
                vulns,
                rpm(PHOTON_3, "sqlite-libs", "3.27.2-4.ph3", "x86_64", ""),
                rpm(os("photon", "4.0"), "sqlite-libs", "3.27.2-4.ph3", "x86_64", "")))
        .contains("CVE-2019-16168 sqlite-libs")
        .doesNotContain("CVE-2019-9937 sqlite-libs")
        .allMatch(finding -> finding.endsWith(" sqlite-libs"));
    assertThat(
            Findings.of(matcher, vulns, rpm(PHOTON_3, "sqlite-libs", "3.31.1-1.ph3", "x86_64", "")))
        .doesNotContain("CVE-2019-16168 sqlite-libs");
  }
}
