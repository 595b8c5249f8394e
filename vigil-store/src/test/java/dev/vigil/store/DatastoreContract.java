package dev.vigil.store;

import static dev.vigil.spi.MatchConstraint.DISTRIBUTION_PRETTY_NAME;
import static dev.vigil.spi.MatchConstraint.PACKAGE_NAME;
import static dev.vigil.spi.MatchConstraint.PACKAGE_SOURCE_NAME;
import static dev.vigil.spi.MatchConstraint.REPOSITORY_NAME;
import static dev.vigil.store.Samples.LIBSSL_310;
import static dev.vigil.store.Samples.MUSL_310;
import static dev.vigil.store.Samples.OPENSSL_BUSTER;
import static dev.vigil.store.VulnLists.withoutIds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.datastore.Datastore;
import dev.vigil.datastore.StoreException;
import dev.vigil.model.IndexReport;
import dev.vigil.model.Repository;
import dev.vigil.model.UpdateOperation;
import dev.vigil.model.Vulnerability;
import dev.vigil.spi.IndexRecord;
import dev.vigil.spi.MatchConstraint;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The behaviour every {@link Datastore} backend must show; one subclass per database. */
abstract class DatastoreContract {
  /** What claircore's alpine matcher asks for. */
  private static final Set<MatchConstraint> ALPINE =
      Set.of(PACKAGE_SOURCE_NAME, DISTRIBUTION_PRETTY_NAME);

  private Datastore store;

  /** Opens a fresh, empty store. */
  abstract Datastore open() throws Exception;

  /** A direct connection to the store's database, for what the interface cannot show. */
  abstract Connection connect() throws SQLException;

  /** Removes what {@link #open} created, after the store is closed. */
  void discard() throws Exception {}

  @BeforeEach
  void openStore() throws Exception {
    store = open();
  }

  /** The store under test. */
  Datastore store() {
    return store;
  }

  @AfterEach
  void closeStore() throws Exception {
    store.close();
    discard();
  }

  @Test
  void aLockHasOneHolderUntilReleased() {
    Optional<Datastore.Lock> first = store.tryLock("updater alpine");
    assertThat(first).isPresent();
    assertThat(store.tryLock("updater alpine")).isEmpty();
    try (Datastore.Lock other = store.tryLock("updater debian").orElseThrow()) {
      assertThat(other).isNotNull();
    }
    first.get().close();
    store.tryLock("updater alpine").orElseThrow().close();
  }

  @Test
  void emptyStoreHasNothing() {
    assertThat(store.latestUpdateOperation("alpine")).isEmpty();
    assertThat(store.updateOperations()).isEmpty();
    assertThat(alpineCandidates()).isEmpty();
    assertThat(store.indexReport(Samples.indexReport().manifestHash())).isEmpty();
  }

  @Test
  void alpineCandidatesBySourceNameAndRelease() {
    List<Vulnerability> v310 = AlpineSecDb.main("3.10");
    store.updateVulnerabilities("alpine", "etag", VulnLists.concat(v310, AlpineSecDb.main("3.12")));
    IndexRecord zlib = Samples.alpine("3", "zlib", "zlib", "1.2.11-r1", "3.10");

    Map<String, List<Vulnerability>> found =
        store.candidates(List.of(LIBSSL_310, MUSL_310, zlib), ALPINE, Set.of("alpine"));

    assertThat(found).containsOnlyKeys("1", "2");
    assertThat(withoutIds(found.get("1")))
        .containsExactlyInAnyOrderElementsOf(VulnLists.named(v310, "openssl"))
        .contains(AlpineSecDb.vuln("CVE-2020-1967", "openssl", "1.1.1g-r0", "3.10"));
    assertThat(withoutIds(found.get("2")))
        .containsExactlyInAnyOrderElementsOf(VulnLists.named(v310, "musl"));
    assertThat(found.get("1")).allSatisfy(v -> assertThat(v.id()).containsOnlyDigits());
  }

