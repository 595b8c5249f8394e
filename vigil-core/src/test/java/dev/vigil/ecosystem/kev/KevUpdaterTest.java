package dev.vigil.ecosystem.kev;

import static dev.vigil.testing.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.feed.FeedClient;
import dev.vigil.model.EnrichmentRecord;
import dev.vigil.spi.FetchResult;
import dev.vigil.spi.ScanException;
import dev.vigil.testing.BrokenJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KevUpdaterTest {
  private final FeedClient client = new FeedClient(Duration.ofSeconds(10));
  @TempDir Path tmp;

  private List<EnrichmentRecord> update(Path catalog) throws IOException {
    Path mirror = Files.createDirectories(tmp.resolve("mirror-" + System.nanoTime()));
    Files.copy(catalog, mirror.resolve(KevUpdater.FILE));
    KevUpdater updater = new KevUpdater(mirror.toUri(), client);
    Path dir = Files.createDirectories(tmp.resolve("fetched-" + System.nanoTime()));
    FetchResult first = updater.fetch(dir, "");
    assertThat(first.changed()).isTrue();
    assertThat(
            updater.fetch(tmp.resolve("again-" + System.nanoTime()), first.fingerprint()).changed())
        .isFalse();
    List<EnrichmentRecord> records = new ArrayList<>();
    updater.parseEnrichments(dir, records::add);
    return records;
  }

  @ParameterizedTest
  @CsvSource({
    "feeds/kev/known_exploited_vulnerabilities.json, 2, CVE-2021-44228, 2025.02.24",
    "feeds/kev/vunnel-valid-catalog-1.json, 3, CVE-2024-53704, 2025.02.19"
  })
  void readsTheFixtureCatalogs(String file, int entries, String cve, String version)
      throws IOException {
    List<EnrichmentRecord> records = update(fixture(file));

    assertThat(records).hasSize(entries);
    EnrichmentRecord entry =
        records.stream().filter(r -> r.cve().equals(cve)).findFirst().orElseThrow();
    assertThat(entry.data().path("cve").asText()).isEqualTo(cve);
    assertThat(entry.data().path("catalog_version").asText()).isEqualTo(version);
    assertThat(entry.data().path("date_added").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
    assertThat(entry.data().path("vulnerability_name").asText()).isNotEmpty();
  }

  @Test
  void malformedCatalogsFailWithAScanException() throws IOException {
    assertThatThrownBy(() -> update(write("{\"vulnerabilities\": [{\"cveID\": \"CVE-2021-4")))
        .isInstanceOf(ScanException.class)
        .hasMessageStartingWith("kev: known_exploited_vulnerabilities.json: malformed JSON");
    assertThatThrownBy(() -> update(write("{\"title\": \"x\"}")))
        .isInstanceOf(ScanException.class)
        .hasMessage(
            "kev: known_exploited_vulnerabilities.json: not a KEV catalog (no vulnerabilities"
                + " array)");
    assertThatThrownBy(() -> update(write("{\"vulnerabilities\": [{\"cveID\": \"log4shell\"}]}")))
        .isInstanceOf(ScanException.class)
        .hasMessage(
            "kev: known_exploited_vulnerabilities.json: entry 0 has no valid cveID (log4shell)");
  }

  private Path write(String json) throws IOException {
    return Files.writeString(tmp.resolve("catalog-" + System.nanoTime() + ".json"), json);
  }

  @Test
  void refusesACatalogInABrokenEncoding() {
    assertThatThrownBy(() -> KevCatalogParser.parse(BrokenJson.stream(), "kev.json", r -> {}))
        .isInstanceOf(ScanException.class)
        .hasMessageStartingWith("kev: kev.json: malformed JSON: ");
  }
}
