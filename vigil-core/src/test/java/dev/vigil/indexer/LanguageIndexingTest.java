package dev.vigil.indexer;

import static dev.vigil.testing.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.ecosystem.Defaults;
import dev.vigil.ecosystem.lang.ArchiveLimits;
import dev.vigil.ecosystem.lang.TestArchives;
import dev.vigil.ecosystem.maven.JavaArchiveScanner;
import dev.vigil.layer.DirectoryLayer;
import dev.vigil.layer.LayerSource;
import dev.vigil.model.Digest;
import dev.vigil.model.Environment;
import dev.vigil.model.IndexReport;
import dev.vigil.model.Package;
import dev.vigil.spi.PackageScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Indexing an image holding language packages of every kind, with the default scanners: the
 * maven-web-app war (pair P11), the node_modules of the node app (P13), the Python site-packages
 * (P14) and a Go binary (P15), plus a zip bomb and a 100-deep nested jar that are refused while the
 * rest is indexed. The image has two layers; the second deletes the Go binary.
 */
class LanguageIndexingTest {
  private static final Digest MANIFEST = Digest.parse("sha256:" + "2".repeat(64));

  @TempDir Path tmp;

  private Path base() throws IOException {
    Path root = Files.createDirectories(tmp.resolve("base"));
    copy(fixture("lang/java/maven-web-app.war"), root.resolve("opt/app/app.war"));
    TestArchives.under("srv/app/node_modules", fixture("lang/node/app/node_modules"))
        .forEach((path, file) -> copy(file, root.resolve(path)));
    TestArchives.under("usr/lib/python3.9/site-packages", fixture("lang/python/site-packages"))
        .forEach((path, file) -> copy(file, root.resolve(path)));
    Path go = root.resolve("usr/local/bin/app");
    copy(fixture("lang/go/test-go1.15.elf"), go);
    Files.setPosixFilePermissions(go, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createDirectories(root.resolve("opt/bad"));
    Files.write(root.resolve("opt/bad/bomb.war"), TestArchives.zipBomb(80L << 20));
    Files.write(root.resolve("opt/bad/deep.jar"), TestArchives.nestedJar(100));
    return root;
  }

  private static void copy(Path from, Path to) {
    try {
      Files.createDirectories(to.getParent());
      Files.copy(from, to);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The default scanners, the Java one with a 16 MiB budget so that a small bomb trips it. */
  private static Indexer indexer() {
    List<PackageScanner> scanners = new ArrayList<>();
    for (PackageScanner scanner : Defaults.packageScanners()) {
      scanners.add(
          scanner instanceof JavaArchiveScanner
              ? new JavaArchiveScanner(new ArchiveLimits(16, 500_000, 16L << 20))
              : scanner);
    }
    return new Indexer(
        scanners,
        Defaults.distributionScanners(),
        Defaults.repositoryScanners(),
        new LayeredCoalescer());
  }

  /** {@code name version packageDb repository} per package. */
  private static List<String> lines(IndexReport report) {
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, Package> entry : report.packages().entrySet()) {
      Environment env = report.environments().get(entry.getKey()).get(0);
      String repositories =
          String.join(
              ",",
              env.repositoryIds().stream().map(id -> report.repository().get(id).name()).toList());
      lines.add(
          entry.getValue().name()
              + " "
              + entry.getValue().version()
              + " "
              + env.packageDb()
              + " "
              + repositories);
    }
    return lines;
  }

  @Test
  void indexesEveryEcosystemAndRefusesTheHostileArchives() throws IOException {
    IndexResult result = indexer().index(MANIFEST, List.of(DirectoryLayer.of(base())));

    List<String> lines = lines(result.report());
    assertThat(lines)
        .contains(
            "com.fasterxml.jackson.core:jackson-databind 2.9.10.6"
                + " opt/app/app.war!/WEB-INF/lib/jackson-databind-2.9.10.6.jar Maven",
            "express 4.16.4 srv/app/node_modules/express/package.json npm",
            "body-parser 1.18.3 srv/app/node_modules/body-parser/package.json npm",
            "@babel/parser 7.23.6 srv/app/node_modules/@babel/parser/package.json npm",
            "Flask 2.0.0 usr/lib/python3.9/site-packages/Flask-2.0.0.dist-info/METADATA PyPI",
            "setuptools 51.3.3 usr/lib/python3.9/site-packages/setuptools-51.3.3.dist-info/METADATA"
                + " PyPI",
            "stdlib 1.15.2 usr/local/bin/app Go",
            "golang.org/x/xerrors 0.0.0-20200804184101-5ec99f83aff1 usr/local/bin/app Go");
    assertThat(lines).filteredOn(l -> l.endsWith(" Maven")).hasSize(8);
    assertThat(lines).filteredOn(l -> l.endsWith(" npm")).hasSize(8);
    assertThat(lines).filteredOn(l -> l.endsWith(" PyPI")).hasSize(6);
    assertThat(lines).filteredOn(l -> l.endsWith(" Go")).hasSize(4);
    assertThat(lines).noneMatch(l -> l.contains("opt/bad/"));
    assertThat(result.report().repository().values())
        .extracting(r -> r.name() + " " + r.key() + " " + r.uri())
        .containsExactlyInAnyOrder(
            "Maven osv-ecosystem https://repo1.maven.apache.org/maven2",
            "npm osv-ecosystem https://registry.npmjs.org",
            "PyPI osv-ecosystem https://pypi.org/simple",
            "Go osv-ecosystem https://proxy.golang.org");
    assertThat(result.warnings())
        .containsExactlyInAnyOrder(
            "maven: opt/bad/bomb.war: refused: more than 16777216 bytes decompressed from the"
                + " archive and its nested archives (a zip bomb?)",
            "maven: opt/bad/deep.jar: refused: archives nested more than 16 levels deep");
  }

  @Test
  void aLayerDeletingTheGoBinaryDropsItsModules() throws IOException {
    LayerSource base = DirectoryLayer.of(base());
    Path upper = Files.createDirectories(tmp.resolve("upper/usr/local/bin"));
    Files.createFile(upper.resolve(".wh.app"));

    IndexResult result =
        indexer().index(MANIFEST, List.of(base, DirectoryLayer.of(tmp.resolve("upper"))));

    assertThat(lines(result.report()))
        .noneMatch(l -> l.endsWith(" Go"))
        .anyMatch(l -> l.startsWith("express 4.16.4 "));
  }
}
