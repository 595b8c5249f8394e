package dev.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.datastore.Datastore;
import dev.vigil.ecosystem.rhel.ContentManifestScanner;
import dev.vigil.ecosystem.rhel.RhelMatcher;
import dev.vigil.ecosystem.rhel.RhelVexUpdaterFactory;
import dev.vigil.ecosystem.rhel.RpmManifests;
import dev.vigil.ecosystem.rhel.VexMirror;
import dev.vigil.feed.FeedClient;
import dev.vigil.matcher.MatcherEngine;
import dev.vigil.model.Environment;
import dev.vigil.model.IndexReport;
import dev.vigil.model.Json;
import dev.vigil.model.Repository;
import dev.vigil.model.UpdateOperation;
import dev.vigil.model.VulnerabilityReport;
import dev.vigil.spi.Updater;
import dev.vigil.testing.Fixtures;
import dev.vigil.testing.ReportPairs;
import dev.vigil.updater.UpdateManager;
import dev.vigil.updater.UpdateOutcome;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pair P16 end to end: Red Hat's VEX documents of {@code feeds/redhat-csaf-vex/}, laid out like
 * {@code security.access.redhat.com} in a {@code file:} mirror, brought into an SQLite store by the
 * {@code rhel} updater, then matched against the UBI 8 (2019) and RHEL 9 (nodejs 9.2, httpd 9.5)
 * rpm manifests of {@code pkgdb/manifests/redhat/}.
 *
 * <p>Red Hat's catalog manifests give no binary epoch; openssl's is 1 on RHEL 8 and 9 (the VEX
 * package URLs say {@code epoch=1}), stated here for the manifests that do not write it.
 */
class RhelVexEndToEndTest {
  private static final Map<String, String> EPOCHS = Map.of("openssl", "1");
  private static final FeedClient CLIENT = new FeedClient(Duration.ofSeconds(10));

  @TempDir static Path tmp;
  private static Datastore store;
  private static URI source;
  private static UpdateOutcome first;

  @BeforeAll
  static void update() throws Exception {
    source = VexMirror.layOut(tmp.resolve("site"), VexMirror.ALL);
    store = Datastores.open(tmp.resolve("vigil.db").toString());
    first = new UpdateManager(store).run(updater());
  }

  @AfterAll
  static void close() throws Exception {
    store.close();
  }

  private static Updater updater() {
    return new RhelVexUpdaterFactory().create(source, CLIENT);
  }

  private static TreeSet<String> findings(String manifest, String versionId) throws Exception {
    IndexReport index =
        RpmManifests.read(
            Fixtures.fixture("pkgdb/manifests/redhat/" + manifest), versionId, EPOCHS);
    var report = new MatcherEngine(List.of(new RhelMatcher()), store).match(index);
    return new TreeSet<>(ReportPairs.pairs(Json.mapper().valueToTree(report)));
  }

  @Test
  void storesTheFeedAsOneOperation() {
    assertThat(first.status()).as(first.message()).isEqualTo(UpdateOutcome.Status.UPDATED);
    assertThat(first.vulnerabilities()).isGreaterThan(100);
  }

  @Test
  void findsTheNamedVulnerabilitiesOfTheRhel9NodejsImage() throws Exception {
    assertThat(findings("rhel9-nodejs.rpm-manifest.json", "9.2"))
        .containsExactly(
            "curl-minimal CVE-2023-38545",
            "libcurl-minimal CVE-2023-38545",
            "openssl CVE-2024-0727",
            "openssl CVE-2026-2673",
            "openssl-devel CVE-2024-0727",
            "openssl-devel CVE-2026-2673",
            "openssl-libs CVE-2024-0727",
            "openssl-libs CVE-2026-2673",
            "python3 CVE-2026-2297",
            "python3-libs CVE-2026-2297");
  }

  @Test
  void findsNothingTheRhel9HttpdImageHasTheFixFor() throws Exception {
    // openssl 1:3.2.2-6.el9_5 and curl 7.76.1-31.el9 are newer than the fixes.
    assertThat(findings("rhel9-httpd-24_9.5-1734525854.rpm-manifest.json", "9.5"))
        .containsExactly(
            "openssl CVE-2026-2673",
            "openssl-fips-provider CVE-2026-2673",
            "openssl-fips-provider-so CVE-2026-2673",
            "openssl-libs CVE-2026-2673",
            "python3 CVE-2026-2297",
            "python3-libs CVE-2026-2297");
  }

