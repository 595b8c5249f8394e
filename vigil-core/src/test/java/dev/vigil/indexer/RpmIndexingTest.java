package dev.vigil.indexer;

import static dev.vigil.testing.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.ecosystem.osrelease.MemoryTree;
import dev.vigil.ecosystem.rpm.RpmPackageScanner;
import dev.vigil.layer.DirectoryLayer;
import dev.vigil.model.Digest;
import dev.vigil.model.Environment;
import dev.vigil.model.IndexReport;
import dev.vigil.model.Package;
import dev.vigil.spi.FoundPackage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rpm scanner, the rpm distributions and the content manifests through the indexer, over two
 * root filesystem layers: a CBL-Mariner 2.0 base whose {@code var/lib/rpm} is a symbolic link into
 * {@code usr/lib/sysimage/rpm} (with a Red Hat content manifest beside it, for the plumbing of
 * repository hints), and a layer whose rpm database has one package more.
 */
class RpmIndexingTest {
  private static final String DB = "usr/lib/sysimage/rpm/rpmdb.sqlite";

  @TempDir Path tmp;

  @Test
  void indexesRpmImagesLayerByLayer() throws Exception {
    Path mariner = fixture("pkgdb/rpm/cbl-mariner-2.0/rpmdb.sqlite");
    Path base = tmp.resolve("base");
    Files.createDirectories(base.resolve("usr/lib/sysimage/rpm"));
    Files.createDirectories(base.resolve("var/lib"));
    Files.createDirectories(base.resolve("etc"));
    Files.createDirectories(base.resolve("root/buildinfo/content_manifests"));
    Files.createSymbolicLink(base.resolve("var/lib/rpm"), Path.of("../../usr/lib/sysimage/rpm"));
    Files.copy(
        fixture("os-release/trivy-mariner-2.0/etc/os-release"), base.resolve("etc/os-release"));
    Files.copy(
        Path.of(getClass().getResource("/ecosystem/rhel/content-manifest-rhel8.json").toURI()),
        base.resolve("root/buildinfo/content_manifests/base.json"));
    Files.copy(mariner, base.resolve(DB));
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + base.resolve(DB));
        var s = c.createStatement()) {
      var max = s.executeQuery("SELECT max(hnum) FROM Packages");
      s.execute("DELETE FROM Packages WHERE hnum = " + max.getLong(1));
    }
    Path top = tmp.resolve("top");
    Files.createDirectories(top.resolve("usr/lib/sysimage/rpm"));
    Files.copy(mariner, top.resolve(DB));
    List<String> before = names(base);
    List<String> added = names(top).stream().filter(n -> !before.contains(n)).toList();
    DirectoryLayer first = DirectoryLayer.of(base);
    DirectoryLayer second = DirectoryLayer.of(top);

    IndexResult result =
        Indexer.withDefaults().index(Digest.sha256("manifest".getBytes()), List.of(first, second));

    IndexReport report = result.report();
    assertThat(result.warnings()).isEmpty();
    assertThat(report.packages()).hasSize(129);
    assertThat(report.distributions().get("1").did()).isEqualTo("mariner");
    assertThat(report.distributions().get("1").versionId()).isEqualTo("2.0");
    assertThat(report.repository().values())
        .extracting(r -> r.id() + " " + r.name())
        .containsExactly("1 rhel-8-for-x86_64-baseos-rpms", "2 rhel-8-for-x86_64-appstream-rpms");
    Map<Digest, List<String>> byLayer =
        report.packages().values().stream()
            .collect(
                Collectors.groupingBy(
                    p -> environment(report, p).introducedIn(),
                    Collectors.mapping(Package::name, Collectors.toList())));
    assertThat(byLayer.get(second.digest())).hasSize(1).isEqualTo(added);
    assertThat(byLayer.get(first.digest())).hasSize(128);
    assertThat(report.environments().values())
        .allSatisfy(
            envs -> {
              assertThat(envs.get(0).packageDb()).isEqualTo(DB);
              assertThat(envs.get(0).distributionId()).isEqualTo("1");
              assertThat(envs.get(0).repositoryIds()).containsExactly("1", "2");
            });
  }

  @Test
  void readsTheDatabaseThroughALinkIntoVarLibRpm() throws Exception {
    Path root = tmp.resolve("suse");
    Files.createDirectories(root.resolve("var/lib/rpm"));
    Files.createDirectories(root.resolve("usr/lib/sysimage"));
    Files.copy(fixture("pkgdb/rpm/sle15-bci/Packages.db"), root.resolve("var/lib/rpm/Packages.db"));
    Files.createSymbolicLink(root.resolve("usr/lib/sysimage/rpm"), Path.of("../../../var/lib/rpm"));

    IndexReport report =
        new Indexer(List.of(new RpmPackageScanner()), List.of(), List.of(), new LayeredCoalescer())
            .index(Digest.sha256("m".getBytes()), List.of(DirectoryLayer.of(root)))
            .report();

    assertThat(report.packages()).hasSize(35);
    assertThat(report.environments().get("1").get(0).packageDb())
        .isEqualTo("usr/lib/sysimage/rpm/Packages.db");
  }

  private static List<String> names(Path root) throws IOException {
    return new RpmPackageScanner()
        .scan(MemoryTree.of(Map.of(DB, root.resolve(DB)))).stream()
            .map(FoundPackage::pkg)
            .map(Package::name)
            .toList();
  }

  private static Environment environment(IndexReport report, Package pkg) {
    return report.environments().get(pkg.id()).get(0);
  }
}
