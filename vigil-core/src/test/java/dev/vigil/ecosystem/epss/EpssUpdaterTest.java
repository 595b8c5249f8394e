package dev.vigil.ecosystem.epss;

import static dev.vigil.testing.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.feed.FeedClient;
import dev.vigil.model.EnrichmentRecord;
import dev.vigil.spi.EnrichmentUpdater;
import dev.vigil.spi.FetchResult;
import dev.vigil.spi.ScanException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EpssUpdaterTest {
  /** FIRST's EPSS CSV excerpt (claircore's enricher/epss/testdata/data.csv). */
  private static final String CSV = "feeds/epss/epss-data.csv";

  private final FeedClient client = new FeedClient(Duration.ofSeconds(10));
  @TempDir Path tmp;

  private List<EnrichmentRecord> update(Path mirror) throws IOException {
    EpssUpdater updater = new EpssUpdater(mirror.toUri(), client);
    Path dir = Files.createDirectories(tmp.resolve("fetched-" + System.nanoTime()));
    FetchResult fetched = updater.fetch(dir, "");
    assertThat(fetched.changed()).isTrue();
    List<EnrichmentRecord> records = new ArrayList<>();
    assertThat(updater.parseEnrichments(dir, records::add)).isEqualTo(EnrichmentUpdater.Scope.ALL);
    return records;
  }

  @Test
  void readsThePlainFixtureWithItsModelVersionAndDate() throws IOException {
    Path mirror = Files.createDirectories(tmp.resolve("plain"));
    Files.copy(fixture(CSV), mirror.resolve(EpssUpdater.PLAIN_FILE));

    List<EnrichmentRecord> records = update(mirror);

    assertThat(records).hasSize(29);
    EnrichmentRecord nvidia =
        records.stream().filter(r -> r.cve().equals("CVE-2022-34668")).findFirst().orElseThrow();
    assertThat(nvidia.data().toString())
        .isEqualTo(
            "{\"modelVersion\":\"v2023.03.01\",\"date\":\"2024-10-25T00:00:00+0000\","
                + "\"cve\":\"CVE-2022-34668\",\"epss\":0.00311,\"percentile\":0.70519}");
  }

  @Test
  void prefersTheCompressedFileAsUpstreamPublishesIt() throws IOException {
    Path mirror = Files.createDirectories(tmp.resolve("gz"));
    try (OutputStream out =
        new GZIPOutputStream(Files.newOutputStream(mirror.resolve(EpssUpdater.GZ_FILE)))) {
      Files.copy(fixture(CSV), out);
    }
    Files.writeString(mirror.resolve(EpssUpdater.PLAIN_FILE), "not used");

    assertThat(update(mirror)).hasSize(29);
  }

  @Test
  void malformedFilesFailWithAScanException() throws IOException {
    String good = Files.readString(fixture(CSV), StandardCharsets.UTF_8);
    assertThatThrownBy(() -> parse(good + "\nCVE-2024-9999,0.5\n"))
        .isInstanceOf(ScanException.class)
        .hasMessage("epss: epss_scores.csv: line 32 is malformed: CVE-2024-9999,0.5");
    assertThatThrownBy(() -> parse(good + "\nCVE-2024-9999,1.5,0.2\n"))
        .isInstanceOf(ScanException.class)
        .hasMessage("epss: epss_scores.csv: line 32: '1.5' is not a probability");
    assertThatThrownBy(() -> parse(good.substring(good.indexOf('\n') + 1)))
        .isInstanceOf(ScanException.class)
        .hasMessageStartingWith("epss: epss_scores.csv: line 1 is not a '#model_version:");
    assertThatThrownBy(() -> parse("#model_version:v1,score_date:2024-01-01\ncve,score\n"))
        .isInstanceOf(ScanException.class)
        .hasMessage("epss: epss_scores.csv: line 2 is not the header cve,epss,percentile");
  }

  private void parse(String csv) throws IOException {
    Path mirror = Files.createDirectories(tmp.resolve("bad-" + System.nanoTime()));
    Files.writeString(mirror.resolve(EpssUpdater.PLAIN_FILE), csv);
    update(mirror);
  }

  @Test
  void factoryNamesTheUpstreamSource() {
    EpssUpdaterFactory factory = new EpssUpdaterFactory();
    assertThat(factory.name()).isEqualTo("epss");
    assertThat(factory.defaultSource().toString()).isEqualTo("https://epss.empiricalsecurity.com/");
    assertThat(factory.runsByDefault()).isTrue();
  }
}
