package dev.vigil.store;

import com.zaxxer.hikari.HikariDataSource;
import dev.vigil.datastore.Datastore;
import dev.vigil.datastore.EnrichmentSource;
import dev.vigil.datastore.LegacyLayer;
import dev.vigil.model.Digest;
import dev.vigil.model.EnrichmentRecord;
import dev.vigil.model.IndexReport;
import dev.vigil.model.UpdateOperation;
import dev.vigil.model.Vulnerability;
import dev.vigil.spi.IndexRecord;
import dev.vigil.spi.MatchConstraint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
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

  private final HikariDataSource dataSource;
  private final Jdbc jdbc;
  private final Dialect dialect;
  private final Locks locks;

  JdbcDatastore(HikariDataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
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
    LOG.atInfo()
        .setMessage("enrichment update committed")
        .addKeyValue("updater", updater)
        .addKeyValue("ref", operation.ref())
        .addKeyValue("millis", (System.nanoTime() - start) / 1_000_000)
        .log();
    return operation;
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

  @Override
  public Map<String, List<Vulnerability>> candidates(
      List<IndexRecord> records, Set<MatchConstraint> constraints, Set<String> updaters) {
    return jdbc.read(
        "find candidates", c -> CandidateFinder.find(c, records, constraints, updaters));
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
    dataSource.close();
  }
}
