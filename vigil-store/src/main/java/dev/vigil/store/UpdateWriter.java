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
 * once per content hash, and the links between them. Its operation and link steps serve {@link
 * EnrichmentWriter} too.
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
    long operationId = insertOperation(connection, ref, updater, print);
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
          link(connection, LinkTable.VULN, updater, operationId, hashes);
        }
      }
    }
    return new UpdateOperation(ref, updater, print, date(connection, operationId));
  }

  /** Inserts an update operation row, dated now, and returns its row id. */
  static long insertOperation(Connection connection, UUID ref, String updater, String fingerprint)
      throws SQLException {
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
  static Instant date(Connection connection, long operationId) throws SQLException {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    try (PreparedStatement update =
        connection.prepareStatement("UPDATE update_operation SET date = ? WHERE id = ?")) {
      update.setLong(1, now.toEpochMilli());
      update.setLong(2, operationId);
      update.executeUpdate();
    }
    return now;
  }

  /**
   * Links the operation to the rows of {@code table} with these content hashes; a hash already
   * linked is skipped.
   *
   * @throws StoreException when a row vanished before it could be linked
   */
  static void link(
      Connection connection, LinkTable table, String updater, long operationId, List<String> hashes)
      throws SQLException {
    String in = " IN (" + Sql.placeholders(hashes.size()) + ")";
    String sql =
        table.linkSelect()
            + " WHERE hash"
            + in
            + " ON CONFLICT (uo, "
            + table.column()
            + ") DO NOTHING";
    int linked;
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      bindHashes(insert, operationId, hashes);
      linked = insert.executeUpdate();
    }
    if (linked == hashes.size()) {
      return;
    }
    String check =
        "SELECT COUNT(*) FROM "
            + table.links()
            + " l JOIN "
            + table.rows()
            + " r ON r.id = l."
            + table.column()
            + " WHERE l.uo = ? AND r.hash"
            + in;
    try (PreparedStatement select = connection.prepareStatement(check)) {
      bindHashes(select, operationId, hashes);
      try (ResultSet rs = select.executeQuery()) {
        int missing = hashes.size() - (rs.next() ? rs.getInt(1) : 0);
        if (missing > 0) {
          throw new StoreException(
              "store: update "
                  + updater
                  + ": "
                  + missing
                  + " "
                  + table.rows()
                  + " rows vanished while linking them (concurrent garbage collection?);"
                  + " retry the update",
              null);
        }
      }
    }
  }

  private static void bindHashes(PreparedStatement statement, long operationId, List<String> hashes)
      throws SQLException {
    statement.setLong(1, operationId);
    for (int i = 0; i < hashes.size(); i++) {
      statement.setString(i + 2, hashes.get(i));
    }
  }
}