  @Test
  void suppressesKnownNotAffectedProductsOfUbi8() throws Exception {
    // RHEL 8's curl and libcurl-minimal are known_not_affected by CVE-2023-38545.
    assertThat(findings("ubi8-2019.rpm-manifest.json", "8.0"))
        .containsExactly(
            "openssl-libs CVE-2024-0727",
            "openssl-libs CVE-2026-2673",
            "platform-python CVE-2026-2297",
            "python3-libs CVE-2026-2297")
        .doesNotContain("curl CVE-2023-38545", "libcurl-minimal CVE-2023-38545");
  }

  @Test
  void mapsContentSetsToCpesWithTheStoredRepositoryMap() throws Exception {
    IndexReport nodejs =
        RpmManifests.read(
            Fixtures.fixture("pkgdb/manifests/redhat/rhel9-nodejs.rpm-manifest.json"),
            "9.2",
            EPOCHS);
    String libs =
        nodejs.packages().values().stream()
            .filter(p -> p.name().equals("openssl-libs"))
            .findFirst()
            .orElseThrow()
            .id();
    Map<String, Repository> repositories = new LinkedHashMap<>(nodejs.repository());
    repositories.put("x1", contentSet("x1", "rhel-9-for-x86_64-baseos-rpms"));
    repositories.put("x2", contentSet("x2", "rhel-9-for-aarch64-baseos-rpms"));
    Map<String, List<Environment>> environments = new LinkedHashMap<>(nodejs.environments());
    environments.put(libs, List.of(new Environment("var/lib/rpm", null, "1", List.of("x1", "x2"))));
    IndexReport hinted =
        new IndexReport(
            null,
            IndexReport.FINISHED,
            nodejs.packages(),
            nodejs.distributions(),
            repositories,
            environments,
            true,
            "");

    // Assumed base repositories: the BaseOS and the AppStream fix of CVE-2024-0727 both apply;
    // stated BaseOS content sets: only the BaseOS one, once however many content sets map to it.
    assertThat(fixes(nodejs, libs, "CVE-2024-0727"))
        .containsExactlyInAnyOrder(
            "cpe:/o:redhat:enterprise_linux:9::baseos",
            "cpe:/a:redhat:enterprise_linux:9::appstream");
    assertThat(fixes(hinted, libs, "CVE-2024-0727"))
        .containsExactly("cpe:/o:redhat:enterprise_linux:9::baseos");
  }

  private static Repository contentSet(String id, String name) {
    return new Repository(id, name, ContentManifestScanner.KEY, "", "");
  }

  /** The CPEs of the statements of {@code cve} that affect package {@code id}. */
  private static List<String> fixes(IndexReport index, String id, String cve) {
    VulnerabilityReport report = new MatcherEngine(List.of(new RhelMatcher()), store).match(index);
    return report.packageVulnerabilities().get(id).stream()
        .map(report.vulnerabilities()::get)
        .filter(v -> v.name().equals(cve))
        .map(v -> v.repository().name())
        .toList();
  }

  @Test
  void keepsThePreviousDataWhenOneDocumentIsBad() throws Exception {
    Path other = tmp.resolve("bad");
    URI bad = VexMirror.layOut(other, VexMirror.ALL);
    Files.writeString(Path.of(bad).resolve("2023/cve-2023-38545.json"), "{\"document\": [");
    UpdateOperation before = store.latestUpdateOperation("rhel").orElseThrow();

    UpdateOutcome failed =
        new UpdateManager(store).run(new RhelVexUpdaterFactory().create(bad, CLIENT));

    assertThat(failed.status()).isEqualTo(UpdateOutcome.Status.FAILED);
    assertThat(failed.message()).contains("cve-2023-38545.json: not JSON");
    assertThat(store.latestUpdateOperation("rhel").orElseThrow()).isEqualTo(before);
    assertThat(store.vulnerabilityCount(before.ref())).isEqualTo(first.vulnerabilities());
  }
}
