package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.Json;
import dev.vigil.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rig's {@code rig/tiny:1.0} image (Debian 12.0 package versions, os-release reached through a
 * symbolic link) against the Debian bookworm OVAL of 2023-07-14, through the CLI as a user runs it.
 * The feed fixes every vulnerability of those versions by then except two in openssl that Debian
 * leaves unfixed in bookworm (CVE-2007-6755, CVE-2010-0928, stated "earlier than 0"), so libssl3 is
 * reported for those two, with no fixed-in version, and {@code --ignore-unfixed} leaves nothing.
 */
class ScanDebianTinyEndToEndTest {
  @TempDir static Path tmp;
  private static String db;

  @BeforeAll
  static void update() throws Exception {
    Path mirror = Files.createDirectories(tmp.resolve("oval"));
    String file = "oval-definitions-bookworm.xml.bz2";
    Files.copy(Fixtures.fixture("feeds/debian-oval/" + file), mirror.resolve(file));
    db = tmp.resolve("vigil.db").toString();

    CliRun update =
        CliRun.of(
            "update",
            "--db",
            db,
            "--updaters",
            "debian-oval",
            "--source",
            "debian-oval=" + mirror.toUri());

    assertThat(update.exitCode()).as(update.err()).isZero();
    assertThat(update.out()).startsWith("debian-oval: updated, ");
  }

  @Test
  void reportsTheUnfixedOpensslVulnerabilities() throws Exception {
    CliRun scan = CliRun.of("scan", "--db", db, "--format", "json", RigImages.oci("tiny-1.0"));

    assertThat(scan.exitCode()).as(scan.err()).isZero();
    JsonNode report = Json.mapper().readTree(scan.out());
    JsonNode affected = report.get("package_vulnerabilities");
    assertThat(affected).hasSize(1);
    String libssl = affected.fieldNames().next();
    assertThat(report.get("packages").get(libssl).get("name").asText()).isEqualTo("libssl3");
    assertThat(affected.get(libssl)).hasSize(2);
    List<String> names = new ArrayList<>();
    report.get("vulnerabilities").forEach(v -> names.add(v.get("name").asText()));
    assertThat(names).containsExactlyInAnyOrder("CVE-2007-6755", "CVE-2010-0928");
    report
        .get("vulnerabilities")
        .forEach(
            v -> {
              assertThat(v.has("fixed_in_version")).isFalse();
              assertThat(v.get("updater").asText()).isEqualTo("debian-oval");
              assertThat(v.get("package").get("name").asText()).isEqualTo("openssl");
            });
    assertThat(report.get("packages")).hasSize(5);
    JsonNode distribution = report.get("distributions").elements().next();
    assertThat(distribution.get("version_code_name").asText()).isEqualTo("bookworm");
    assertThat(distribution.get("version_id").asText()).isEqualTo("12");
  }

  @Test
  void leavesUnfixedVulnerabilitiesOutOnRequest() throws Exception {
    CliRun scan =
        CliRun.of(
            "scan", "--db", db, "--format", "json", "--ignore-unfixed", RigImages.oci("tiny-1.0"));

    assertThat(scan.exitCode()).as(scan.err()).isZero();
    JsonNode report = Json.mapper().readTree(scan.out());
    assertThat(report.get("vulnerabilities")).isEmpty();
    assertThat(report.get("package_vulnerabilities")).isEmpty();
    assertThat(report.get("packages")).hasSize(5);
  }

  @Test
  void printsATableForTheDockerArchive() {
    String archive = "docker-archive:" + RigImages.dir().resolve("tiny.docker.tar");

    CliRun table = CliRun.of("scan", "--db", db, archive);

    assertThat(table.exitCode()).as(table.err()).isZero();
    assertThat(table.out())
        .contains("Debian GNU/Linux 12 (bookworm)")
        .contains("Total: 2")
        .contains("CVE-2007-6755")
        .contains("libssl3")
        .contains("3.0.9-1")
        .contains("(none)");
  }
}
