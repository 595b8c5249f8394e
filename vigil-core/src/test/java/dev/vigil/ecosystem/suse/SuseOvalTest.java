package dev.vigil.ecosystem.suse;

import static dev.vigil.ecosystem.rpm.Findings.os;
import static dev.vigil.ecosystem.rpm.Findings.rpm;
import static dev.vigil.testing.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.ecosystem.rpm.Findings;
import dev.vigil.feed.FeedClient;
import dev.vigil.model.Severity;
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
 * The {@code suse} updater over a mirror laid out like SUSE's OVAL directory: vunnel's truncated
 * SUSE Linux Enterprise 15 OVAL, gzipped as {@code suse.linux.enterprise.15.xml.gz}, beside files
 * of other names. The excerpt keeps 23 of the 52 tests its definitions name, so only the branches
 * whose tests are all there state anything.
 */
class SuseOvalTest {
  @TempDir static Path tmp;
  private static List<Vulnerability> vulns;
  private final SuseMatcher matcher = new SuseMatcher();

  @BeforeAll
  static void fetchAndParse() throws IOException {
    Path mirror = Files.createDirectories(tmp.resolve("mirror"));
    Path truncated = fixture("feeds/suse-oval/suse_truncated.xml");
    Compress.gzip(truncated, mirror.resolve("suse.linux.enterprise.15.xml.gz"));
    Files.copy(truncated, mirror.resolve("suse.linux.enterprise.server.15-patch.xml"));
    Updater updater =
        SuseOval.updaterFactory().create(mirror.toUri(), new FeedClient(Duration.ofSeconds(10)));
    Path fetched = Files.createDirectories(tmp.resolve("fetched"));
    updater.fetch(fetched, "");
    vulns = updater.parse(fetched);
  }

  @Test
  void statesTheKernelFixOfEachServicePackBranch() {
    assertThat(vulns)
        .extracting(
            v ->
                v.name()
                    + " "
                    + v.pkg().name()
                    + " "
                    + v.distribution().versionId()
                    + " "
                    + v.fixedInVersion())
        .containsExactlyInAnyOrder(
            "CVE-2021-29154 kernel-default 15 0:4.12.14-150.72.1",
            "CVE-2021-29154 kernel-default 15.1 0:4.12.14-197.89.2");
    assertThat(vulns)
        .allSatisfy(
            v -> {
              assertThat(v.distribution().did()).isEqualTo("sles");
              assertThat(v.pkg().arch()).isEqualTo("(aarch64|ppc64le|s390x|x86_64)");
              assertThat(v.archOp()).isEqualTo("pattern match");
              assertThat(v.normalizedSeverity()).isEqualTo(Severity.High);
            });
  }

  @Test
  void matchesServicePackImagesOfEveryEnterpriseProduct() {
    assertThat(
            Findings.of(
                matcher,
                vulns,
                rpm(os("sles", "15.1"), "kernel-default", "4.12.14-197.80.1", "x86_64", ""),
                rpm(os("sles_sap", "15"), "kernel-default", "4.12.14-150.69.1", "x86_64", ""),
                rpm(os("sled", "15"), "kernel-default", "4.12.14-150.72.1", "x86_64", "")))
        .containsExactly("CVE-2021-29154 kernel-default");
    assertThat(
            Findings.of(
                matcher,
                vulns,
                rpm(os("sles", "15.1"), "kernel-default", "4.12.14-197.89.2", "x86_64", ""),
                rpm(os("sles", "15.2"), "kernel-default", "4.12.14-197.80.1", "x86_64", ""),
                rpm(
                    os("opensuse-leap", "15.1"),
                    "kernel-default",
                    "4.12.14-197.80.1",
                    "x86_64",
                    ""),
                rpm(os("sles", "15.1"), "kernel-default", "4.12.14-197.80.1", "i586", "")))
        .isEmpty();
  }

  @Test
  void readsNotAffectedAsFalse() {
    assertThat(vulns)
        .extracting(Vulnerability::name)
        .doesNotContain("CVE-1999-0524", "CVE-2026-34073", "CVE-2010-1323");
  }

  @Test
  void keysReleasesByProductLine() {
    assertThat(SuseOval.distribution("opensuse.leap.15.5", "15.5").did())
        .isEqualTo("opensuse-leap");
    assertThat(SuseOval.distribution("opensuse.leap.15.5", "15.4")).isNull();
    assertThat(SuseOval.distribution("suse.linux.enterprise.15", "5.1")).isNull();
    assertThat(SuseOval.distribution("opensuse.tumbleweed", "").versionId()).isEmpty();
    Vulnerability kernel = vulns.get(0);
    Vulnerability tumbleweed =
        new Vulnerability(
            "",
            kernel.updater(),
            kernel.name(),
            "",
            null,
            "",
            "",
            Severity.High,
            kernel.pkg(),
            SuseOval.distribution("opensuse.tumbleweed", ""),
            null,
            kernel.fixedInVersion(),
            kernel.archOp());
    assertThat(
            Findings.of(
                matcher,
                List.of(tumbleweed),
                rpm(
                    os("opensuse-tumbleweed", "20240101"),
                    "kernel-default",
                    "4.12.14-1.1",
                    "",
                    "")))
        .hasSize(1);
  }
}