  @Test
  void packageNameAndSourceNameConstraints() {
    store.updateVulnerabilities("alpine", "", AlpineSecDb.main("3.10"));
    Set<MatchConstraint> byName = Set.of(PACKAGE_NAME, DISTRIBUTION_PRETTY_NAME);
    Set<MatchConstraint> byBoth = Set.of(PACKAGE_NAME, PACKAGE_SOURCE_NAME);
    List<IndexRecord> records = List.of(LIBSSL_310, MUSL_310);

    assertThat(store.candidates(records, byName, Set.of())).containsOnlyKeys("2");
    assertThat(store.candidates(records, byBoth, Set.of())).containsOnlyKeys("2");
    assertThat(store.candidates(records, ALPINE, Set.of())).containsOnlyKeys("1", "2");
  }

  @Test
  void foldedPackageNameConstraintComparesNamesAsPep503() {
    Repository pypi = new Repository("", "PyPI", "osv-ecosystem", "https://pypi.org/simple", "");
    Vulnerability flask = Samples.language("PYSEC-2023-62", "flask", pypi);
    Vulnerability zope = Samples.language("PYSEC-2021-1", "zope.interface", pypi);
    store.updateVulnerabilities("osv", "", List.of(flask, zope));
    Set<MatchConstraint> folded = Set.of(MatchConstraint.PACKAGE_NAME_FOLDED, REPOSITORY_NAME);

    Map<String, List<Vulnerability>> found =
        store.candidates(
            List.of(
                Samples.record("1", "Flask", null, pypi),
                Samples.record("2", "Zope_Interface", null, pypi),
                Samples.record("3", "zope--interface", null, pypi),
                Samples.record("4", "flask", null, null)),
            folded,
            Set.of("osv"));

    assertThat(found).containsOnlyKeys("1", "2", "3");
    assertThat(withoutIds(found.get("1"))).containsExactly(flask);
    assertThat(withoutIds(found.get("2"))).containsExactly(zope);
    assertThat(withoutIds(found.get("3"))).containsExactly(zope);
    assertThat(
            store.candidates(
                List.of(Samples.record("1", "Flask", null, pypi)),
                Set.of(PACKAGE_NAME, REPOSITORY_NAME),
                Set.of("osv")))
        .isEmpty();
  }

  @ParameterizedTest
  @EnumSource(
      names = {
        "DISTRIBUTION_DID",
        "DISTRIBUTION_VERSION_ID",
        "DISTRIBUTION_VERSION_CODE_NAME",
        "DISTRIBUTION_PRETTY_NAME"
      })
  void eachDistributionConstraint(MatchConstraint constraint) {
    store.updateVulnerabilities("debian", "", Samples.BUSTER_OPENSSL);
    store.updateVulnerabilities("alpine", "", AlpineSecDb.main("3.10"));
    IndexRecord elsewhere = Samples.record("8", "openssl", Samples.busterExcept(constraint), null);

    Map<String, List<Vulnerability>> found =
        store.candidates(
            List.of(OPENSSL_BUSTER, elsewhere), Set.of(PACKAGE_NAME, constraint), Set.of());

    assertThat(found).containsOnlyKeys("9");
    assertThat(withoutIds(found.get("9")))
        .containsExactlyInAnyOrderElementsOf(Samples.BUSTER_OPENSSL);
  }

  @Test
  void repositoryConstraint() {
    Vulnerability rhsa = Samples.rhel("RHSA-2021:1024", "openssl-libs", "1:1.1.1g-15.el8_3");
    store.updateVulnerabilities("rhel", "", List.of(rhsa));
    Repository appStream = new Repository("", "rhel-8-for-x86_64-appstream-rpms", "", "", "");
    List<IndexRecord> records =
        List.of(
            Samples.record("1", "openssl-libs", null, Samples.BASEOS),
            Samples.record("2", "openssl-libs", null, appStream),
            Samples.record("3", "openssl-libs", null, null));

    Map<String, List<Vulnerability>> found =
        store.candidates(records, Set.of(PACKAGE_NAME, REPOSITORY_NAME), Set.of("rhel"));

    assertThat(found).containsOnlyKeys("1");
    assertThat(withoutIds(found.get("1"))).containsExactly(rhsa);
  }

