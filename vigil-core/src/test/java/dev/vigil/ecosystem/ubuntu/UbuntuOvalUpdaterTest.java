package dev.vigil.ecosystem.ubuntu;

import static dev.vigil.testing.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.vigil.feed.FeedClient;
import dev.vigil.model.Package;
import dev.vigil.model.Severity;
import dev.vigil.model.Vulnerability;
import dev.vigil.spi.FetchResult;
import dev.vigil.spi.Updater;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UbuntuOvalUpdaterTest {
  @TempDir static Path tmp;
  private static Path fetched;
  private static Updater updater;
  private static FetchResult first;

  /**
   * Builds a directory laid out like security-metadata.canonical.com/oval/ from the uncompressed
   * fixtures (compressed and named as upstream), once, and fetches it.
   */
  @BeforeAll
  static void fetchFromAMirror() throws IOException {
    Path mirror = Files.createDirectories(tmp.resolve("mirror"));
    for (String release : List.of("kinetic", "noble")) {
      String name = "com.ubuntu." + release + ".usn.oval.xml";
      try (InputStream in = Files.newInputStream(fixture("feeds/ubuntu-oval/" + name));
          OutputStream out =
              new BZip2CompressorOutputStream(
                  Files.newOutputStream(mirror.resolve(name + ".bz2")))) {
        in.transferTo(out);
      }
    }
    Files.writeString(mirror.resolve("com.ubuntu.kinetic.cve.oval.xml.bz2.sha256"), "not oval\n");
    updater =
        UbuntuOval.updaterFactory().create(mirror.toUri(), new FeedClient(Duration.ofSeconds(10)));
    fetched = Files.createDirectories(tmp.resolve("fetched"));
    first = updater.fetch(fetched, "");
  }

  @Test
  void fetchesTheUsnFilesOnly() throws IOException {
    FetchResult again =
        updater.fetch(Files.createDirectories(tmp.resolve("again")), first.fingerprint());

    assertThat(first.changed()).isTrue();
    try (var files = Files.list(fetched)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted())
          .containsExactly(
              "com.ubuntu.kinetic.usn.oval.xml.bz2", "com.ubuntu.noble.usn.oval.xml.bz2");
    }
    assertThat(again.changed()).isFalse();
    assertThat(updater.name()).isEqualTo("ubuntu");
  }

  @Test
  void parsesLikeAnIndependentDomReading() throws Exception {
    List<Vulnerability> vulns = updater.parse(fetched);

    for (String release : List.of("kinetic", "noble")) {
      Set<String> ours =
          vulns.stream()
              .filter(v -> v.distribution().versionCodeName().equals(release))
              .map(
                  v -> String.join(" ", v.name(), v.pkg().name(), v.fixedInVersion(), v.severity()))
              .collect(Collectors.toCollection(TreeSet::new));
      Set<String> theirs =
          UsnDom.expected(fixture("feeds/ubuntu-oval/com.ubuntu." + release + ".usn.oval.xml"));
      assertThat(ours).as(release).isNotEmpty().isEqualTo(theirs);
    }
    assertThat(vulns).extracting(v -> v.distribution().versionId()).containsOnly("22.10", "24.04");
  }

  @Test
  void namesEachCveOfANoticeForEachBinaryPackage() throws IOException {
    List<Vulnerability> vulns = updater.parse(fetched);

    assertThat(vulns)
        .filteredOn(v -> v.name().equals("CVE-2022-40023"))
        .extracting(
            v -> v.pkg().name(),
            v -> v.pkg().kind(),
            Vulnerability::fixedInVersion,
            Vulnerability::normalizedSeverity,
            Vulnerability::issued,
            Vulnerability::links)
        .containsExactlyInAnyOrder(
            tuple(
                "python3-mako",
                Package.BINARY,
                "1.1.3+ds1-3ubuntu2.1",
                Severity.Medium,
                Instant.parse("2022-11-15T00:00:00Z"),
                "https://ubuntu.com/security/CVE-2022-40023"
                    + " https://ubuntu.com/security/notices/USN-5625-2"),
            tuple(
                "python-mako-doc",
                Package.BINARY,
                "1.1.3+ds1-3ubuntu2.1",
                Severity.Medium,
                Instant.parse("2022-11-15T00:00:00Z"),
                "https://ubuntu.com/security/CVE-2022-40023"
                    + " https://ubuntu.com/security/notices/USN-5625-2"));
    assertThat(vulns)
        .filteredOn(v -> v.name().equals("USN-5761-1"))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.pkg().name()).isEqualTo("ca-certificates");
              assertThat(v.fixedInVersion()).isEqualTo("20211016ubuntu0.22.10.1");
              assertThat(v.severity()).isEqualTo("None");
              assertThat(v.normalizedSeverity()).isEqualTo(Severity.Unknown);
            });
    assertThat(vulns).allSatisfy(v -> assertThat(v.updater()).isEqualTo("ubuntu"));
  }

  @Test
  void mapsPriorities() {
    assertThat(UbuntuPriority.normalize("negligible")).isEqualTo(Severity.Negligible);
    assertThat(UbuntuPriority.normalize("Low")).isEqualTo(Severity.Low);
    assertThat(UbuntuPriority.normalize("medium")).isEqualTo(Severity.Medium);
    assertThat(UbuntuPriority.normalize("high")).isEqualTo(Severity.High);
    assertThat(UbuntuPriority.normalize("critical")).isEqualTo(Severity.Critical);
    assertThat(UbuntuPriority.normalize("None")).isEqualTo(Severity.Unknown);
    assertThat(UbuntuPriority.normalize(null)).isEqualTo(Severity.Unknown);
  }
}
