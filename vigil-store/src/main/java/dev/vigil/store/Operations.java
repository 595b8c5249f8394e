package dev.vigil.store;

import dev.vigil.model.UpdateOperation;
import dev.vigil.model.Vulnerability;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Queries over {@code update_operation}, and garbage collection of old operations. */
final class Operations {
  private static final Logger LOG = LoggerFactory.getLogger(Operations.class);
  private static final String COLUMNS = "ref, updater, fingerprint, date";

  private static final String DELETE_OLD =
      "DELETE FROM update_operation WHERE id IN (SELECT id FROM (SELECT id, ROW_NUMBER() OVER"
          + " (PARTITION BY updater ORDER BY id DESC) AS age FROM update_operation) ranked"
          + " WHERE age > ?)";

  private Operations() {}

  /** The newest operation of {@code updater}. */
  static Optional<UpdateOperation> latest(Connection connection, String updater)
      throws SQLException {
    String sql =
        "SELECT " + COLUMNS + " FROM update_operation WHERE updater = ? ORDER BY id DESC LIMIT 1";
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, updater);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  /** The operation with reference {@code ref}. */
  static Optional<UpdateOperation> byRef(Connection connection, UUID ref) throws SQLException {
    String sql = "SELECT " + COLUMNS + " FROM update_operation WHERE ref = ?";
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, ref.toString());
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  /** The vulnerabilities linked to the operation {@code ref}, by row id. */
  static List<Vulnerability> vulnerabilities(Connection connection, UUID ref) throws SQLException {
    String sql =
        "SELECT "
            + VulnTable.SELECT_COLUMNS
            + " FROM vuln v JOIN uo_vuln uv ON uv.vuln = v.id JOIN update_operation uo"
            + " ON uo.id = uv.uo WHERE uo.ref = ? ORDER BY v.id";
    List<Vulnerability> vulnerabilities = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, ref.toString());
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          vulnerabilities.add(VulnTable.read(rs));
        }
      }
    }
    return vulnerabilities;
  }

  /** How many rows of {@code table} the operation {@code ref} links to. */
  static int count(Connection connection, LinkTable table, UUID ref) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(table.countByRef())) {
      select.setString(1, ref.toString());
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    }
  }

  /** The database's size in bytes, by the dialect's own measure. */
  static long sizeBytes(Connection connection, Dialect dialect) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(dialect.sizeQuery());
        ResultSet rs = select.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0L;
    }
  }

  /**
   * Deletes the operations {@code refs} (their links go with them), then every vulnerability and
   * enrichment record no operation links to.
   *
   * @return the references that existed
   */
  static List<UUID> delete(Connection connection, Collection<UUID> refs) throws SQLException {
    List<UUID> deleted = new ArrayList<>();
    try (PreparedStatement delete =
        connection.prepareStatement("DELETE FROM update_operation WHERE ref = ?")) {
      for (UUID ref : refs) {
        delete.setString(1, ref.toString());
        if (delete.executeUpdate() > 0) {
          deleted.add(ref);
        }
      }
    }
    if (!deleted.isEmpty()) {
      deleteOrphans(connection);
    }
    return deleted;
  }

  /** Every operation, newest first, by updater name in alphabetical order. */
  static Map<String, List<UpdateOperation>> all(Connection connection) throws SQLException {
    String sql = "SELECT " + COLUMNS + " FROM update_operation ORDER BY updater, id DESC";
    Map<String, List<UpdateOperation>> byUpdater = new LinkedHashMap<>();
    try (PreparedStatement select = connection.prepareStatement(sql);
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        UpdateOperation op = read(rs);
        byUpdater.computeIfAbsent(op.updater(), u -> new ArrayList<>()).add(op);
      }
    }
    byUpdater.replaceAll((updater, ops) -> List.copyOf(ops));
    return byUpdater;
  }

  /** The row ids of the newest operation of each of {@code updaters}, or of every updater. */
  static List<Long> latestIds(Connection connection, Set<String> updaters) throws SQLException {
    List<String> names = List.copyOf(updaters);
    String sql =
        "SELECT MAX(id) FROM update_operation"
            + (names.isEmpty() ? "" : " WHERE updater IN (" + Sql.placeholders(names.size()) + ")")
            + " GROUP BY updater";
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      for (int i = 0; i < names.size(); i++) {
        select.setString(i + 1, names.get(i));
      }
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    }
    return ids;
  }

  /**
   * Deletes all but the newest {@code keep} operations of each updater (their links go with them)
   * and then every vulnerability and enrichment record no operation links to.
   *
   * @return how many operations were deleted
   */
  static int garbageCollect(Connection connection, int keep) throws SQLException {
    int deleted;
    try (PreparedStatement delete = connection.prepareStatement(DELETE_OLD)) {
      delete.setInt(1, keep);
      deleted = delete.executeUpdate();
    }
    int orphans = deleted > 0 ? deleteOrphans(connection) : 0;
    LOG.atInfo()
        .setMessage("garbage collected")
        .addKeyValue("operations", deleted)
        .addKeyValue("orphans", orphans)
        .log();
    return deleted;
  }

  private static int deleteOrphans(Connection connection) throws SQLException {
    int deleted = 0;
    for (LinkTable table : LinkTable.values()) {
      try (PreparedStatement delete = connection.prepareStatement(table.deleteOrphans())) {
        deleted += delete.executeUpdate();
      }
    }
    return deleted;
  }

  private static UpdateOperation read(ResultSet rs) throws SQLException {
    return new UpdateOperation(
        UUID.fromString(rs.getString("ref")),
        rs.getString("updater"),
        rs.getString("fingerprint"),
        Instant.ofEpochMilli(rs.getLong("date")));
  }
}
