package dev.vigil.cli;

import static dev.vigil.testing.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.ecosystem.lang.TestArchives;
import dev.vigil.ecosystem.osv.OsvMirror;
import dev.vigil.model.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vigil scan rootfs:FILE} of a root filesystem tarball built here from the language
 * fixtures: the maven-web-app war (pair P11), the node app's node_modules (P13), the Python
 * site-packages (P14) and the go1.15.2 binary (P15, mode 0755), plus a 100-deep nested jar that is
 * refused with a warning. The JSON report names every package with its ecosystem's repository, and
 * the CycloneDX output gives them language purls. With the OSV fixtures in the store (pairs
 * P11-P15), the scan reports their advisories.
 */
class ScanLanguagePackagesTest {
  @TempDir static Path tmp;
  private static String db;
  private static Path rootfs;

  @BeforeAll
  static void buildTheRootfs() throws IOException {
    db = tmp.resolve("vigil.db").toString();
    Map<String, Path> files = new TreeMap<>();
    files.put("opt/app/app.war", fixture("lang/java/maven-web-app.war"));
    files.putAll(TestArchives.under("srv/app/node_modules", fixture("lang/node/app/node_modules")));
    files.putAll(
        TestArchives.under(
            "usr/lib/python3.9/site-packages", fixture("lang/python/site-packages")));
    Path deep = Files.write(tmp.resolve("deep.jar"), TestArchives.nestedJar(100));
    files.put("opt/bad/deep.jar", deep);
    rootfs = tmp.resolve("rootfs.tar.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(rootfs));
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Map.Entry<String, Path> file : files.entrySet()) {
        add(tar, file.getKey(), file.getValue(), 0100644);
      }
      add(tar, "usr/local/bin/app", fixture("lang/go/test-go1.15.elf"), 0100755);
    }
  }

  private static void add(TarArchiveOutputStream tar, String path, Path file, int mode)
      throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(path);
    entry.setMode(mode);
    entry.setSize(Files.size(file));
    tar.putArchiveEntry(entry);
    Files.copy(file, tar);
    tar.closeArchiveEntry();
  }

  @Test
  void reportsTheLanguagePackagesWithTheirRepositories() throws IOException {
    CliRun scan = CliRun.of("scan", "--db", db, "--format", "json", "rootfs:" + rootfs);

    assertThat(scan.exitCode()).as(scan.err()).isZero();
    assertThat(scan.err())
        .contains(
            "vigil: warning: maven: opt/bad/deep.jar: refused: archives nested more than 16"
                + " levels deep");
    JsonNode report = Json.mapper().readTree(scan.out());
    List<String> lines = new ArrayList<>();
    report
        .get("packages")
        .fields()
        .forEachRemaining(
            entry -> {
              JsonNode env = report.get("environments").get(entry.getKey()).get(0);
              String repositoryId = env.get("repository_ids").get(0).asText();
              lines.add(
                  entry.getValue().get("name").asText()
                      + " "
                      + entry.getValue().get("version").asText()
                      + " "
                      + report.get("repository").get(repositoryId).get("name").asText());
            });
    assertThat(lines)
        .contains(
            "com.fasterxml.jackson.core:jackson-databind 2.9.10.6 Maven",
            "express 4.16.4 npm",
            "body-parser 1.18.3 npm",
            "Flask 2.0.0 PyPI",
            "setuptools 51.3.3 PyPI",
            "stdlib 1.15.2 Go",
            "github.com/aquasecurity/go-version 0.0.0-20210121072130-637058cfe492 Go")
        .hasSize(8 + 8 + 6 + 4);
  }

  @Test
  void givesLanguagePackagesTheirPurlsInTheSbom() throws IOException {
    Path bom = tmp.resolve("bom.cdx.json");
    CliRun scan = CliRun.of("scan", "--db", db, "--format", "cyclonedx=" + bom, "rootfs:" + rootfs);

    assertThat(scan.exitCode()).as(scan.err()).isZero();
    List<String> purls = new ArrayList<>();
    Json.mapper()
        .readTree(bom.toFile())
        .get("components")
        .forEach(c -> purls.add(c.path("purl").asText()));
    assertThat(purls)
        .contains(
            "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.9.10.6",
            "pkg:npm/express@4.16.4",
            "pkg:npm/%40babel/parser@7.23.6",
            "pkg:pypi/flask@2.0.0",
            "pkg:golang/stdlib@1.15.2",
            "pkg:golang/golang.org/x/xerrors@v0.0.0-20200804184101-5ec99f83aff1");
  }

  @Test
  void matchesTheLanguagePackagesAgainstOsvData() throws IOException {
    String osvDb = tmp.resolve("osv.db").toString();
    Path mirror = OsvMirror.ofFixtures(tmp.resolve("osv-mirror")).write();
    CliRun update =
        CliRun.of(
            "update", "--db", osvDb, "--updaters", "osv", "--source", "osv=" + mirror.toUri());
    assertThat(update.exitCode()).as(update.err()).isZero();

    CliRun scan = CliRun.of("scan", "--db", osvDb, "--format", "json", "rootfs:" + rootfs);

    assertThat(scan.exitCode()).as(scan.err()).isZero();
    JsonNode report = Json.mapper().readTree(scan.out());
    List<String> findings = new ArrayList<>();
    report
        .get("package_vulnerabilities")
        .fields()
        .forEachRemaining(
            entry -> {
              String name = report.get("packages").get(entry.getKey()).get("name").asText();
              entry
                  .getValue()
                  .forEach(
                      id ->
                          findings.add(
                              report.get("vulnerabilities").get(id.asText()).get("name").asText()
                                  + " "
                                  + name));
            });
    assertThat(findings)
        .contains(
            "GHSA-57j2-w4cx-62h2 com.fasterxml.jackson.core:jackson-databind",
            "GHSA-rv95-896h-c2vc express",
            "GHSA-qwcr-r2fm-qrc7 body-parser",
            "PYSEC-2023-62 Flask",
            "PYSEC-2022-43012 setuptools");
    assertThat(findings.stream().filter(f -> f.endsWith(" stdlib"))).hasSize(131);
  }
}
