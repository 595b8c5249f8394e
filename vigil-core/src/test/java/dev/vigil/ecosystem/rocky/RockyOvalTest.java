package dev.vigil.ecosystem.rocky;

import static dev.vigil.ecosystem.rpm.Findings.os;
import static dev.vigil.ecosystem.rpm.Findings.rpm;
import static dev.vigil.testing.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.ecosystem.oval.OvalReader;
import dev.vigil.ecosystem.oval.OvalUpdater;
import dev.vigil.ecosystem.rpm.Findings;
import dev.vigil.feed.FeedClient;
import dev.vigil.model.Distribution;
import dev.vigil.model.Severity;
import dev.vigil.model.Vulnerability;
import dev.vigil.spi.Updater;
import dev.vigil.testing.Compress;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code rocky} updater over a mirror laid out like {@code dl.rockylinux.org/pub/oval/}: the
 * Rocky Linux 9 RLSA OVAL (pschou/oval snapshot of 2024-11-13, 175 definitions) both plain and
 * bzip2-compressed, as Rocky publishes it.
 */
class RockyOvalTest {
  private static final Distribution ROCKY_9 = os("rocky", "9.0");
  @TempDir static Path tmp;
  private static Path fetched;
  private static List<Vulnerability> vulns;
  private final RockyMatcher matcher = new RockyMatcher();

  @BeforeAll
  static void fetchAndParse() throws IOException {
    Path mirror = Files.createDirectories(tmp.resolve("mirror"));
    Path rlsa9 = fixture("feeds/rocky-oval/org.rockylinux.rlsa-9.xml");
    Files.copy(rlsa9, mirror.resolve("org.rockylinux.rlsa-9.xml"));
    Compress.bzip2(rlsa9, mirror.resolve("org.rockylinux.rlsa-9.xml.bz2"));
    Files.writeString(mirror.resolve("org.rockylinux.rlsa-9.xml.bz2.sha256sum"), "x\n");
    Updater updater =
        RockyOval.updaterFactory().create(mirror.toUri(), new FeedClient(Duration.ofSeconds(10)));
    fetched = Files.createDirectories(tmp.resolve("fetched"));
    updater.fetch(fetched, "");
    vulns = updater.parse(fetched);
  }

  @Test
  void fetchesTheCompressedFileOfARelease() throws IOException {
    try (Stream<Path> files = Files.list(fetched)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactly("org.rockylinux.rlsa-9.xml.bz2");
    }
  }

  @Test
  void namesTheAdvisoryWhenTheFeedNamesNoCve() {
    Vulnerability gzip =
        vulns.stream()
            .filter(v -> v.name().equals("RLSA-2022:4582") && v.pkg().name().equals("gzip"))
            .findFirst()
            .orElseThrow();

    assertThat(vulns).hasSize(2609);
    assertThat(gzip.fixedInVersion()).isEqualTo("0:1.10-9.el9_0");
    assertThat(gzip.distribution().did()).isEqualTo("rocky");
    assertThat(gzip.distribution().versionId()).isEqualTo("9");
    assertThat(gzip.pkg().arch()).isEqualTo("aarch64|ppc64le|s390x|src|x86_64");
    assertThat(gzip.links()).isEqualTo("https://errata.rockylinux.org/RLSA-2022:4582");
    assertThat(gzip.normalizedSeverity()).isEqualTo(Severity.High);
  }

  @Test
  void matchesRocky9PackagesOlderThanTheFix() {
    assertThat(
            Findings.of(
                matcher,
                vulns,
                rpm(ROCKY_9, "gzip", "1.10-8.el9", "x86_64", ""),
                rpm(ROCKY_9, "zlib", "1.2.11-31.el9", "x86_64", ""),
                rpm(ROCKY_9, "openssl-libs", "1:3.0.1-47.el9_1", "x86_64", ""),
                rpm(os("rocky", "8.6"), "gzip", "1.9-13.el8", "x86_64", ""),
                rpm(
                    ROCKY_9,
                    "nodejs",
                    "1:16.14.0-2.module+el9.0.0+813+ef6f9ea6",
                    "x86_64",
                    "nodejs:16")))
        .containsExactly("RLSA-2022:4582 gzip", "RLSA-2022:7314 zlib");
  }

  @Test
  void readsTheRocky8Excerpt() throws IOException {
    try (InputStream in =
        Files.newInputStream(fixture("feeds/rocky-oval/org.rockylinux.rlsa-8.xml"))) {
      OvalUpdater.Parsed parsed =
          RockyOval.updaterFactory()
              .parser()
              .parse(OvalReader.read(in, "org.rockylinux.rlsa-8.xml"), "8");

      assertThat(parsed.vulnerabilities()).hasSize(814);
      assertThat(parsed.skipped()).isZero();
    }
  }
}
