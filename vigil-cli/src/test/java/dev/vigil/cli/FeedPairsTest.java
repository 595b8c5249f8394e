package dev.vigil.cli;

import static dev.vigil.testing.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.datastore.Datastore;
import dev.vigil.ecosystem.Defaults;
import dev.vigil.ecosystem.debian.OvalComments;
import dev.vigil.ecosystem.dpkg.DpkgTool;
import dev.vigil.ecosystem.osrelease.MemoryTree;
import dev.vigil.ecosystem.ubuntu.UbuntuReleaseScanner;
import dev.vigil.ecosystem.ubuntu.UsnDom;
import dev.vigil.matcher.MatcherEngine;
import dev.vigil.model.Distribution;
import dev.vigil.model.IndexReport;
import dev.vigil.model.Package;
import dev.vigil.model.Vulnerability;
import dev.vigil.model.VulnerabilityReport;
import dev.vigil.store.Datastores;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pairs P7 and P9 of the fixtures (shared/fixtures/SOURCES.md): a recorded inventory, the matching
 * feed brought in by {@code vigil update} from a mirror laid out like upstream, and the matcher
 * engine on the SQLite store. Each finding is "binary package, vulnerability, fixed-in version";
 * the expected set is computed a second way in the test, from the feed's text and with {@code dpkg
 * --compare-versions} deciding every version comparison.
 */
class FeedPairsTest {
  @TempDir Path tmp;

  @Test
  void p7BusterIndexReportAgainstDebianBusterOval() throws IOException {
    Path mirror = Files.createDirectories(tmp.resolve("debian-oval"));
    String file = "oval-definitions-buster.xml.bz2";
    Files.copy(fixture("feeds/debian-oval/" + file), mirror.resolve(file));
    IndexReport index =
        Inventories.clairIndexReport(
            fixture("pkgdb/manifests/debian/buster-jackson-databind-clair-indexreport.json"));

    Set<String> ours = findings(update("debian-oval", mirror), index);

    assertThat(ours)
        .contains(
            "apt CVE-2020-27350 1.8.2.2",
            "dpkg CVE-2022-1664 1.19.8",
            "gzip CVE-2022-1271 1.9-3+deb10u1",
            "libsystemd0 CVE-2022-3821 241-7~deb10u10",
            "libudev1 CVE-2022-3821 241-7~deb10u10",
            "zlib1g CVE-2022-37434 1:1.2.11.dfsg-1+deb10u2",
            "e2fsprogs CVE-2019-5094 1.44.5-1+deb10u2",
            "gpgv CVE-2022-34903 2.2.12-1+deb10u2",
            "perl-base CVE-2020-10543 5.28.1-6+deb10u1",
            "libc6 CVE-2021-33574 2.28-10+deb10u2",
            "libc6 CVE-2010-4756 ",
            "apt CVE-2011-3374 ")
        .doesNotContain("libc6 CVE-1999-0199 2.2-1")
        .isEqualTo(debianSecondReading(index));
    assertThat(ours).hasSize(212);
    assertThat(ours.stream().filter(f -> f.endsWith(" "))).hasSize(117);
  }

  @Test
  void p9KineticManifestAgainstUbuntuUsnOval() throws Exception {
    Path mirror = Files.createDirectories(tmp.resolve("ubuntu-oval"));
    String file = "com.ubuntu.kinetic.usn.oval.xml";
    try (InputStream in = Files.newInputStream(fixture("feeds/ubuntu-oval/" + file));
        OutputStream out =
            new BZip2CompressorOutputStream(Files.newOutputStream(mirror.resolve(file + ".bz2")))) {
      in.transferTo(out);
    }
    Distribution kinetic =
        new UbuntuReleaseScanner()
            .scan(MemoryTree.ofDirectory(fixture("os-release/claircore-ubuntu/22.10")))
            .orElseThrow();
    IndexReport index =
        Inventories.manifest(
            fixture("pkgdb/manifests/ubuntu/ubuntu-22.10-kinetic-20220801-amd64.manifest"),
            kinetic);

    Set<String> ours = findings(update("ubuntu", mirror), index);

    assertThat(ours)
        .contains(
            "libpam0g CVE-2022-28321 1.5.2-2ubuntu1.1",
            "libpam-runtime CVE-2022-28321 1.5.2-2ubuntu1.3",
            "tar CVE-2022-48303 1.34+dfsg-1ubuntu0.1.22.10.1",
            "login CVE-2013-4235 1:4.11.1+dfsg1-2ubuntu1.1",
            "libtinfo6 CVE-2023-29491 6.3+20220423-2ubuntu0.1",
            "perl-base CVE-2023-31484 5.34.0-5ubuntu1.2")
        .isEqualTo(ubuntuSecondReading(index, file));
    assertThat(ours).hasSize(47);
    assertThat(ours.stream().map(f -> f.split(" ")[0]).distinct()).hasSize(17);
  }

