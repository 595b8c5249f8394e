package dev.vigil.ecosystem.alpine;

import static dev.vigil.testing.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.vigil.ecosystem.apk.ApkInstalledScanner;
import dev.vigil.ecosystem.osrelease.MemoryTree;
import dev.vigil.feed.FeedClient;
import dev.vigil.model.Distribution;
import dev.vigil.model.Package;
import dev.vigil.model.Severity;
import dev.vigil.model.Vulnerability;
import dev.vigil.spi.FoundPackage;
import dev.vigil.spi.IndexRecord;
import dev.vigil.spi.MatchConstraint;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlpineMatcherTest {
  private final AlpineMatcher matcher = new AlpineMatcher();
  @TempDir Path tmp;

  private static Distribution release(String versionId, String prettyName) {
    return AlpineRelease.installed(versionId, prettyName);
  }

  private static IndexRecord record(String name, String version, String origin, Distribution d) {
    return new IndexRecord(
        Package.binary(name, version, "x86_64", Package.source(origin, version)), d, null);
  }

  private static Vulnerability vuln(String origin, String branch, String fixed) {
    return new Vulnerability(
        "",
        "alpine",
        "CVE-2020-1967",
        "",
        null,
        "",
        "",
        Severity.Unknown,
        Package.source(origin, ""),
        AlpineRelease.forBranch(branch),
        null,
        fixed,
        "");
  }

  @Test
  void handlesAlpineBinaryPackagesOnly() {
    Distribution alpine = release("3.10.4", null);
    Distribution debian =
        new Distribution("", "debian", "Debian GNU/Linux", "", "", "12", "", "", "");

    assertThat(matcher.filter(record("libssl1.1", "1.1.1d-r2", "openssl", alpine))).isTrue();
    assertThat(
            matcher.filter(new IndexRecord(Package.source("openssl", "1.1.1d-r2"), alpine, null)))
        .isFalse();
    assertThat(matcher.filter(record("openssl", "1.1.1d-r2", "openssl", debian))).isFalse();
    assertThat(matcher.filter(record("openssl", "1.1.1d-r2", "openssl", null))).isFalse();
  }

  @Test
  void asksForSourceNameAndDistribution() {
    assertThat(matcher.name()).isEqualTo("alpine");
    assertThat(matcher.updaters()).containsExactly("alpine");
    assertThat(matcher.query())
        .containsExactlyInAnyOrder(
            MatchConstraint.PACKAGE_SOURCE_NAME, MatchConstraint.DISTRIBUTION_DID);
  }

  @Test
  void comparesWithApkOrderingOnTheSameBranch() {
    Distribution d = release("3.10.4", "Alpine Linux v3.10");
    Vulnerability fixed = vuln("openssl", "v3.10", "1.1.1g-r0");

    assertThat(matcher.vulnerable(record("libssl1.1", "1.1.1d-r2", "openssl", d), fixed)).isTrue();
    assertThat(matcher.vulnerable(record("libssl1.1", "1.1.1g-r0", "openssl", d), fixed)).isFalse();
    assertThat(matcher.vulnerable(record("libssl1.1", "1.1.1k-r0", "openssl", d), fixed)).isFalse();
    assertThat(matcher.vulnerable(record("libssl1.1", "1.1.1g_rc1-r0", "openssl", d), fixed))
        .isTrue();
  }

  @Test
  void treatsAMissingFixAsAffecting() {
    Distribution d = release("3.10.4", null);

    assertThat(
            matcher.vulnerable(record("musl", "1.1.22-r4", "musl", d), vuln("musl", "v3.10", "")))
        .isTrue();
  }

  @Test
  void ignoresOtherBranches() {
    IndexRecord onV310 = record("libssl1.1", "1.1.1d-r2", "openssl", release("3.10.4", null));

    assertThat(matcher.vulnerable(onV310, vuln("openssl", "v3.11", "1.1.1g-r0"))).isFalse();
    assertThat(matcher.vulnerable(onV310, vuln("openssl", "edge", "1.1.1g-r0"))).isFalse();
    IndexRecord unknown = record("libssl1.1", "1.1.1d-r2", "openssl", release("", "Alpine Linux"));
    assertThat(matcher.vulnerable(unknown, vuln("openssl", "v3.10", "1.1.1g-r0"))).isFalse();
    Vulnerability noDistribution =
        new Vulnerability(
            "",
            "alpine",
            "CVE-2020-1967",
            "",
            null,
            "",
            "",
            Severity.Unknown,
            Package.source("openssl", ""),
            null,
            null,
            "1.1.1g-r0",
            "");
    assertThat(matcher.vulnerable(onV310, noDistribution)).isFalse();
  }

  @Test
  void matchesEdgeAgainstEdge() {
    IndexRecord onEdge =
        record(
            "libcrypto3",
            "3.3.2-r0",
            "openssl",
            release("3.22.0_alpha20250108", "Alpine Linux edge"));

    assertThat(matcher.vulnerable(onEdge, vuln("openssl", "edge", "3.3.2-r1"))).isTrue();
    assertThat(matcher.vulnerable(onEdge, vuln("openssl", "v3.21", "3.3.2-r1"))).isFalse();
  }

  @Test
  void findsZlibInAlpine31212() throws IOException {
    assertThat(hits("alpine-minirootfs-3.12.12-x86_64.tar.gz", "v3.12"))
        .contains(tuple("zlib", "1.2.12-r0", "CVE-2022-37434"));
  }

  @Test
  void findsBusyboxInAlpine3169() throws IOException {
    assertThat(hits("alpine-minirootfs-3.16.9-x86_64.tar.gz", "v3.16"))
        .contains(
            tuple("busybox", "1.35.0-r17", "CVE-2023-42366"),
            tuple("ssl_client", "1.35.0-r17", "CVE-2023-42366"));
  }

  @Test
  void findsOpensslInAlpine3203() throws IOException {
    assertThat(hits("alpine-minirootfs-3.20.3-aarch64.tar.gz", "v3.20"))
        .contains(
            tuple("libcrypto3", "3.3.2-r0", "CVE-2024-9143"),
            tuple("libssl3", "3.3.2-r0", "CVE-2024-9143"));
  }

  /**
   * Scans a rootfs fixture, parses the branch's secdb fixtures, and judges every candidate the
   * store would return for the matcher's constraints: (package, installed version, advisory).
   */
  private List<Tuple> hits(String rootfs, String branch) throws IOException {
    ApkInstalledScanner packages = new ApkInstalledScanner();
    AlpineReleaseScanner releases = new AlpineReleaseScanner();
    Predicate<String> wanted = p -> packages.files().wants(p) || releases.files().wants(p);
    MemoryTree tree = MemoryTree.ofTarGz(fixture("rootfs/alpine/" + rootfs), wanted);
    Distribution distribution = releases.scan(tree).orElseThrow();
    assertThat(AlpineRelease.secdbBranch(distribution)).contains(branch);
    List<Vulnerability> vulns = secdb(branch);

    List<Tuple> hits = new ArrayList<>();
    for (FoundPackage found : packages.scan(tree)) {
      IndexRecord record = new IndexRecord(found.pkg(), distribution, null);
      assertThat(matcher.filter(record)).isTrue();
      for (Vulnerability v : vulns) {
        if (v.pkg().name().equals(found.pkg().sourceName())
            && v.distribution().did().equals(distribution.did())
            && matcher.vulnerable(record, v)) {
          hits.add(tuple(found.pkg().name(), found.pkg().version(), v.name()));
        }
      }
    }
    return hits;
  }

  private List<Vulnerability> secdb(String branch) throws IOException {
    Path dir = tmp.resolve("secdb");
    Path files = Files.createDirectories(dir.resolve(branch));
    for (String repo : List.of("main.json", "community.json")) {
      Files.copy(fixture("feeds/alpine-secdb/" + branch + "/" + repo), files.resolve(repo));
    }
    return new AlpineSecDbUpdaterFactory()
        .create(URI.create("https://secdb.alpinelinux.org/"), new FeedClient(Duration.ofSeconds(1)))
        .parse(dir);
  }
}
