package dev.vigil.ecosystem.amazon;

import static dev.vigil.ecosystem.rpm.Findings.os;
import static dev.vigil.ecosystem.rpm.Findings.rpm;
import static dev.vigil.testing.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.ecosystem.rpm.Findings;
import dev.vigil.feed.FeedClient;
import dev.vigil.model.Distribution;
import dev.vigil.model.Severity;
import dev.vigil.model.Vulnerability;
import dev.vigil.spi.FetchResult;
import dev.vigil.spi.ScanException;
import dev.vigil.spi.Updater;
import dev.vigil.testing.Compress;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code amazon} updater over a mirror laid out like Amazon's CDN: Amazon Linux 1's mirror list
 * names its repository by an absolute URL, Amazon Linux 2's by a relative one; each repository's
 * {@code repodata/repomd.xml} names a gzipped updateinfo file (Clair's Amazon Linux 1 excerpt,
 * gzipped here; vuln-list-update's two-item Amazon Linux 2 file as Amazon serves it). Amazon Linux
 * 2023 is not mirrored.
 */
class AmazonAlasTest {
  private static final Distribution AL1 = os("amzn", "2018.03");
  private static final Distribution AL2 = os("amzn", "2");
  @TempDir static Path tmp;
  private static Updater updater;
  private static FetchResult first;
  private static List<Vulnerability> vulns;
  private final AmazonMatcher matcher = new AmazonMatcher();

  private static String repomd(String href) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <repomd xmlns="http://linux.duke.edu/metadata/repo">
          <revision>1700000000</revision>
          <data type="primary"><location href="repodata/primary.sqlite.bz2"/></data>
          <data type="updateinfo">
            <checksum type="sha256">0a1b</checksum>
            <location href="%s"/>
          </data>
        </repomd>
        """
        .formatted(href);
  }

  @BeforeAll
  static void fetchAndParse() throws IOException {
    Path mirror = Files.createDirectories(tmp.resolve("mirror"));
    Path al1Repo = Files.createDirectories(mirror.resolve("2018.03/updates/d1e2f3/x86_64"));
    Files.createDirectories(mirror.resolve("2018.03/updates/x86_64"));
    Files.writeString(mirror.resolve("2018.03/updates/x86_64/mirror.list"), al1Repo.toUri() + "\n");
    Compress.gzip(
        fixture("feeds/amazon-alas/amazon_linux_1_updateinfo.xml"),
        al1Repo.resolve("repodata/0a1b-updateinfo.xml.gz"));
    Files.writeString(
        al1Repo.resolve("repodata/repomd.xml"), repomd("repodata/0a1b-updateinfo.xml.gz"));

    Path al2Repo = Files.createDirectories(mirror.resolve("2/core/2.0/x86_64/6b0225cc/repodata"));
    Files.createDirectories(mirror.resolve("2/core/latest/x86_64"));
    Files.writeString(
        mirror.resolve("2/core/latest/x86_64/mirror.list"),
        "# Amazon Linux 2 core\n../../2.0/x86_64/6b0225cc\n");
    Files.copy(
        fixture("feeds/amazon-alas/updateinfo_2_items.xml.gz"),
        al2Repo.resolve("updateinfo.xml.gz"));
    Files.writeString(al2Repo.resolve("repomd.xml"), repomd("repodata/updateinfo.xml.gz"));

    updater = new AmazonAlas().create(mirror.toUri(), new FeedClient(Duration.ofSeconds(10)));
    Path fetched = Files.createDirectories(tmp.resolve("fetched"));
    first = updater.fetch(fetched, "");
    vulns = updater.parse(fetched);
  }

  private static List<Vulnerability> parse(String xml) throws IOException {
    try (InputStream in = new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))) {
      return UpdateInfoParser.parse(in, "test.xml", AmazonAlas.RELEASES.get(1));
    }
  }

  @Test
  void findsEachReleasesUpdateinfoThroughItsMirrorList() throws IOException {
    FetchResult again =
        updater.fetch(Files.createDirectories(tmp.resolve("again")), first.fingerprint());

    assertThat(first.changed()).isTrue();
    assertThat(again.changed()).isFalse();
    assertThat(vulns).extracting(v -> v.distribution().versionId()).containsOnly("2018.03", "2");
  }

  @Test
  void statesEachCveOfAnAdvisoryForEachPackage() {
    Vulnerability httpd =
        vulns.stream()
            .filter(v -> v.name().equals("CVE-2011-3192") && v.pkg().name().equals("httpd"))
            .findFirst()
            .orElseThrow();
    Vulnerability qemu =
        vulns.stream()
            .filter(v -> v.name().equals("CVE-2017-5715") && v.pkg().name().equals("qemu-kvm"))
            .findFirst()
            .orElseThrow();

    assertThat(httpd.fixedInVersion()).isEqualTo("0:2.2.21-1.18.amzn1");
    assertThat(httpd.distribution().prettyName()).isEqualTo("Amazon Linux AMI 2018.03");
    assertThat(httpd.links())
        .startsWith("https://alas.aws.amazon.com/ALAS-2011-1.html ")
        .contains("https://rhn.redhat.com/errata/RHSA-2011:1245.html");
    assertThat(qemu.fixedInVersion()).isEqualTo("10:1.5.3-141.amzn2.5.3");
    assertThat(qemu.links()).startsWith("https://alas.aws.amazon.com/AL2/ALAS-2018-942.html ");
    assertThat(qemu.severity()).isEqualTo("important");
    assertThat(qemu.normalizedSeverity()).isEqualTo(Severity.High);
    assertThat(qemu.issued()).hasToString("2018-02-07T00:00:00Z");
  }

  @Test
  void matchesPackagesOfTheirReleaseOlderThanTheFix() {
    assertThat(
            Findings.of(
                matcher,
                vulns,
                rpm(AL1, "httpd", "2.2.21-1.17.amzn1", "x86_64", ""),
                rpm(os("amzn", "2017.09"), "httpd-tools", "2.2.15-1.amzn1", "x86_64", ""),
                rpm(AL1, "mod_ssl", "1:2.2.21-1.18.amzn1", "x86_64", ""),
                rpm(AL2, "qemu-kvm", "10:1.5.3-141.amzn2.5.2", "aarch64", ""),
                rpm(AL2, "httpd", "2.2.21-1.17.amzn1", "x86_64", ""),
                rpm(os("amzn", "2023"), "qemu-kvm", "10:1.5.3-141.amzn2.5.2", "x86_64", "")))
        .containsExactly(
            "CVE-2011-3192 httpd", "CVE-2011-3192 httpd-tools", "CVE-2017-5715 qemu-kvm");
  }

  @Test
  void readsTheAmazonLinux2Excerpt() throws IOException {
    List<Vulnerability> al2 =
        parse(Files.readString(fixture("feeds/amazon-alas/amazon_linux_2_updateinfo.xml")));

    assertThat(
            Findings.of(
                matcher,
                al2,
                rpm(AL2, "kernel", "4.9.75-1.56.amzn2", "x86_64", ""),
                rpm(AL2, "perf", "4.9.76-38.79.amzn2", "x86_64", "")))
        .containsExactly("CVE-2017-5715 kernel", "CVE-2017-5754 kernel");
  }

  @Test
  void refusesADoctypeInUpdateinfoAndRepomd() {
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE updates [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<updates><update type=\"security\"><id>&x;</id></update></updates>";

    assertThatThrownBy(() -> parse(xxe))
        .isInstanceOf(ScanException.class)
        .hasMessage("amazon: test.xml: DOCTYPE declarations are not allowed");
    assertThatThrownBy(
            () ->
                RepoMd.location(
                    new ByteArrayInputStream(
                        xxe.replace("updates", "repomd").getBytes(StandardCharsets.UTF_8)),
                    "repomd.xml",
                    "updateinfo"))
        .isInstanceOf(ScanException.class)
        .hasMessageContaining("DOCTYPE");
  }

  @Test
  void refusesMalformedUpdateinfo() {
    assertThatThrownBy(() -> parse("<updates><update type=\"security\"><id>ALAS2-1</id>"))
        .isInstanceOf(ScanException.class)
        .hasMessageContaining("not well-formed XML");
    assertThatThrownBy(() -> parse("<updates><update type=\"security\"></update></updates>"))
        .isInstanceOf(ScanException.class)
        .hasMessageContaining("an update has no <id>");
    assertThatThrownBy(() -> parse("<rss/>"))
        .isInstanceOf(ScanException.class)
        .hasMessageContaining("not <updates>");
  }
}