  @Test
  void updatersSelectWhoseDataIsSearched() {
    store.updateVulnerabilities("debian", "", Samples.BUSTER_OPENSSL);
    store.updateVulnerabilities("alpine", "", AlpineSecDb.main("3.10"));
    List<IndexRecord> openssl = List.of(Samples.record("1", "openssl", null, null));
    Set<MatchConstraint> byName = Set.of(PACKAGE_NAME);

    assertThat(VulnLists.updaters(store.candidates(openssl, byName, Set.of())))
        .containsExactlyInAnyOrder("alpine", "debian");
    assertThat(VulnLists.updaters(store.candidates(openssl, byName, Set.of("debian"))))
        .containsExactly("debian");
    assertThat(store.candidates(openssl, byName, Set.of("osv"))).isEmpty();
  }

  @Test
  void secondUpdateReplacesTheFirst() throws SQLException {
    List<Vulnerability> first = AlpineSecDb.main("3.10");
    UpdateOperation op1 = store.updateVulnerabilities("alpine", "etag-1", first);
    Vulnerability unchanged = AlpineSecDb.vuln("CVE-2019-1547", "openssl", "1.1.1d-r0", "3.10");
    Vulnerability changed = AlpineSecDb.vuln("CVE-2020-1967", "openssl", "1.1.1g-r1", "3.10");
    String unchangedId = VulnLists.idOf(alpineCandidates().get("1"), unchanged);

    UpdateOperation op2 =
        store.updateVulnerabilities("alpine", "etag-2", List.of(unchanged, changed));

    List<Vulnerability> found = alpineCandidates().get("1");
    assertThat(withoutIds(found)).containsExactlyInAnyOrder(unchanged, changed);
    assertThat(VulnLists.idOf(found, unchanged)).isEqualTo(unchangedId);
    assertThat(store.latestUpdateOperation("alpine")).contains(op2);
    assertThat(store.updateOperations()).isEqualTo(Map.of("alpine", List.of(op2, op1)));
    assertThat(op2.fingerprint()).isEqualTo("etag-2");
    assertThat(count("vuln")).isEqualTo(first.stream().distinct().count() + 1);
  }

  @Test
  void failedUpdateLeavesThePreviousDataIntact() throws SQLException {
    UpdateOperation op1 = store.updateVulnerabilities("alpine", "etag-1", AlpineSecDb.main("3.10"));
    long vulns = count("vuln");
    Map<String, List<Vulnerability>> before = alpineCandidates();
    List<Vulnerability> broken = new ArrayList<>(Samples.generated(2500, 7));
    broken.set(2000, AlpineSecDb.vuln(null, "openssl", "1.1.1g-r0", "3.10"));

    assertThatThrownBy(() -> store.updateVulnerabilities("alpine", "etag-2", broken))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("store: update alpine: ");

    assertThat(store.latestUpdateOperation("alpine")).contains(op1);
    assertThat(store.updateOperations()).isEqualTo(Map.of("alpine", List.of(op1)));
    assertThat(count("update_operation")).isEqualTo(1);
    assertThat(count("vuln")).isEqualTo(vulns);
    assertThat(alpineCandidates()).isEqualTo(before);
  }

  @Test
  void readersSeeThePreviousOperationUntilCommit() throws Exception {
    UpdateOperation op1 = store.updateVulnerabilities("alpine", "etag-1", AlpineSecDb.main("3.10"));
    Map<String, List<Vulnerability>> before = alpineCandidates();
    PausingList<Vulnerability> next = new PausingList<>(Samples.generated(3000, 3), 2500);

    CompletableFuture<UpdateOperation> update =
        CompletableFuture.supplyAsync(() -> store.updateVulnerabilities("alpine", "etag-2", next));
    assertThat(next.paused.await(30, TimeUnit.SECONDS)).isTrue();
    try {
      assertThat(alpineCandidates()).isEqualTo(before);
      assertThat(store.latestUpdateOperation("alpine")).contains(op1);
    } finally {
      next.resume.countDown();
    }
    UpdateOperation op2 = update.get(60, TimeUnit.SECONDS);

    assertThat(store.latestUpdateOperation("alpine")).contains(op2);
    assertThat(alpineCandidates()).isEmpty();
  }

