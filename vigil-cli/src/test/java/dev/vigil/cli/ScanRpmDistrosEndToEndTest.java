package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Json;
import dev.vigil.testing.Compress;
import dev.vigil.testing.Fixtures;
import dev.vigil.testing.ReportPairs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Oracle, Rocky, Photon and Amazon updaters through the CLI and the SQLite store: each loaded
 * with {@code vigil update} from a mirror laid out like its upstream, then CycloneDX SBOMs naming a
 * few rpms of each distribution scanned against them.
 */
class ScanRpmDistrosEndToEndTest {
  @TempDir static Path tmp;
  private static String db;

  @BeforeAll
  static void update() throws Exception {
    Path feeds = Fixtures.fixture("feeds");
    Path mirror = tmp.resolve("mirror");
    Compress.bzip2(
        feeds.resolve("oracle-oval/vunnel-mock_ksplice_data.xml"),
        mirror.resolve("oracle/com.oracle.elsa-all.xml.bz2"));
    Compress.bzip2(
        feeds.resolve("rocky-oval/org.rockylinux.rlsa-9.xml"),
        mirror.resolve("rocky/org.rockylinux.rlsa-9.xml.bz2"));
    Compress.gzip(
        feeds.resolve("photon-oval/com.vmware.phsa-photon3.xml"),
        mirror.resolve("photon/com.vmware.phsa-photon3.xml.gz"));
    Path repo =
        Files.createDirectories(mirror.resolve("amazon/2/core/2.0/x86_64/6b0225cc/repodata"));
    Files.copy(feeds.resolve("amazon-alas/updateinfo_2_items.xml.gz"), repo.resolve("u.xml.gz"));
    Files.writeString(
        repo.resolve("repomd.xml"),
        "<repomd><data type=\"updateinfo\"><location href=\"repodata/u.xml.gz\"/></data></repomd>");
    Path list = Files.createDirectories(mirror.resolve("amazon/2/core/latest/x86_64"));
    Files.writeString(list.resolve("mirror.list"), "../../2.0/x86_64/6b0225cc\n");

    db = tmp.resolve("vigil.db").toString();
    CliRun update =
        CliRun.of(
            "update",
            "--no-progress",
            "--db",
            db,
            "--updaters",
            "oracle,rocky,photon,amazon",
            "--source",
            "oracle=" + mirror.resolve("oracle").toUri(),
            "--source",
            "rocky=" + mirror.resolve("rocky").toUri(),
            "--source",
            "photon=" + mirror.resolve("photon").toUri(),
            "--source",
            "amazon=" + mirror.resolve("amazon").toUri());
    assertThat(update.exitCode()).as(update.err()).isZero();
    assertThat(update.out())
        .contains(
            "oracle: updated, ",
            "rocky: updated, 2609 vulnerabilities",
            "photon: updated, 2467 vulnerabilities",
            "amazon: updated, ");
  }

  private static List<String> scan(String did, String version, String... rpms) throws Exception {
    StringBuilder components = new StringBuilder();
    for (String rpm : rpms) {
      String[] nameEvrArch = rpm.split(" ");
      components.append(
          """
          ,{"type":"library","name":"%1$s","version":"%2$s",
            "purl":"pkg:rpm/%4$s/%1$s@%2$s?arch=%3$s&distro=%4$s-%5$s","bom-ref":"%1$s"}
          """
              .formatted(nameEvrArch[0], nameEvrArch[1], nameEvrArch[2], did, version));
    }
    Path sbom =
        Files.writeString(
            tmp.resolve(did + ".cdx.json"),
            """
            {"bomFormat":"CycloneDX","specVersion":"1.5","version":1,
             "metadata":{"component":{"type":"container","name":"test"}},
             "components":[{"type":"operating-system","name":"%s","version":"%s","bom-ref":"os"}%s]}
            """
                .formatted(did, version, components));
    CliRun scan = CliRun.of("scan", "--db", db, "--format", "json", "sbom:" + sbom);
    assertThat(scan.exitCode()).as(scan.err()).isZero();
    return ReportPairs.pairs(Json.mapper().readTree(scan.out()));
  }

  @Test
  void findsRockyAdvisoriesAndLeavesFixedPackagesOut() throws Exception {
    assertThat(scan("rocky", "9.0", "gzip 1.10-8.el9 x86_64", "zlib 1.2.11-32.el9_0 x86_64"))
        .containsExactly("gzip RLSA-2022:4582");
  }

  @Test
  void findsPhotonCvesOfThePhoton3Feed() throws Exception {
    assertThat(scan("photon", "3.0", "sqlite-libs 3.27.2-4.ph3 x86_64"))
        .contains("sqlite-libs CVE-2019-16168")
        .doesNotContain("sqlite-libs CVE-2019-9937");
  }

  @Test
  void findsAmazonLinux2AdvisoriesByCve() throws Exception {
    assertThat(scan("amzn", "2", "qemu-img 10:1.5.3-141.amzn2.5.2 x86_64"))
        .containsExactly("qemu-img CVE-2017-5715");
  }

  @Test
  void keepsOracleKspliceFixesForKspliceBuilds() throws Exception {
    assertThat(
            scan(
                "ol",
                "8.4",
                "openssl 2:1.1.1g-14.ksplice1.el8_3 x86_64",
                "openssl-libs 1:1.1.1g-12.el8_3 x86_64"))
        .containsExactlyInAnyOrder("openssl CVE-2021-3449", "openssl CVE-2021-3450");
  }
}
