package dev.vigil.ecosystem.oracle;

import static dev.vigil.ecosystem.rpm.Findings.os;
import static dev.vigil.ecosystem.rpm.Findings.rpm;
import static dev.vigil.testing.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.ecosystem.oval.OvalDocument;
import dev.vigil.ecosystem.oval.OvalReader;
import dev.vigil.ecosystem.oval.OvalUpdater;
import dev.vigil.ecosystem.rpm.Findings;
import dev.vigil.feed.FeedClient;
import dev.vigil.model.Distribution;
import dev.vigil.model.Severity;
import dev.vigil.model.Vulnerability;
import dev.vigil.spi.FetchResult;
import dev.vigil.spi.ScanException;
import dev.vigil.spi.Updater;
import dev.vigil.testing.Compress;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code oracle} updater over a mirror holding {@code com.oracle.elsa-all.xml.bz2} (the ELSA
 * OVAL of ELSA-2007-0057, bind on Oracle Linux 5, bzip2-compressed as Oracle serves it), and the
 * ELSA parser over vunnel's ksplice excerpt (ELSA-2021-9151, openssl ksplice builds on Oracle Linux
 * 8 by architecture) and its truncated excerpt.
 */
class OracleOvalTest {
  private static final Distribution OL5 = os("ol", "5.11");
  private static final Distribution OL8 = os("ol", "8.4");
  @TempDir static Path tmp;
  private static Updater updater;
  private static FetchResult first;
  private static List<Vulnerability> bind;
  private final OracleMatcher matcher = new OracleMatcher();

  @BeforeAll
  static void fetchAndParse() throws IOException {
    Path mirror = Files.createDirectories(tmp.resolve("mirror"));
    Compress.bzip2(fixture("feeds/oracle-oval/ELSA-2007-0057.xml"), mirror.resolve(OracleOval.ALL));
    updater =
        OracleOval.updaterFactory().create(mirror.toUri(), new FeedClient(Duration.ofSeconds(10)));
    Path fetched = Files.createDirectories(tmp.resolve("fetched"));
    first = updater.fetch(fetched, "");
    bind = updater.parse(fetched);
  }

  private static OvalUpdater.Parsed parse(String fixture) throws IOException {
    try (InputStream in = Files.newInputStream(fixture("feeds/oracle-oval/" + fixture))) {
      OvalDocument document = OvalReader.read(in, fixture);
      return OracleOval.parser().parse(document, "all");
    }
  }

  @Test
  void fetchesTheAllFileByName() throws IOException {
    FetchResult again =
        updater.fetch(Files.createDirectories(tmp.resolve("again")), first.fingerprint());

    assertThat(first.changed()).isTrue();
    assertThat(again.changed()).isFalse();
    assertThat(OracleOval.updaterFactory().runsByDefault()).isTrue();
    assertThat(OracleOval.updaterFactory().defaultSource())
        .hasToString("https://linux.oracle.com/security/oval/");
  }

  @Test
  void statesEveryPackageOfTheErratumForEachCve() {
    assertThat(bind).hasSize(16);
    assertThat(bind)
        .extracting(v -> v.name() + " " + v.pkg().name())
        .contains(
            "CVE-2007-0493 bind", "CVE-2007-0494 bind-utils", "CVE-2007-0493 caching-nameserver");
    assertThat(bind)
        .allSatisfy(
            v -> {
              assertThat(v.fixedInVersion()).isEqualTo("30:9.3.3-8.el5");
              assertThat(v.distribution().did()).isEqualTo("ol");
              assertThat(v.distribution().versionId()).isEqualTo("5");
              assertThat(v.severity()).isEqualTo("MODERATE");
              assertThat(v.normalizedSeverity()).isEqualTo(Severity.Medium);
              assertThat(v.links()).contains("http://linux.oracle.com/errata/ELSA-2007-0057.html");
              assertThat(v.archOp()).isEmpty();
            });
  }

  @Test
  void matchesOracleLinux5PackagesOlderThanTheFix() {
    assertThat(
            Findings.of(
                matcher,
                bind,
                rpm(OL5, "bind", "30:9.3.3-7.el5", "x86_64", ""),
                rpm(OL5, "bind-utils", "30:9.3.3-8.el5", "x86_64", ""),
                rpm(OL8, "bind", "32:9.11.26-4.el8_4", "x86_64", ""),
                rpm(os("rocky", "5"), "bind", "30:9.3.3-7.el5", "x86_64", "")))
        .containsExactly("CVE-2007-0493 bind", "CVE-2007-0494 bind");
  }

  @Test
  void keepsKspliceStatementsForKspliceBuildsOfTheirArchitecture() throws IOException {
    OvalUpdater.Parsed ksplice = parse("vunnel-mock_ksplice_data.xml");

    assertThat(ksplice.skipped()).isZero();
    assertThat(ksplice.vulnerabilities())
        .extracting(v -> v.name() + " " + v.pkg().name() + " " + v.pkg().arch())
        .contains("CVE-2021-3449 openssl aarch64", "CVE-2021-3450 openssl-debugsource aarch64")
        .contains("CVE-2021-3449 openssl x86_64")
        .doesNotContain("CVE-2021-3449 openssl-debugsource x86_64");
    assertThat(ksplice.vulnerabilities())
        .allSatisfy(
            v -> {
              assertThat(v.fixedInVersion()).isEqualTo("2:1.1.1g-15.ksplice1.el8_3");
              assertThat(v.archOp()).isEqualTo("pattern match");
              assertThat(v.distribution().versionId()).isEqualTo("8");
            });

    assertThat(
            Findings.of(
                matcher,
                ksplice.vulnerabilities(),
                rpm(OL8, "openssl", "2:1.1.1g-14.ksplice1.el8_3", "x86_64", ""),
                rpm(OL8, "openssl-libs", "1:1.1.1g-12.el8_3", "x86_64", ""),
                rpm(OL8, "openssl-debugsource", "2:1.1.1g-14.ksplice1.el8_3", "x86_64", ""),
                rpm(OL8, "openssl-devel", "2:1.1.1g-15.ksplice1.el8_3", "x86_64", "")))
        .containsExactly("CVE-2021-3449 openssl", "CVE-2021-3450 openssl");
  }

  @Test
  void judgesNormalBuildsOnlyAgainstNormalFixes() {
    Vulnerability normal =
        bind.stream().filter(v -> v.pkg().name().equals("bind")).findFirst().orElseThrow();

    assertThat(matcher.vulnerable(rpm(OL5, "bind", "30:9.3.3-7.ksplice1.el5", "", ""), normal))
        .isFalse();
    assertThat(matcher.vulnerable(rpm(OL5, "bind", "30:9.3.3-7.el5", "", ""), normal)).isTrue();
  }

  @Test
  void statesNothingForTestsATruncatedExcerptLacks() throws IOException {
    OvalUpdater.Parsed truncated = parse("vunnel-mock_data.xml");

    assertThat(truncated.vulnerabilities()).isEmpty();
    assertThat(truncated.skipped()).isPositive();
  }

  @Test
  void refusesAMalformedFile() throws IOException {
    Path broken = Files.createDirectories(tmp.resolve("broken"));
    Path xml = broken.resolve("half.xml");
    String whole = Files.readString(fixture("feeds/oracle-oval/ELSA-2007-0057.xml"));
    Files.writeString(xml, whole.substring(0, whole.length() / 2));
    Compress.bzip2(xml, broken.resolve(OracleOval.ALL));

    assertThatThrownBy(() -> updater.parse(broken))
        .isInstanceOf(ScanException.class)
        .hasMessageContaining("not well-formed XML");
  }
}