  @Test
  void garbageCollectKeepsTheNewestOperationsAndTheirVulnerabilities() throws SQLException {
    store.updateVulnerabilities("alpine", "1", AlpineSecDb.main("3.10"));
    store.updateVulnerabilities("alpine", "2", AlpineSecDb.main("3.12"));
    UpdateOperation alpine = store.updateVulnerabilities("alpine", "3", AlpineSecDb.main("3.10"));
    store.updateVulnerabilities("debian", "1", Samples.BUSTER_OPENSSL.subList(1, 2));
    UpdateOperation debian = store.updateVulnerabilities("debian", "2", Samples.BUSTER_OPENSSL);

    assertThat(store.garbageCollect(1)).isEqualTo(3);

    assertThat(store.updateOperations())
        .isEqualTo(Map.of("alpine", List.of(alpine), "debian", List.of(debian)));
    assertThat(count("vuln")).isEqualTo(AlpineSecDb.main("3.10").stream().distinct().count() + 2);
    assertThat(alpineCandidates()).containsOnlyKeys("1", "2");
    assertThat(store.candidates(List.of(OPENSSL_BUSTER), Set.of(PACKAGE_NAME), Set.of("debian")))
        .containsOnlyKeys("9");
    assertThat(store.garbageCollect(1)).isZero();
    assertThat(store.garbageCollect(0)).isEqualTo(2);
    assertThat(count("vuln")).isZero();
  }

  @Test
  void updatersAreIndependent() {
    UpdateOperation debian = store.updateVulnerabilities("debian", "", Samples.BUSTER_OPENSSL);
    store.updateVulnerabilities("alpine", "", AlpineSecDb.main("3.10"));
    store.updateVulnerabilities("alpine", "", List.of());

    assertThat(alpineCandidates()).isEmpty();
    assertThat(store.candidates(List.of(OPENSSL_BUSTER), Set.of(PACKAGE_NAME), Set.of()))
        .containsOnlyKeys("9");
    assertThat(store.latestUpdateOperation("debian")).contains(debian);
  }

  @Test
  void indexReportRoundTrip() {
    IndexReport report = Samples.indexReport();
    store.saveIndexReport(report);
    assertThat(store.indexReport(report.manifestHash())).contains(report);

    IndexReport failed =
        new IndexReport(
            report.manifestHash(), IndexReport.ERROR, null, null, null, null, false, "fetch: 404");
    store.saveIndexReport(failed);
    assertThat(store.indexReport(report.manifestHash())).contains(failed);
  }

  @Test
  void bulkUpdateAndLookup() {
    List<Vulnerability> feed = Samples.generated(50_000, 42);
    long start = System.nanoTime();
    store.updateVulnerabilities("alpine", "bulk-1", feed);
    long insert = System.nanoTime() - start;
    store.updateVulnerabilities("alpine", "bulk-2", feed);
    long again = System.nanoTime() - start - insert;
    List<IndexRecord> records = Samples.generatedRecords(1200);
    long lookup = System.nanoTime();
    Map<String, List<Vulnerability>> found = store.candidates(records, ALPINE, Set.of());
    lookup = System.nanoTime() - lookup;

    System.out.printf(
        "%s: 50000 vulnerabilities inserted in %d ms, stored again (all known) in %d ms,"
            + " candidates of 1200 records in %d ms%n",
        getClass().getSimpleName(), insert / 1_000_000, again / 1_000_000, lookup / 1_000_000);
    assertThat(found).hasSize(1200).allSatisfy((id, vulns) -> assertThat(vulns).hasSize(10));
    Map<String, List<Vulnerability>> sliced = new HashMap<>();
    for (int from = 0; from < records.size(); from += 200) {
      sliced.putAll(store.candidates(records.subList(from, from + 200), ALPINE, Set.of()));
    }
    assertThat(found)
        .as("looked up on several connections at once, the same as in small lookups")
        .isEqualTo(sliced);
  }

  /** The candidates of libssl and musl on Alpine 3.10 under the alpine matcher's constraints. */
  private Map<String, List<Vulnerability>> alpineCandidates() {
    return store.candidates(List.of(LIBSSL_310, MUSL_310), ALPINE, Set.of());
  }

  /** How many rows {@code table} holds. */
  long count(String table) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
