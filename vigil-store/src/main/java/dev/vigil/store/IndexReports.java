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
import java.util.Optional;

/** Index reports stored as Clair v4 JSON by manifest digest. */
final class IndexReports {
  private static final ObjectMapper MAPPER = Json.mapper();

  private static final String UPSERT =
      "INSERT INTO index_report (manifest_hash, report, updated) VALUES (?, ?, ?)"
          + " ON CONFLICT (manifest_hash) DO UPDATE"
          + " SET report = excluded.report, updated = excluded.updated";

  private IndexReports() {}

  /** Saves or replaces the report of its manifest. */
  static void save(Connection connection, IndexReport report) throws SQLException {
    try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
      upsert.setString(1, report.manifestHash().toString());
      upsert.setString(2, toJson(report));
      upsert.setLong(3, System.currentTimeMillis());
      upsert.executeUpdate();
    }
  }

  /** The stored report of {@code manifest}, if any. */
  static Optional<IndexReport> load(Connection connection, Digest manifest) throws SQLException {
    String sql = "SELECT report FROM index_report WHERE manifest_hash = ?";
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, manifest.toString());
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? Optional.of(fromJson(manifest, rs.getString(1))) : Optional.empty();
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
