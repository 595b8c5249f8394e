package dev.vigil.ecosystem.osv;

import static dev.vigil.testing.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.vigil.ecosystem.lang.OsvEcosystem;
import dev.vigil.feed.FeedClient;
import dev.vigil.model.Package;
import dev.vigil.model.Severity;
import dev.vigil.model.Vulnerability;
import dev.vigil.spi.FetchResult;
import dev.vigil.spi.IndexRecord;
import dev.vigil.spi.ScanException;
import dev.vigil.testing.BrokenJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code osv} updater over a {@code file:} mirror of the shared OSV fixtures, zipped into OSV's
 * {@code <ecosystem>/all.zip} layout; faults come from records derived from those fixtures.
 */
class OsvUpdaterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COMPRESS =
      "feeds/osv/ghsa/advisories/github-reviewed/2021/08/GHSA-7hfm-57qf-j43q/GHSA-7hfm-57qf-j43q.json";

  @TempDir Path tmp;

  private final FeedClient client = new FeedClient(Duration.ofSeconds(10));
  private final OsvMatcher matcher = new OsvMatcher();

  @Test
  void readsEveryEcosystemArchiveOfAMirror() throws IOException {
    OsvMirror.ofFixtures(tmp.resolve("mirror")).write();
    OsvUpdater updater = new OsvUpdater(tmp.resolve("mirror").toUri(), client);

    FetchResult first = updater.fetch(Files.createDirectories(tmp.resolve("a")), "");
    List<Vulnerability> vulns = updater.parse(tmp.resolve("a"));
    FetchResult second =
        updater.fetch(Files.createDirectories(tmp.resolve("b")), first.fingerprint());

    assertThat(first.changed()).isTrue();
    assertThat(second.changed()).isFalse();
    assertThat(named(vulns, "GHSA-57j2-w4cx-62h2"))
        .extracting(v -> v.pkg().version(), Vulnerability::fixedInVersion)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(">=2.13.0, <2.13.2.1", "2.13.2.1"),
            org.assertj.core.groups.Tuple.tuple("<2.12.6.1", "2.12.6.1"));
    Vulnerability jackson = named(vulns, "GHSA-57j2-w4cx-62h2").get(0);
    assertThat(jackson.pkg().name()).isEqualTo("com.fasterxml.jackson.core:jackson-databind");
    assertThat(jackson.repository()).isEqualTo(OsvEcosystem.MAVEN.repository());
    assertThat(jackson.distribution()).isNull();
    assertThat(jackson.severity()).isEqualTo("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H");
    assertThat(jackson.normalizedSeverity()).isEqualTo(Severity.High);
    assertThat(jackson.links().split(" "))
        .containsExactly(
            "https://osv.dev/vulnerability/GHSA-57j2-w4cx-62h2",
            "https://osv.dev/vulnerability/CVE-2020-36518");
    assertThat(jackson.description()).isEqualTo("Deeply nested json in jackson-databind");
    assertThat(jackson.updater()).isEqualTo("osv");
  }

  @Test
  void readsYamlRecordsAndKeepsOnlyVersionsNoRangeCovers() throws IOException {
    List<Vulnerability> vulns = parse(OsvMirror.ofFixtures(tmp));

    assertThat(named(vulns, "PYSEC-2023-62"))
        .extracting(v -> v.pkg().name() + " " + v.pkg().version() + " " + v.fixedInVersion())
        .containsExactly("flask <2.2.5 2.2.5", "flask >=2.3.0, <2.3.2 2.3.2");
    assertThat(named(vulns, "PYSEC-2022-43012"))
        .extracting(v -> v.pkg().version())
        .containsExactly("<65.5.1");
    assertThat(named(vulns, "PYSEC-2023-62").get(0).normalizedSeverity())
        .isEqualTo(Severity.Unknown);
    assertThat(named(vulns, "GHSA-qwcr-r2fm-qrc7").get(0).normalizedSeverity())
        .isEqualTo(Severity.High);
    assertThat(named(vulns, "GHSA-rv95-896h-c2vc").get(0).normalizedSeverity())
        .as("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:L/I:L/A:N = 6.1")
        .isEqualTo(Severity.Medium);
  }

  @Test
  void onlyTheArchiveEcosystemsPackagesAreRead() throws IOException {
    List<Vulnerability> vulns = parse(OsvMirror.ofFixtures(tmp));

    assertThat(vulns).allSatisfy(v -> assertThat(v.repository().key()).isEqualTo("osv-ecosystem"));
    assertThat(named(vulns, "GHSA-v778-237x-gjrc"))
        .extracting(v -> v.repository().name() + " " + v.pkg().name())
        .containsExactly("Go golang.org/x/crypto");
  }

  @Test
  void withdrawnRecordsAreIgnored() throws IOException {
    ObjectNode withdrawn = fixtureRecord(COMPRESS);
    withdrawn.put("withdrawn", "2021-09-01T00:00:00Z");
    OsvMirror mirror = new OsvMirror(tmp).add(OsvEcosystem.MAVEN, "w.json", bytes(withdrawn));

    assertThat(parse(mirror)).isEmpty();
  }

  @Test
  void lastAffectedLimitAndListedVersions() throws IOException {
    ObjectNode lastAffected =
        withEvents(fixtureRecord(COMPRESS), "introduced", "1.0", "last_affected", "1.19");
    lastAffected.put("id", "GHSA-test-last-affected");
    lastAffected.putArray("aliases");
    ObjectNode limited = withEvents(fixtureRecord(COMPRESS), "introduced", "0", "limit", "1.10");
    limited.put("id", "GHSA-test-limit");
    limited.putArray("aliases");
    ((ObjectNode) limited.get("affected").get(0)).putArray("versions").add("1.5").add("1.30");
    OsvMirror mirror =
        new OsvMirror(tmp)
            .add(OsvEcosystem.MAVEN, "a.json", bytes(lastAffected))
            .add(OsvEcosystem.MAVEN, "b.json", bytes(limited));

    List<Vulnerability> vulns = parse(mirror);

    assertThat(named(vulns, "GHSA-test-last-affected"))
        .extracting(v -> v.pkg().version() + " fixed:" + v.fixedInVersion())
        .containsExactly(">=1.0, <=1.19 fixed:");
    assertThat(named(vulns, "GHSA-test-limit"))
        .extracting(v -> v.pkg().version())
        .containsExactly("<1.10", "=1.30");
    Vulnerability last = named(vulns, "GHSA-test-last-affected").get(0);
    assertThat(affects(last, "1.19")).isTrue();
    assertThat(affects(last, "1.0")).isTrue();
    assertThat(affects(last, "1.19.1")).isFalse();
    assertThat(affects(last, "0.9")).isFalse();
    List<Vulnerability> limit = named(vulns, "GHSA-test-limit");
    assertThat(affects(limit.get(0), "1.9")).isTrue();
    assertThat(affects(limit.get(0), "1.10")).isFalse();
    assertThat(affects(limit.get(1), "1.30")).isTrue();
    assertThat(affects(limit.get(1), "1.20")).isFalse();
  }

  @Test
  void recordsAliasingEachOtherGiveOneStatementPerPackage() throws IOException {
    ObjectNode pysec =
        (ObjectNode)
            new YAMLMapper().readTree(fixture("feeds/osv/pypi-pysec/PYSEC-2023-62.yaml").toFile());
    ObjectNode ghsa = pysec.deepCopy();
    ghsa.put("id", "GHSA-m2qf-hxjv-5gpq");
    ghsa.putArray("aliases").add("CVE-2023-30861").add("PYSEC-2023-62");
    OsvMirror mirror =
        new OsvMirror(tmp)
            .addFixture(OsvEcosystem.PYPI, "feeds/osv/pypi-pysec/PYSEC-2023-62.yaml")
            .add(OsvEcosystem.PYPI, "GHSA-m2qf-hxjv-5gpq.json", bytes(ghsa));

    List<Vulnerability> vulns = parse(mirror);

    assertThat(vulns).extracting(Vulnerability::name).containsOnly("GHSA-m2qf-hxjv-5gpq");
    assertThat(vulns).hasSize(2);
    assertThat(vulns.get(0).links().split(" "))
        .contains(
            "https://osv.dev/vulnerability/CVE-2023-30861",
            "https://osv.dev/vulnerability/PYSEC-2023-62");
  }

  @Test
  void malformedRecordFailsNamingTheEntry() throws IOException {
    OsvMirror broken =
        new OsvMirror(tmp.resolve("broken"))
            .addFixture(OsvEcosystem.PYPI, "feeds/osv/pypi-pysec/PYSEC-2023-62.yaml")
            .add(
                OsvEcosystem.PYPI,
                "PYSEC-9999-1.json",
                "{\"id\": \"PYSEC-9999-1\", \"affected\": [".getBytes());
    ObjectNode wrongShape = fixtureRecord(COMPRESS);
    wrongShape.put("affected", 3);
    OsvMirror shape =
        new OsvMirror(tmp.resolve("shape"))
            .add(OsvEcosystem.MAVEN, "GHSA-x.json", bytes(wrongShape));

    assertThatThrownBy(() -> parse(broken))
        .isInstanceOf(ScanException.class)
        .hasMessageStartingWith("osv: PyPI/all.zip: PYSEC-9999-1.json: not an OSV record");
    assertThatThrownBy(() -> parse(shape))
        .isInstanceOf(ScanException.class)
        .hasMessage(
            "osv: Maven/all.zip: GHSA-x.json: not an OSV record: \"affected\" is not a list");
  }

  @Test
  void recordInABrokenEncodingIsRefused() {
    OsvMirror broken = new OsvMirror(tmp).add(OsvEcosystem.GO, "GO-x.json", BrokenJson.bytes());

    assertThatThrownBy(() -> parse(broken))
        .isInstanceOf(ScanException.class)
        .hasMessageStartingWith("osv: Go/all.zip: GO-x.json: not an OSV record: Invalid UTF-32");
  }

  @Test
  void zipBombEntryIsRefused() {
    OsvMirror bomb = new OsvMirror(tmp).add(OsvEcosystem.NPM, "GHSA-bomb.json", new byte[40 << 20]);

    assertThatThrownBy(() -> parse(bomb))
        .isInstanceOf(ScanException.class)
        .hasMessage(
            "osv: npm/all.zip: GHSA-bomb.json: entry larger than 32 MiB; refusing it (zip bomb?)");
  }

  @Test
  void factoryRunsByDefaultFromOsvsBucket() {
    OsvUpdaterFactory osv = new OsvUpdaterFactory();

    assertThat(osv.name()).isEqualTo("osv");
    assertThat(osv.runsByDefault()).isTrue();
    assertThat(osv.defaultSource().toString())
        .isEqualTo("https://osv-vulnerabilities.storage.googleapis.com/");
    assertThat(osv.create(tmp.toUri(), client).name()).isEqualTo("osv");
  }

  private List<Vulnerability> parse(OsvMirror mirror) throws IOException {
    Path root = mirror.write();
    OsvUpdater updater = new OsvUpdater(root.toUri(), client);
    Path dir = Files.createTempDirectory(tmp, "fetched");
    updater.fetch(dir, "");
    return updater.parse(dir);
  }

  private boolean affects(Vulnerability v, String version) {
    IndexRecord record =
        new IndexRecord(
            Package.binary(v.pkg().name(), version, "", null).withId("1"), null, v.repository());
    return matcher.filter(record) && matcher.vulnerable(record, v);
  }

  private static List<Vulnerability> named(List<Vulnerability> vulns, String name) {
    return vulns.stream().filter(v -> v.name().equals(name)).toList();
  }

  private static ObjectNode fixtureRecord(String relative) throws IOException {
    return (ObjectNode) JSON.readTree(fixture(relative).toFile());
  }

  /** The record with its first affected package's ranges replaced by one of these events. */
  private static ObjectNode withEvents(ObjectNode record, String... events) {
    ObjectNode range = ((ObjectNode) record.get("affected").get(0)).putArray("ranges").addObject();
    range.put("type", "ECOSYSTEM");
    var list = range.putArray("events");
    for (int i = 0; i < events.length; i += 2) {
      list.addObject().put(events[i], events[i + 1]);
    }
    return record;
  }

  private static byte[] bytes(ObjectNode record) throws IOException {
    return JSON.writeValueAsBytes(record);
  }
}
