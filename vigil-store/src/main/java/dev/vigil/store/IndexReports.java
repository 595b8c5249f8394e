package dev.vigil.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.datastore.StoreException;
import dev.vigil.model.Digest;
import dev.vigil.model.IndexReport;
import dev.vigil.model.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Index reports stored as Clair v4 JSON by manifest digest, with the indexer state. */
final class IndexReports {
  private static final ObjectMapper MAPPER = Json.mapper();

  private static final String UPSERT =
      "INSERT INTO index_report (manifest_hash, report, updated, indexer_state) VALUES (?, ?, ?, ?)"
          + " ON CONFLICT (manifest_hash) DO UPDATE SET report = excluded.report,"
          + " updated = excluded.updated, indexer_state = excluded.indexer_state";

  private IndexReports() {}

  /** Saves or replaces the report of its manifest. */
  static void save(Connection connection, IndexReport report, String indexerState)
      throws SQLException {
    try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
      upsert.setString(1, report.manifestHash().toString());
      upsert.setString(2, toJson(report));
      upsert.setLong(3, System.currentTimeMillis());
      upsert.setString(4, indexerState);
      upsert.executeUpdate();
    }
  }

  /** The stored report of {@code manifest}, if any. */
  static Optional<IndexReport> load(Connection connection, Digest manifest) throws SQLException {
    return column(connection, manifest, "report").map(json -> fromJson(manifest, json));
  }

  /** The indexer state stored with the report of {@code manifest}, if any. */
  static Optional<String> state(Connection connection, Digest manifest) throws SQLException {
    return column(connection, manifest, "indexer_state");
  }

  /** Deletes the reports of {@code manifests}; returns those that existed. */
  static List<Digest> delete(Connection connection, Collection<Digest> manifests)
      throws SQLException {
    List<Digest> deleted = new ArrayList<>();
    String sql = "DELETE FROM index_report WHERE manifest_hash = ?";
    try (PreparedStatement delete = connection.prepareStatement(sql)) {
      for (Digest manifest : manifests) {
        delete.setString(1, manifest.toString());
        if (delete.executeUpdate() > 0) {
          deleted.add(manifest);
        }
      }
    }
    return deleted;
  }

  /** Every stored manifest digest. */
  static List<Digest> manifests(Connection connection) throws SQLException {
    List<Digest> manifests = new ArrayList<>();
    try (PreparedStatement select =
            connection.prepareStatement("SELECT manifest_hash FROM index_report");
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        manifests.add(Digest.parse(rs.getString(1)));
      }
    }
    return manifests;
  }

  /** Up to {@code limit} digests after {@code after} (null: from the start), in order. */
  static List<Digest> manifests(Connection connection, Digest after, int limit)
      throws SQLException {
    String sql =
        "SELECT manifest_hash FROM index_report WHERE manifest_hash > ?"
            + " ORDER BY manifest_hash LIMIT ?";
    List<Digest> manifests = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, after == null ? "" : after.toString());
      select.setInt(2, limit);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          manifests.add(Digest.parse(rs.getString(1)));
        }
      }
    }
    return manifests;
  }

  private static Optional<String> column(Connection connection, Digest manifest, String column)
      throws SQLException {
    String sql = "SELECT " + column + " FROM index_report WHERE manifest_hash = ?";
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, manifest.toString());
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  private static String toJson(IndexReport report) {
    try {
      return MAPPER.writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new StoreException("store: encode index report " + report.manifestHash(), e);
    }
  }

  private static IndexReport fromJson(Digest manifest, String json) {
    try {
      return MAPPER.readValue(json, IndexReport.class);
    } catch (JsonProcessingException e) {
      throw new StoreException("store: decode index report " + manifest, e);
    }
  }
}
