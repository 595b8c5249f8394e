package dev.vigil.ecosystem.mariner;

import static dev.vigil.testing.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.feed.FeedClient;
import dev.vigil.model.Severity;
import dev.vigil.model.Vulnerability;
import dev.vigil.spi.FetchResult;
import dev.vigil.spi.Updater;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code mariner} updater over a mirror laid out like AzureLinuxVulnerabilityData: the
 * CBL-Mariner 2.0 OVAL of 2024-01-22 (2436 definitions, 251 of them unpatched "or equal" bounds)
 * and the Azure Linux 3.0 OVAL.
 */
class MarinerOvalUpdaterTest {
  @TempDir static Path tmp;
  private static Updater updater;
  private static FetchResult first;
  private static List<Vulnerability> vulns;

  @BeforeAll
  static void fetchAndParse() throws IOException {
    Path mirror = Files.createDirectories(tmp.resolve("mirror"));
    for (String name : List.of("cbl-mariner-2.0-oval.xml", "azurelinux-3.0-oval.xml")) {
      Files.copy(fixture("feeds/mariner-oval/" + name), mirror.resolve(name));
    }
    Files.writeString(mirror.resolve("README.md"), "not oval\n");
    updater =
        MarinerOval.updaterFactory().create(mirror.toUri(), new FeedClient(Duration.ofSeconds(10)));
    Path fetched = Files.createDirectories(tmp.resolve("fetched"));
    first = updater.fetch(fetched, "");
    vulns = updater.parse(fetched);
  }

  private static List<Vulnerability> mariner2() {
    return vulns.stream().filter(v -> v.distribution().did().equals("mariner")).toList();
  }

  @Test
  void fetchesTheOvalFilesOnly() throws IOException {
    FetchResult again =
        updater.fetch(Files.createDirectories(tmp.resolve("again")), first.fingerprint());

    assertThat(first.changed()).isTrue();
    assertThat(again.changed()).isFalse();
    assertThat(updater.name()).isEqualTo("mariner");
    assertThat(MarinerOval.updaterFactory().runsByDefault()).isFalse();
  }

  @Test
  void readsEveryDefinitionOfMariner2() {
    List<Vulnerability> mariner = mariner2();

    assertThat(mariner).hasSize(2436);
    assertThat(mariner.stream().filter(Vulnerability::hasFix)).hasSize(2185);
    assertThat(mariner)
        .allSatisfy(
            v -> {
              assertThat(v.distribution().versionId()).isEqualTo("2.0");
              assertThat(v.distribution().prettyName()).isEqualTo("CBL-Mariner 2.0");
              assertThat(v.updater()).isEqualTo("mariner");
              assertThat(v.name()).startsWith("CVE-");
              assertThat(v.normalizedSeverity()).isNotEqualTo(Severity.Unknown);
            });
  }

  @Test
  void keepsTheFixAndTheSeverityOfADefinition() {
    Vulnerability qt =
        mariner2().stream()
            .filter(v -> v.name().equals("CVE-2023-51714"))
            .filter(v -> v.pkg().name().equals("qt5-qtbase"))
            .findFirst()
            .orElseThrow();

    assertThat(qt.fixedInVersion()).isEqualTo("0:5.12.11-10.cm2");
    assertThat(qt.severity()).isEqualTo("Critical");
    assertThat(qt.normalizedSeverity()).isEqualTo(Severity.Critical);
    assertThat(qt.links()).isEqualTo("https://nvd.nist.gov/vuln/detail/CVE-2023-51714");
    assertThat(qt.description()).startsWith("CVE-2023-51714 affecting package qt5-qtbase");
  }

  @Test
  void keepsTheLastAffectedVersionOfAnUnpatchedDefinition() {
    Vulnerability syslinux =
        mariner2().stream()
            .filter(v -> v.name().equals("CVE-2022-3857"))
            .filter(v -> v.pkg().name().equals("syslinux"))
            .findFirst()
            .orElseThrow();

    assertThat(syslinux.hasFix()).isFalse();
    assertThat(syslinux.pkg().version()).isEqualTo("0:6.04-10.cm2");
  }

  @Test
  void statesAzureLinuxFindingsForItsOwnDistribution() {
    List<Vulnerability> azure =
        vulns.stream().filter(v -> v.distribution().did().equals("azurelinux")).toList();

    assertThat(azure).isNotEmpty();
    assertThat(azure).allSatisfy(v -> assertThat(v.distribution().versionId()).isEqualTo("3.0"));
    assertThat(azure.size() + mariner2().size()).isEqualTo(vulns.size());
  }
}
