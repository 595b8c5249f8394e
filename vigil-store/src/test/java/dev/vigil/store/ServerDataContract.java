package dev.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.datastore.Datastore;
import dev.vigil.datastore.LegacyLayer;
import dev.vigil.model.Digest;
import dev.vigil.model.IndexReport;
import dev.vigil.model.UpdateOperation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the server needs from every backend beyond the CLI's contract. */
abstract class ServerDataContract extends EnrichmentContract {

  @Test
  void indexerStateTravelsWithTheReport() {
    Datastore store = store();
    IndexReport report = Samples.indexReport();
    assertThat(store.indexerState(report.manifestHash())).isEmpty();
    store.saveIndexReport(report, "state-1");
    assertThat(store.indexerState(report.manifestHash())).contains("state-1");
    store.saveIndexReport(report);
    assertThat(store.indexerState(report.manifestHash())).contains("");
    assertThat(store.indexReport(report.manifestHash())).contains(report);
  }

  @Test
  void indexReportsAreListedAndDeleted() {
    Datastore store = store();
    IndexReport report = Samples.indexReport();
    Digest absent = Digest.sha256("absent".getBytes(StandardCharsets.UTF_8));
    store.saveIndexReport(report, "s");
    assertThat(store.indexedManifests()).containsExactly(report.manifestHash());
    assertThat(store.deleteIndexReports(List.of(absent, report.manifestHash())))
        .containsExactly(report.manifestHash());
    assertThat(store.indexReport(report.manifestHash())).isEmpty();
    assertThat(store.indexedManifests()).isEmpty();
  }

  @Test
  void indexedManifestsArePagedInDigestOrder() {
    Datastore store = store();
    IndexReport sample = Samples.indexReport();
    List<Digest> digests = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Digest digest = Digest.sha256(("manifest-" + i).getBytes(StandardCharsets.UTF_8));
      digests.add(digest);
      store.saveIndexReport(
          new IndexReport(
              digest,
              sample.state(),
              sample.packages(),
              sample.distributions(),
              sample.repository(),
              sample.environments(),
              true,
              ""));
    }
    digests.sort(java.util.Comparator.comparing(Digest::toString));
    List<Digest> first = store.indexedManifests(null, 2);
    List<Digest> second = store.indexedManifests(first.get(1), 2);
    List<Digest> last = store.indexedManifests(second.get(1), 2);
    assertThat(first).containsExactlyElementsOf(digests.subList(0, 2));
    assertThat(second).containsExactlyElementsOf(digests.subList(2, 4));
    assertThat(last).containsExactly(digests.get(4));
    assertThat(store.indexedManifests(last.get(0), 2)).isEmpty();
  }

  @Test
  void operationsAreFoundListedAndDeletedByRef() {
    Datastore store = store();
    UpdateOperation first = store.updateVulnerabilities("debian", "1", Samples.BUSTER_OPENSSL);
    UpdateOperation second =
        store.updateVulnerabilities("debian", "2", Samples.BUSTER_OPENSSL.subList(0, 1));
    assertThat(store.updateOperation(first.ref())).contains(first);
    assertThat(store.vulnerabilities(first.ref()))
        .extracting(v -> v.name())
        .containsExactlyInAnyOrderElementsOf(
            Samples.BUSTER_OPENSSL.stream().map(v -> v.name()).toList());
    assertThat(store.vulnerabilities(second.ref())).hasSize(1);
    assertThat(store.vulnerabilities(UUID.randomUUID())).isEmpty();

    assertThat(store.deleteUpdateOperations(List.of(first.ref(), UUID.randomUUID())))
        .containsExactly(first.ref());
    assertThat(store.updateOperation(first.ref())).isEmpty();
    assertThat(store.latestUpdateOperation("debian")).contains(second);
    assertThat(store.vulnerabilities(second.ref())).hasSize(1);
  }

  @Test
  void statusCountsEachOperationAndMeasuresTheDatabase() {
    Datastore store = store();
    long empty = store.sizeBytes();
    UpdateOperation first = store.updateVulnerabilities("debian", "1", Samples.BUSTER_OPENSSL);
    UpdateOperation second =
        store.updateVulnerabilities("debian", "2", Samples.BUSTER_OPENSSL.subList(0, 1));

    assertThat(store.vulnerabilityCount(first.ref())).isEqualTo(2);
    assertThat(store.vulnerabilityCount(second.ref())).isEqualTo(1);
    assertThat(store.vulnerabilityCount(UUID.randomUUID())).isZero();
    assertThat(empty).isPositive();
    assertThat(store.sizeBytes()).isGreaterThanOrEqualTo(empty);
  }

  @Test
  void legacyLayersFormChainsAndDeleteWithTheirDescendants() {
    Datastore store = store();
    Digest manifest = Digest.sha256("chain".getBytes(StandardCharsets.UTF_8));
    Digest blob = Digest.sha256("blob".getBytes(StandardCharsets.UTF_8));
    LegacyLayer base = new LegacyLayer("a", "", blob, "http://x/a", manifest, "alpine:v3.10");
    LegacyLayer middle = new LegacyLayer("b", "a", blob, "http://x/b", manifest, "alpine:v3.10");
    LegacyLayer top = new LegacyLayer("c", "b", blob, "http://x/c", manifest, "");
    LegacyLayer other = new LegacyLayer("d", "", blob, "http://x/d", manifest, "debian:12");
    List.of(base, middle, top, other).forEach(store::saveLegacyLayer);

    assertThat(store.legacyLayer("b")).contains(middle);
    assertThat(store.legacyNamespaces()).containsExactly("alpine:v3.10", "debian:12");
    assertThat(store.deleteLegacyLayer("b")).containsExactly(middle, top);
    assertThat(store.legacyLayer("c")).isEmpty();
    assertThat(store.legacyLayer("a")).contains(base);
    assertThat(store.deleteLegacyLayer("missing")).isEmpty();
  }
}
