package dev.vigil.store;

import com.zaxxer.hikari.HikariDataSource;
import dev.vigil.concurrent.Futures;
import dev.vigil.datastore.Datastore;
import dev.vigil.datastore.EnrichmentSource;
import dev.vigil.datastore.LegacyLayer;
import dev.vigil.datastore.StoreException;
import dev.vigil.model.Digest;
import dev.vigil.model.EnrichmentRecord;
import dev.vigil.model.IndexReport;
import dev.vigil.model.UpdateOperation;
import dev.vigil.model.Vulnerability;
import dev.vigil.spi.IndexRecord;
import dev.vigil.spi.MatchConstraint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Datastore} over a migrated SQLite or PostgreSQL database.
 *
 * <p>Thread-safe. Vulnerability ids in candidates are the {@code vuln} row ids, and each stored
 * vulnerability's updater is the name of the updater whose operation stored it.
 */
final class JdbcDatastore implements Datastore {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcDatastore.class);

  /** How many connections one candidate lookup may use at once: one per core. */
  private static final int READERS = Runtime.getRuntime().availableProcessors();

  /** The fewest records worth a connection of their own in a candidate lookup. */
  private static final int MIN_RECORDS_PER_READER = 250;

  private final HikariDataSource dataSource;
  private final ExecutorService readers;
  private final Jdbc jdbc;
  private final Dialect dialect;
  private final Locks locks;

  JdbcDatastore(HikariDataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.readers =
        Executors.newFixedThreadPool(
            Math.max(1, READERS - 1),
            task -> {
              Thread thread = new Thread(task, "vigil-store-read");
              thread.setDaemon(true);
              return thread;
            });
    this.jdbc = new Jdbc(dataSource, dialect);
    this.dialect = dialect;
    this.locks = new Locks(dataSource, dialect);
  }

  @Override
  public UpdateOperation updateVulnerabilities(
      String updater, String fingerprint, List<Vulnerability> vulnerabilities) {
    long start = System.nanoTime();
    UpdateOperation operation =
        jdbc.write(
            "update " + updater,
            c -> new UpdateWriter(c, updater).write(fingerprint, vulnerabilities));
    analyze("vuln", "uo_vuln");
    LOG.atInfo()
        .setMessage("update committed")
        .addKeyValue("updater", updater)
        .addKeyValue("ref", operation.ref())
        .addKeyValue("vulnerabilities", vulnerabilities.size())
        .addKeyValue("millis", (System.nanoTime() - start) / 1_000_000)
        .log();
    return operation;
  }

  @Override
  public UpdateOperation updateEnrichments(
      String updater, String fingerprint, EnrichmentSource source) throws IOException {
    long start = System.nanoTime();
    UpdateOperation operation;
    try {
      operation =
          jdbc.write(
              "update " + updater,
              c -> new EnrichmentWriter(c, updater).write(fingerprint, source));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    analyze("enrichment", "uo_enrich");
    LOG.atInfo()
        .setMessage("enrichment update committed")
        .addKeyValue("updater", updater)
        .addKeyValue("ref", operation.ref())
        .addKeyValue("millis", (System.nanoTime() - start) / 1_000_000)
        .log();
    return operation;
  }

  /**
   * Refreshes the planner's statistics of {@code tables} where the dialect asks for it. The update
   * has committed by then, so a failure (a role that may not analyze) is only logged: autovacuum
   * will get to the tables later.
   */
  private void analyze(String... tables) {
    if (!dialect.analyzesAfterUpdates()) {
      return;
    }
    try {
      jdbc.read(
          "analyze " + String.join(", ", tables),
          c -> {
            try (Statement statement = c.createStatement()) {
              return statement.execute("ANALYZE " + String.join(", ", tables));
            }
          });
    } catch (StoreException e) {
      LOG.atWarn()
          .setMessage("statistics not refreshed")
          .addKeyValue("error", e.getMessage())
          .log();
    }
  }

  @Override
  public Map<String, List<EnrichmentRecord>> enrichments(String updater, Collection<String> cves) {
    return jdbc.read(
        "load enrichments of " + updater, c -> EnrichmentReader.find(c, updater, cves));
  }

  @Override
  public int enrichmentCount(UUID ref) {
    return jdbc.read(
        "count enrichments of " + ref, c -> Operations.count(c, LinkTable.ENRICHMENT, ref));
  }

  @Override
  public Optional<UpdateOperation> latestUpdateOperation(String updater) {
    return jdbc.read("latest operation of " + updater, c -> Operations.latest(c, updater));
  }

  @Override
  public Map<String, List<UpdateOperation>> updateOperations() {
    return jdbc.read("list operations", Operations::all);
  }

  @Override
  public Optional<UpdateOperation> updateOperation(UUID ref) {
    return jdbc.read("load operation " + ref, c -> Operations.byRef(c, ref));
  }

  @Override
  public List<Vulnerability> vulnerabilities(UUID ref) {
    return jdbc.read("list vulnerabilities of " + ref, c -> Operations.vulnerabilities(c, ref));
  }

  @Override
  public int vulnerabilityCount(UUID ref) {
    return jdbc.read(
        "count vulnerabilities of " + ref, c -> Operations.count(c, LinkTable.VULN, ref));
  }

  @Override
  public long sizeBytes() {
    return jdbc.read("measure the database", c -> Operations.sizeBytes(c, dialect));
  }

  @Override
  public Optional<Lock> tryLock(String name) {
    return locks.tryLock(name);
  }

  @Override
  public List<UUID> deleteUpdateOperations(Collection<UUID> refs) {
    return jdbc.write("delete operations", c -> Operations.delete(c, refs));
  }

  /**
   * Looks the candidates of a large index report up on several connections at once, one per core:
   * the lookup is most of a report's time (docs/BENCHMARKS.md). The update operations are chosen
   * once, so every part sees the same data.
   */
  @Override
  public Map<String, List<Vulnerability>> candidates(
      List<IndexRecord> records, Set<MatchConstraint> constraints, Set<String> updaters) {
    List<Long> operations =
        jdbc.read("find the latest operations", c -> Operations.latestIds(c, updaters));
    int parts = Math.min(READERS, records.size() / MIN_RECORDS_PER_READER);
    List<List<IndexRecord>> partitions = CandidateFinder.partitions(records, parts);
    List<Future<Map<String, List<Vulnerability>>>> others = new ArrayList<>();
    for (List<IndexRecord> partition : partitions.subList(1, partitions.size())) {
      others.add(readers.submit(() -> candidates(operations, partition, constraints)));
    }
    Map<String, List<Vulnerability>> found =
        new HashMap<>(candidates(operations, partitions.get(0), constraints));
    for (Future<Map<String, List<Vulnerability>>> other : others) {
      try {
        found.putAll(Futures.await(other, "a part of the candidate lookup"));
      } catch (IOException e) {
        throw new StoreException("store: find candidates: " + e.getMessage(), e);
      }
    }
    return found;
  }

  private Map<String, List<Vulnerability>> candidates(
      List<Long> operations, List<IndexRecord> records, Set<MatchConstraint> constraints) {
    return jdbc.read(
        "find candidates", c -> CandidateFinder.find(c, dialect, operations, records, constraints));
  }

  @Override
  public int garbageCollect(int keep) {
    if (keep < 0) {
      throw new IllegalArgumentException("store: cannot keep " + keep + " operations");
    }
    return jdbc.write("garbage collect", c -> Operations.garbageCollect(c, keep));
  }

  @Override
  public void saveIndexReport(IndexReport report) {
    saveIndexReport(report, "");
  }

  @Override
  public void saveIndexReport(IndexReport report, String indexerState) {
    jdbc.write(
        "save index report " + report.manifestHash(),
        c -> {
          IndexReports.save(c, report, indexerState);
          return null;
        });
  }

  @Override
  public Optional<IndexReport> indexReport(Digest manifest) {
    return jdbc.read("load index report " + manifest, c -> IndexReports.load(c, manifest));
  }

  @Override
  public Optional<String> indexerState(Digest manifest) {
    return jdbc.read("load indexer state of " + manifest, c -> IndexReports.state(c, manifest));
  }

  @Override
  public List<Digest> deleteIndexReports(Collection<Digest> manifests) {
    return jdbc.write("delete index reports", c -> IndexReports.delete(c, manifests));
  }

  @Override
  public List<Digest> indexedManifests() {
    return jdbc.read("list index reports", IndexReports::manifests);
  }

  @Override
  public List<Digest> indexedManifests(Digest after, int limit) {
    return jdbc.read(
        "list index reports after " + after, c -> IndexReports.manifests(c, after, limit));
  }

  @Override
  public void saveLegacyLayer(LegacyLayer layer) {
    jdbc.write(
        "save legacy layer " + layer.name(),
        c -> {
          LegacyLayers.save(c, layer);
          return null;
        });
  }

  @Override
  public Optional<LegacyLayer> legacyLayer(String name) {
    return jdbc.read("load legacy layer " + name, c -> LegacyLayers.load(c, name));
  }

  @Override
  public List<LegacyLayer> deleteLegacyLayer(String name) {
    return jdbc.write("delete legacy layer " + name, c -> LegacyLayers.delete(c, name));
  }

  @Override
  public List<String> legacyNamespaces() {
    return jdbc.read("list legacy namespaces", LegacyLayers::namespaces);
  }

  @Override
  public boolean notificationsProcessed(UUID ref) {
    return jdbc.read("look up notifications of " + ref, c -> Notifications.processed(c, ref));
  }

  @Override
  public UUID saveNotifications(
      UUID ref, String updater, List<Notification> notifications, Instant now) {
    return jdbc.write(
        "save notifications of " + ref,
        c -> Notifications.save(c, ref, updater, notifications, now));
  }

  @Override
  public Optional<Page> notificationPage(UUID id, Optional<String> after, int size) {
    return jdbc.read("load notifications " + id, c -> Notifications.page(c, id, after, size));
  }

  @Override
  public boolean acknowledgeNotifications(UUID id) {
    return jdbc.write("acknowledge notifications " + id, c -> Notifications.acknowledge(c, id));
  }

  @Override
  public List<Due> notificationsDue(Instant now, int limit) {
    return jdbc.read("list due notifications", c -> Notifications.due(c, now, limit));
  }

  @Override
  public void notificationAttempted(UUID id, boolean delivered, Instant next) {
    jdbc.write(
        "record delivery of " + id,
        c -> {
          Notifications.attempted(c, id, delivered, next);
          return null;
        });
  }

  @Override
  public int expireNotifications(Instant cutoff) {
    return jdbc.write("expire notifications", c -> Notifications.expire(c, cutoff));
  }

  @Override
  public void close() {
    readers.shutdownNow();
    dataSource.close();
  }
}