  /** Runs {@code vigil update} for one updater from a mirror; returns the store's location. */
  private String update(String updater, Path mirror) {
    String db = tmp.resolve("vigil.db").toString();
    CliRun run =
        CliRun.of(
            "update",
            "--db",
            db,
            "--updaters",
            updater,
            "--source",
            updater + "=" + mirror.toUri());
    assertThat(run.exitCode()).as(run.err()).isZero();
    return db;
  }

  /** The engine's findings for {@code index} against the store at {@code db}. */
  private static Set<String> findings(String db, IndexReport index) {
    VulnerabilityReport report;
    try (Datastore store = Datastores.open(db)) {
      report = new MatcherEngine(Defaults.matchers(), store).match(index);
    }
    Set<String> findings = new TreeSet<>();
    report
        .packageVulnerabilities()
        .forEach(
            (id, vulns) -> {
              for (String v : vulns) {
                Vulnerability vulnerability = report.vulnerabilities().get(v);
                findings.add(
                    String.join(
                        " ",
                        report.packages().get(id).name(),
                        vulnerability.name(),
                        vulnerability.fixedInVersion()));
              }
            });
    return findings;
  }

  /**
   * The P7 findings computed from the OVAL's comments: a package is affected by a triple of its
   * source package when the fix is "0" or dpkg orders its source version before the fix.
   */
  private static Set<String> debianSecondReading(IndexReport index) throws IOException {
    List<String[]> candidates = new ArrayList<>();
    List<String[]> comparisons = new ArrayList<>();
    Set<String> triples = OvalComments.triples("buster");
    for (Package p : index.packages().values()) {
      String version =
          p.source() != null && !p.source().version().isEmpty()
              ? p.source().version()
              : p.version();
      for (String triple : triples) {
        String[] t = triple.split(" ", -1);
        if (t[1].equals(p.sourceName())) {
          candidates.add(new String[] {p.name(), t[0], t[2]});
          comparisons.add(new String[] {version, t[2].isEmpty() ? "0" : t[2]});
        }
      }
    }
    return affected(candidates, comparisons);
  }

  /** The P9 findings computed from a DOM reading of the USN OVAL and dpkg's ordering. */
  private static Set<String> ubuntuSecondReading(IndexReport index, String file) throws Exception {
    List<String[]> candidates = new ArrayList<>();
    List<String[]> comparisons = new ArrayList<>();
    Set<String> fixes = UsnDom.expected(fixture("feeds/ubuntu-oval/" + file));
    for (Package p : index.packages().values()) {
      for (String fix : fixes) {
        String[] f = fix.split(" ", -1);
        if (f[1].equals(p.name())) {
          candidates.add(new String[] {p.name(), f[0], f[2]});
          comparisons.add(new String[] {p.version(), f[2]});
        }
      }
    }
    return affected(candidates, comparisons);
  }

  /** The candidates whose comparison dpkg answers "older than the fix" (or that have no fix). */
  private static Set<String> affected(List<String[]> candidates, List<String[]> comparisons)
      throws IOException {
    List<Integer> order = DpkgTool.compareAll(comparisons);
    Set<String> affected = new TreeSet<>();
    for (int i = 0; i < candidates.size(); i++) {
      String[] c = candidates.get(i);
      if (c[2].isEmpty() || order.get(i) < 0) {
        affected.add(String.join(" ", c));
      }
    }
    return affected;
  }
}
