package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.layer.DirectoryLayer;
import dev.vigil.model.Json;
import dev.vigil.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * rpm images through the CLI as a user runs it: root filesystems holding a real rpm database and
 * os-release ({@code dir:}), scanned to a JSON report that lists every package with its version,
 * source, distribution and the layer that introduced it.
 */
class ScanRpmEndToEndTest {
  @TempDir Path tmp;

  private JsonNode scan(Path rootfs) throws Exception {
    CliRun scan =
        CliRun.of(
            "scan",
            "--db",
            tmp.resolve("vigil.db").toString(),
            "--format",
            "json",
            "dir:" + rootfs);
    assertThat(scan.exitCode()).as(scan.err()).isZero();
    assertThat(scan.err()).doesNotContain("rpm:");
    return Json.mapper().readTree(scan.out());
  }

  private Path rootfs(String name, String osRelease, String database, String where)
      throws Exception {
    Path root = tmp.resolve(name);
    Files.createDirectories(root.resolve("etc"));
    Files.createDirectories(root.resolve(where).getParent());
    Files.copy(Fixtures.fixture("os-release/" + osRelease), root.resolve("etc/os-release"));
    Files.copy(Fixtures.fixture("pkgdb/rpm/" + database), root.resolve(where));
    return root;
  }

  private static JsonNode named(JsonNode report, String name) {
    for (JsonNode pkg : report.get("packages")) {
      if (pkg.get("name").asText().equals(name)) {
        return pkg;
      }
    }
    throw new AssertionError("no package " + name);
  }

  @Test
  void listsTheMarinerPackagesWithTheirLayer() throws Exception {
    Path root =
        rootfs(
            "mariner",
            "trivy-mariner-2.0/etc/os-release",
            "cbl-mariner-2.0/rpmdb.sqlite",
            "usr/lib/sysimage/rpm/rpmdb.sqlite");
    Files.createDirectories(root.resolve("var/lib"));
    Files.createSymbolicLink(root.resolve("var/lib/rpm"), Path.of("../../usr/lib/sysimage/rpm"));
    String layer = DirectoryLayer.of(root).digest().toString();

    JsonNode report = scan(root);

    assertThat(report.get("packages")).hasSize(129);
    assertThat(report.get("distributions").get("1").get("did").asText()).isEqualTo("mariner");
    assertThat(report.get("distributions").get("1").get("version_id").asText()).isEqualTo("2.0");
    JsonNode openssl = named(report, "openssl");
    assertThat(openssl.get("version").asText()).isEqualTo("1.1.1k-7.cm2");
    assertThat(openssl.get("arch").asText()).isEqualTo("x86_64");
    assertThat(openssl.get("source").get("name").asText()).isEqualTo("openssl");
    assertThat(openssl.get("source").get("kind").asText()).isEqualTo("SOURCE");
    JsonNode environment = report.get("environments").get(openssl.get("id").asText()).get(0);
    assertThat(environment.get("package_db").asText())
        .isEqualTo("usr/lib/sysimage/rpm/rpmdb.sqlite");
    assertThat(environment.get("introduced_in").asText()).isEqualTo(layer);
    assertThat(environment.get("distribution_id").asText()).isEqualTo("1");
    List<String> layers = new ArrayList<>();
    report
        .get("environments")
        .forEach(envs -> layers.add(envs.get(0).get("introduced_in").asText()));
    assertThat(layers).hasSize(129).containsOnly(layer);
  }

  @Test
  void listsTheSlePackagesFromTheNdbDatabase() throws Exception {
    JsonNode report =
        scan(
            rootfs(
                "sle",
                "trivy-sles/etc/os-release",
                "sle15-bci/Packages.db",
                "usr/lib/sysimage/rpm/Packages.db"));

    assertThat(report.get("packages")).hasSize(35);
    assertThat(report.get("distributions").get("1").get("did").asText()).isEqualTo("sles");
    assertThat(report.get("distributions").get("1").get("cpe").asText())
        .isEqualTo("cpe:2.3:o:suse:sles:15:sp3:*:*:*:*:*:*");
    assertThat(named(report, "libstdc++6").get("source").get("name").asText()).isEqualTo("gcc11");
  }

  @Test
  void reportsADamagedDatabaseAndScansTheRest() throws Exception {
    Path root =
        rootfs(
            "broken", "rhel-family/9/etc/os-release", "syft-bdb/Packages", "var/lib/rpm/Packages");
    byte[] db = Files.readAllBytes(root.resolve("var/lib/rpm/Packages"));
    db[2 * 4096 + 4079 + 4] = 9; // the header's first overflow page is now past the end
    Files.write(root.resolve("var/lib/rpm/Packages"), db);

    CliRun scan =
        CliRun.of(
            "scan", "--db", tmp.resolve("vigil.db").toString(), "--format", "json", "dir:" + root);

    assertThat(scan.exitCode()).as(scan.err()).isZero();
    assertThat(scan.err())
        .contains(
            "vigil: warning: rpm: var/lib/rpm/Packages: record 1: overflow chain breaks at page 9");
    JsonNode report = Json.mapper().readTree(scan.out());
    assertThat(report.get("packages")).isEmpty();
    assertThat(report.get("distributions").get("1").get("did").asText()).isEqualTo("rhel");
  }
}
