package dev.vigil.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.vigil.datastore.EnrichmentSource;
import dev.vigil.model.EnrichmentRecord;
import dev.vigil.model.Json;
import dev.vigil.model.UpdateOperation;
import dev.vigil.spi.EnrichmentUpdater;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Writes one enrichment update operation in the caller's transaction, as {@link UpdateWriter} does
 * for vulnerabilities: the operation row, each record once per content hash, the links. Records
 * arrive from an {@link EnrichmentSource} and go to the database in batches of {@value #BATCH}, so
 * memory stays bounded whatever the feed's size.
 */
final class EnrichmentWriter {
  private static final int BATCH = 1000;

  private static final String INSERT =
      "INSERT INTO enrichment (hash, updater, cve, data) VALUES (?, ?, ?, ?)"
          + " ON CONFLICT (hash) DO NOTHING";

  /** Links the previous operation's records of every CVE the new operation has none of. */
  private static final String CARRY_OVER =
      LinkTable.ENRICHMENT.linkSelect()
          + " e WHERE e.id IN (SELECT enrich FROM uo_enrich WHERE uo = ?) AND NOT EXISTS"
          + " (SELECT 1 FROM uo_enrich n JOIN enrichment f ON f.id = n.enrich"
          + " WHERE n.uo = ? AND f.cve = e.cve)";

  private final Connection connection;
  private final String updater;

  EnrichmentWriter(Connection connection, String updater) {
    this.connection = connection;
    this.updater = updater;
  }

  /** A database failure inside the source's callback, unwrapped once the source returns. */
  private static final class SinkFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SinkFailure(SQLException cause) {
      super(cause);
    }
  }

  /**
   * Stores the operation and every record {@code source} writes; the caller commits.
   *
   * @throws UncheckedIOException wrapping what the source threw; the caller rolls back
   */
  UpdateOperation write(String fingerprint, EnrichmentSource source) throws SQLException {
    List<Long> previous = Operations.latestIds(connection, Set.of(updater));
    UUID ref = UUID.randomUUID();
    String print = fingerprint == null ? "" : fingerprint;
    long operationId = UpdateWriter.insertOperation(connection, ref, updater, print);
    EnrichmentUpdater.Scope scope;
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      Batch batch = new Batch(insert, operationId);
      scope = source.writeTo(batch::add);
      batch.flush();
    } catch (SinkFailure e) {
      throw (SQLException) e.getCause();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (scope == EnrichmentUpdater.Scope.CHANGES && !previous.isEmpty()) {
      try (PreparedStatement carry = connection.prepareStatement(CARRY_OVER)) {
        carry.setLong(1, operationId);
        carry.setLong(2, previous.get(0));
        carry.setLong(3, operationId);
        carry.executeUpdate();
      }
    }
    return new UpdateOperation(ref, updater, print, UpdateWriter.date(connection, operationId));
  }

  /** The records of one batch, inserted and linked when full. */
  private final class Batch {
    private final PreparedStatement insert;
    private final long operationId;
    private final List<String> hashes = new ArrayList<>(BATCH);
    private final Set<String> seen = new HashSet<>();

    Batch(PreparedStatement insert, long operationId) {
      this.insert = insert;
      this.operationId = operationId;
    }

    void add(EnrichmentRecord enrichment) {
      try {
        String data = Json.mapper().writeValueAsString(enrichment.data());
        String[] fields = {updater, enrichment.cve(), data};
        String hash = VulnTable.hash(fields);
        if (seen.add(hash)) {
          insert.setString(1, hash);
          insert.setString(2, updater);
          insert.setString(3, enrichment.cve());
          insert.setString(4, data);
          insert.addBatch();
          hashes.add(hash);
        }
        if (hashes.size() >= BATCH) {
          flush();
        }
      } catch (SQLException e) {
        throw new SinkFailure(e);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("store: cannot encode an enrichment record", e);
      }
    }

    void flush() throws SQLException {
      if (hashes.isEmpty()) {
        return;
      }
      insert.executeBatch();
      UpdateWriter.link(connection, LinkTable.ENRICHMENT, updater, operationId, hashes);
      hashes.clear();
      seen.clear();
    }
  }
}
