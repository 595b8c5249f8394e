package dev.vigil.ecosystem.debian;

import static dev.vigil.testing.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.vigil.feed.FeedClient;
import dev.vigil.model.Distribution;
import dev.vigil.model.Package;
import dev.vigil.model.Severity;
import dev.vigil.model.Vulnerability;
import dev.vigil.spi.FetchResult;
import dev.vigil.spi.IndexRecord;
import dev.vigil.spi.ScanException;
import dev.vigil.spi.Updater;
import dev.vigil.testing.BrokenJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DebianTrackerUpdaterTest {
  private static final String EXCERPTS = "feeds/debian-tracker-json/";
  private final FeedClient client = new FeedClient(Duration.ofSeconds(10));
  @TempDir Path tmp;

  private static TrackerJsonParser.Result parse(String excerpt) throws IOException {
    try (InputStream in = Files.newInputStream(fixture(EXCERPTS + excerpt))) {
      return new TrackerJsonParser("debian").parse(in, excerpt);
    }
  }

  /** The counts were read off the excerpts: affected releases, and entries of another shape. */
  @ParameterizedTest
  @CsvSource({
    "vunnel-debian.json, 21, 1",
    "osvdev-debian_security_tracker_mock.json, 10, 0",
    "clair-v2-fetcher_debian_test.json, 5, 1"
  })
  void parsesTheExcerptsSkippingAndCountingBadEntries(String excerpt, int vulns, int skipped)
      throws IOException {
    TrackerJsonParser.Result result = parse(excerpt);

    assertThat(result.vulnerabilities()).hasSize(vulns);
    assertThat(result.skipped()).isEqualTo(skipped);
    assertThat(result.vulnerabilities())
        .allSatisfy(
            v -> {
              assertThat(v.updater()).isEqualTo("debian");
              assertThat(v.pkg().kind()).isEqualTo(Package.SOURCE);
              assertThat(v.links())
                  .isEqualTo("https://security-tracker.debian.org/tracker/" + v.name());
            });
  }

  @Test
  void readsStatusFixedVersionAndUrgencyPerRelease() throws IOException {
    List<Vulnerability> vulns = parse("vunnel-debian.json").vulnerabilities();

    assertThat(vulns)
        .filteredOn(v -> v.name().equals("CVE-2022-0456"))
        .extracting(
            v -> v.distribution().versionCodeName(),
            Vulnerability::fixedInVersion,
            Vulnerability::severity,
            Vulnerability::normalizedSeverity)
        .containsExactlyInAnyOrder(
            tuple("bookworm", "98.0.4758.80-1", "not yet assigned", Severity.Unknown),
            tuple("bullseye", "98.0.4758.80-1~deb11u1", "not yet assigned", Severity.Unknown),
            tuple("buster", "", "end-of-life", Severity.Unknown),
            tuple("sid", "98.0.4758.80-1", "not yet assigned", Severity.Unknown),
            tuple("stretch", "", "end-of-life", Severity.Unknown));
    assertThat(vulns)
        .filteredOn(v -> v.name().equals("CVE-2008-7220"))
        .allSatisfy(v -> assertThat(v.normalizedSeverity()).isEqualTo(Severity.High))
        .extracting(v -> v.pkg().name())
        .containsOnly("prototypejs");
    assertThat(vulns).noneMatch(v -> v.name().equals("CVE-2007-2383"));
    assertThat(vulns)
        .filteredOn(v -> v.name().equals("CVE-2008-7220"))
        .first()
        .satisfies(
            v ->
                assertThat(v.distribution())
                    .isEqualTo(DebianRelease.forRelease(v.distribution().versionCodeName())));
  }

  @Test
  void matchesASmallInventory() throws IOException {
    List<Vulnerability> vulns = new ArrayList<>();
    for (String excerpt :
        List.of("vunnel-debian.json", "osvdev-debian_security_tracker_mock.json")) {
      vulns.addAll(parse(excerpt).vulnerabilities());
    }
    List<IndexRecord> inventory =
        List.of(
            record("chromium", "89.0.4389.114-1~deb10u1", "chromium", "10"),
            record("chromium", "90.0.4430.212-1", "chromium", "11"),
            record("chromium", "98.0.4758.80-1", "chromium", "12"),
            record("libapparmor1", "3.0.8-3", "apparmor", "12"),
            record("txt2man", "1.6.0-3", "txt2man", "10"),
            record("libsope1", "5.8.0-1", "sope", "12"));

    List<Tuple> hits = new ArrayList<>();
    DebianMatcher matcher = new DebianMatcher();
    for (IndexRecord r : inventory) {
      assertThat(matcher.filter(r)).isTrue();
      for (Vulnerability v : vulns) {
        if (v.pkg().name().equals(r.pkg().sourceName()) && matcher.vulnerable(r, v)) {
          hits.add(
              tuple(r.pkg().name(), r.distribution().versionId(), v.name(), v.fixedInVersion()));
        }
      }
    }

    assertThat(hits)
        .containsExactlyInAnyOrder(
            tuple("chromium", "10", "CVE-2022-0456", ""),
            tuple("chromium", "11", "CVE-2022-0456", "98.0.4758.80-1~deb11u1"),
            tuple("libapparmor1", "12", "CVE-2016-1585", ""),
            tuple("libsope1", "12", "CVE-2025-53603", "5.8.0-1+deb12u1"));
  }

  @Test
  void refusesDocumentsThatAreNotTrackerJson() {
    assertThatThrownBy(() -> parseText("[1, 2]"))
        .isInstanceOf(ScanException.class)
        .hasMessage("debian: test.json: not a JSON object of source packages");
    assertThatThrownBy(() -> parseText("{\"pkg\": {\"CVE-1\": "))
        .isInstanceOf(ScanException.class)
        .hasMessageStartingWith("debian: test.json: not JSON: ");
    assertThatThrownBy(() -> parseText("<html></html>"))
        .hasMessageStartingWith("debian: test.json: not JSON: ");
  }

  @Test
  void fetchesFromAMirrorConditionallyAndParses() throws IOException {
    Path mirror = tmp.resolve("mirror");
    Path json = mirror.resolve(DebianTrackerUpdater.PATH);
    Files.createDirectories(json.getParent());
    Files.copy(fixture(EXCERPTS + "vunnel-debian.json"), json);
    Updater updater = new DebianTrackerUpdaterFactory().create(mirror.toUri(), client);

    FetchResult first = updater.fetch(Files.createDirectories(tmp.resolve("a")), "");
    FetchResult second =
        updater.fetch(Files.createDirectories(tmp.resolve("b")), first.fingerprint());
    Files.setLastModifiedTime(json, FileTime.fromMillis(86_400_000L));
    FetchResult third =
        updater.fetch(Files.createDirectories(tmp.resolve("c")), first.fingerprint());

    assertThat(first.changed()).isTrue();
    assertThat(updater.parse(tmp.resolve("a"))).hasSize(21);
    assertThat(second.changed()).isFalse();
    assertThat(third.changed()).isTrue();
    assertThat(updater.parse(tmp.resolve("c"))).hasSize(21);
    assertThat(updater.name()).isEqualTo("debian");
    assertThat(new DebianTrackerUpdaterFactory().defaultSource())
        .isEqualTo(URI.create("https://security-tracker.debian.org/"));
  }

  @Test
  void mapsUrgencies() {
    assertThat(DebianUrgency.normalize("unimportant")).isEqualTo(Severity.Negligible);
    assertThat(DebianUrgency.normalize("low**")).isEqualTo(Severity.Low);
    assertThat(DebianUrgency.normalize("medium*")).isEqualTo(Severity.Medium);
    assertThat(DebianUrgency.normalize("HIGH")).isEqualTo(Severity.High);
    assertThat(DebianUrgency.normalize("not yet assigned")).isEqualTo(Severity.Unknown);
    assertThat(DebianUrgency.normalize("end-of-life")).isEqualTo(Severity.Unknown);
    assertThat(DebianUrgency.normalize(null)).isEqualTo(Severity.Unknown);
  }

  private static TrackerJsonParser.Result parseText(String text) throws IOException {
    return new TrackerJsonParser("debian")
        .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test.json");
  }

  static IndexRecord record(String name, String version, String source, String release) {
    Distribution d = DebianRelease.forRelease(DebianRelease.codenameOf(release).orElseThrow());
    return new IndexRecord(
        Package.binary(name, version, "amd64", Package.source(source, version)), d, null);
  }

  @Test
  void refusesATrackerDocumentInABrokenEncoding() {
    assertThatThrownBy(() -> new TrackerJsonParser("debian").parse(BrokenJson.stream(), "json"))
        .isInstanceOf(ScanException.class)
        .hasMessageStartingWith("debian: json: not JSON: ");
  }
}
