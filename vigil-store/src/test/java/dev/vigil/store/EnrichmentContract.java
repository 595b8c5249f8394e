package dev.vigil.store;

import static dev.vigil.testing.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.datastore.Datastore;
import dev.vigil.datastore.EnrichmentSource;
import dev.vigil.ecosystem.epss.EpssUpdater;
import dev.vigil.ecosystem.epss.EpssUpdaterFactory;
import dev.vigil.ecosystem.kev.KevUpdater;
import dev.vigil.ecosystem.kev.KevUpdaterFactory;
import dev.vigil.ecosystem.nvd.NvdPacing;
import dev.vigil.ecosystem.nvd.NvdUpdater;
import dev.vigil.feed.FeedClient;
import dev.vigil.model.EnrichmentRecord;
import dev.vigil.model.Json;
import dev.vigil.model.UpdateOperation;
import dev.vigil.spi.EnrichmentUpdater.Scope;
import dev.vigil.spi.Updater;
import dev.vigil.updater.UpdateManager;
import dev.vigil.updater.UpdateOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every backend must do with enrichment data: the real nvd, epss and kev updaters read the
 * fixtures into the store, each update replaces the previous one atomically (or keeps the other
 * CVEs' records for a changes-only update), a malformed feed leaves the previous data intact, and
 * garbage collection deletes the records no operation holds.
 */
abstract class EnrichmentContract extends DatastoreContract {
  private static final String NVIDIA = "CVE-2022-34668";
  private static final String LOG4SHELL = "CVE-2021-44228";

  private final FeedClient client = new FeedClient(Duration.ofSeconds(10));
  @TempDir Path feeds;

  private UpdateOutcome run(Updater updater) {
    return new UpdateManager(store()).run(updater);
  }

  private Path mirror(String name, String fixture, String file) throws IOException {
    Path dir = Files.createDirectories(feeds.resolve(name));
    Files.copy(fixture(fixture), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    return dir;
  }

  private EpssUpdater epss(Path mirror) {
    return (EpssUpdater) new EpssUpdaterFactory().create(mirror.toUri(), client);
  }

  private KevUpdater kev(Path mirror) {
    return (KevUpdater) new KevUpdaterFactory().create(mirror.toUri(), client);
  }

  private static Map<String, List<String>> texts(Map<String, List<EnrichmentRecord>> found) {
    return found.entrySet().stream()
        .collect(
            Collectors.toMap(
                Map.Entry::getKey,
                e -> e.getValue().stream().map(r -> r.data().toString()).toList()));
  }

  @Test
  void theRealUpdatersFillTheStore() throws IOException {
    NvdUpdater nvd =
        new NvdUpdater(
            fixture("feeds/nvd/api-2.0").toUri(),
            client,
            NvdPacing.PUBLIC,
            null,
            Clock.systemUTC());
    Path epss = mirror("epss", "feeds/epss/epss-data.csv", EpssUpdater.PLAIN_FILE);
    Path kev = mirror("kev", "feeds/kev/known_exploited_vulnerabilities.json", KevUpdater.FILE);

    List<UpdateOutcome> outcomes =
        new UpdateManager(store()).runAll(List.of(nvd, epss(epss), kev(kev)));

    assertThat(outcomes)
        .extracting(UpdateOutcome::status)
        .containsOnly(UpdateOutcome.Status.UPDATED);
    assertThat(outcomes.get(1).counted()).isEqualTo("29 enrichments");
    Map<String, List<EnrichmentRecord>> cvss =
        store().enrichments("nvd", List.of(NVIDIA, "CVE-2016-1585", "CVE-1900-0001"));
    assertThat(cvss).containsOnlyKeys(NVIDIA, "CVE-2016-1585");
    assertThat(cvss.get(NVIDIA).get(0).data().path("vectorString").asText())
        .isEqualTo("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
    assertThat(cvss.get("CVE-2016-1585")).hasSize(2);
    assertThat(
            store()
                .enrichments("epss", List.of(NVIDIA))
                .get(NVIDIA)
                .get(0)
                .data()
                .path("epss")
                .decimalValue())
        .isEqualByComparingTo("0.00311");
    assertThat(store().enrichments("kev", List.of(NVIDIA, LOG4SHELL))).containsOnlyKeys(LOG4SHELL);
    assertThat(store().enrichments("kev", List.of())).isEmpty();
    assertThat(store().enrichments("never-ran", List.of(LOG4SHELL))).isEmpty();
    UpdateOperation op = store().latestUpdateOperation("kev").orElseThrow();
    assertThat(store().enrichmentCount(op.ref())).isEqualTo(2);
    assertThat(store().vulnerabilityCount(op.ref())).isZero();
    assertThat(run(kev(kev)).status()).isEqualTo(UpdateOutcome.Status.UNCHANGED);
  }

  @Test
  void aMalformedFeedLeavesThePreviousDataIntact() throws Exception {
    Path epss = mirror("epss", "feeds/epss/epss-data.csv", EpssUpdater.PLAIN_FILE);
    assertThat(run(epss(epss)).status()).isEqualTo(UpdateOutcome.Status.UPDATED);
    UpdateOperation good = store().latestUpdateOperation("epss").orElseThrow();
    Map<String, List<String>> before = texts(store().enrichments("epss", List.of(NVIDIA)));
    long rows = count("enrichment");
    StringBuilder broken =
        new StringBuilder("#model_version:v2,score_date:2024-10-26\ncve,epss,percentile\n");
    for (int i = 0; i < 2500; i++) {
      broken.append("CVE-2023-").append(10000 + i).append(",0.1,0.5\n");
    }
    broken.append("CVE-2024-0001,0.1\n");
    Files.writeString(epss.resolve(EpssUpdater.PLAIN_FILE), broken);

    UpdateOutcome failed = run(epss(epss));

    assertThat(failed.status()).isEqualTo(UpdateOutcome.Status.FAILED);
    assertThat(failed.message())
        .isEqualTo("epss: epss_scores.csv: line 2503 is malformed: CVE-2024-0001,0.1");
    assertThat(store().latestUpdateOperation("epss")).contains(good);
    assertThat(count("enrichment")).isEqualTo(rows);
    assertThat(count("update_operation")).isEqualTo(1);
    assertThat(texts(store().enrichments("epss", List.of(NVIDIA)))).isEqualTo(before);
  }

  @Test
  void aChangesOnlyUpdateKeepsTheOtherCvesRecords() throws IOException {
    Datastore store = store();
    store.updateEnrichments(
        "nvd", "1", source(Scope.ALL, record("CVE-2020-0001", 5.0), record("CVE-2020-0002", 6.0)));
    store.updateEnrichments(
        "nvd",
        "2",
        source(Scope.CHANGES, record("CVE-2020-0002", 7.5), record("CVE-2020-0003", 9.0)));

    Map<String, List<String>> found =
        texts(store.enrichments("nvd", List.of("CVE-2020-0001", "CVE-2020-0002", "CVE-2020-0003")));

    assertThat(found)
        .isEqualTo(
            Map.of(
                "CVE-2020-0001", List.of("{\"baseScore\":5.0}"),
                "CVE-2020-0002", List.of("{\"baseScore\":7.5}"),
                "CVE-2020-0003", List.of("{\"baseScore\":9.0}")));
    store.updateEnrichments("nvd", "3", source(Scope.ALL, record("CVE-2020-0003", 9.1)));
    assertThat(store.enrichments("nvd", List.of("CVE-2020-0001", "CVE-2020-0003")))
        .containsOnlyKeys("CVE-2020-0003");
  }

  @Test
  void garbageCollectionDeletesTheRecordsNoOperationHolds() throws Exception {
    Path kev = mirror("kev", "feeds/kev/known_exploited_vulnerabilities.json", KevUpdater.FILE);
    run(kev(kev));
    mirror("kev", "feeds/kev/vunnel-valid-catalog-1.json", KevUpdater.FILE);
    Files.setLastModifiedTime(kev.resolve(KevUpdater.FILE), FileTime.fromMillis(1));
    assertThat(run(kev(kev)).status()).isEqualTo(UpdateOutcome.Status.UPDATED);
    store().updateVulnerabilities("alpine", "1", AlpineSecDb.main("3.10"));
    assertThat(count("enrichment")).isEqualTo(5);

    assertThat(store().garbageCollect(1)).isEqualTo(1);

    assertThat(count("enrichment")).isEqualTo(3);
    assertThat(store().enrichments("kev", List.of(LOG4SHELL))).isEmpty();
    assertThat(store().enrichments("kev", List.of("CVE-2024-53704"))).hasSize(1);
    assertThat(count("vuln")).isPositive();
  }

  @Test
  void streamsBigFeedsInBatchesAndStoresRepeatedRecordsOnce() throws IOException {
    int records = 5000;
    UpdateOperation op =
        store()
            .updateEnrichments(
                "epss",
                "1",
                sink -> {
                  for (int i = 0; i < records; i++) {
                    sink.accept(record("CVE-2024-" + (10000 + i % 3000), i % 3000));
                  }
                  return Scope.ALL;
                });

    assertThat(store().enrichmentCount(op.ref())).isEqualTo(3000);
    assertThat(store().enrichments("epss", List.of("CVE-2024-10001")).get("CVE-2024-10001"))
        .hasSize(1);
  }

  private static EnrichmentRecord record(String cve, double score) {
    ObjectNode data = Json.mapper().createObjectNode();
    data.put("baseScore", score);
    return new EnrichmentRecord(cve, data);
  }

  private static EnrichmentSource source(Scope scope, EnrichmentRecord... records) {
    return sink -> {
      List.of(records).forEach((Consumer<EnrichmentRecord>) sink);
      return scope;
    };
  }
}
