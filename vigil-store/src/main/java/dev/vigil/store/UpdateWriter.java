package dev.vigil.store;

import dev.vigil.datastore.StoreException;
import dev.vigil.model.UpdateOperation;
import dev.vigil.model.Vulnerability;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Writes one update operation in the caller's transaction: the operation row, each vulnerability
 * once per content hash, and the links between them.
 *
 * <p>Vulnerabilities go in batches of {@value #BATCH}: each batch is inserted with {@code ON
 * CONFLICT (hash) DO NOTHING}, then linked with one {@code INSERT ... SELECT} over its hashes.
 */
final class UpdateWriter {
  private static final int BATCH = 1000;

  private static final String INSERT_OPERATION =
      "INSERT INTO update_operation (ref, updater, fingerprint, date) VALUES (?, ?, ?, ?)"
          + " RETURNING id";

  private final Connection connection;
  private final String updater;

  UpdateWriter(Connection connection, String updater) {
    this.connection = connection;
    this.updater = updater;
  }

  /**
   * Stores the operation and its vulnerabilities; the caller commits.
   *
   * @return the operation, dated when its last statement ran
   */
  UpdateOperation write(String fingerprint, List<Vulnerability> vulnerabilities)
      throws SQLException {
    UUID ref = UUID.randomUUID();
    String print = fingerprint == null ? "" : fingerprint;
    long operationId = insertOperation(ref, print);
    Set<String> seen = new HashSet<>();
    try (PreparedStatement insert = connection.prepareStatement(VulnTable.INSERT)) {
      Iterator<Vulnerability> it = vulnerabilities.iterator();
      while (it.hasNext()) {
        List<String> hashes = new ArrayList<>(BATCH);
        while (it.hasNext() && hashes.size() < BATCH) {
          String[] fields = VulnTable.fields(updater, it.next());
          String hash = VulnTable.hash(fields);
          if (seen.add(hash)) {
            VulnTable.bind(insert, hash, fields);
            insert.addBatch();
            hashes.add(hash);
          }
        }
        if (!hashes.isEmpty()) {
          insert.executeBatch();
          link(operationId, hashes);
        }
      }
    }
    return new UpdateOperation(ref, updater, print, date(operationId));
  }

  private long insertOperation(UUID ref, String fingerprint) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT_OPERATION)) {
      insert.setString(1, ref.toString());
      insert.setString(2, updater);
      insert.setString(3, fingerprint);
      insert.setLong(4, System.currentTimeMillis());
      try (ResultSet rs = insert.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Dates the operation now, just before the caller commits it. */
  private Instant date(long operationId) throws SQLException {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    try (PreparedStatement update =
        connection.prepareStatement("UPDATE update_operation SET date = ? WHERE id = ?")) {
      update.setLong(1, now.toEpochMilli());
      update.setLong(2, operationId);
      update.executeUpdate();
    }
    return now;
  }

  private void link(long operationId, List<String> hashes) throws SQLException {
    String sql =
        "INSERT INTO uo_vuln (uo, vuln) SELECT ?, id FROM vuln WHERE hash IN ("
            + Sql.placeholders(hashes.size())
            + ")";
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      insert.setLong(1, operationId);
      for (int i = 0; i < hashes.size(); i++) {
        insert.setString(i + 2, hashes.get(i));
      }
      int linked = insert.executeUpdate();
      if (linked != hashes.size()) {
        throw new StoreException(
            "store: update "
                + updater
                + ": "
                + (hashes.size() - linked)
                + " vulnerabilities vanished while linking them (concurrent garbage collection?);"
                + " retry the update",
            null);
      }
    }
  }
}
