package dev.vigil.store;

import dev.vigil.datastore.LegacyLayer;
import dev.vigil.model.Digest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** The {@code legacy_layer} table: layers posted through Clair's v1 API. */
final class LegacyLayers {
  private static final String UPSERT =
      "INSERT INTO legacy_layer (name, parent_name, layer_hash, path, manifest_hash, namespace,"
          + " created) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET"
          + " parent_name = excluded.parent_name, layer_hash = excluded.layer_hash,"
          + " path = excluded.path, manifest_hash = excluded.manifest_hash,"
          + " namespace = excluded.namespace, created = excluded.created";

  private LegacyLayers() {}

  /** Saves or replaces a layer. */
  static void save(Connection connection, LegacyLayer layer) throws SQLException {
    try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
      upsert.setString(1, layer.name());
      upsert.setString(2, layer.parentName());
      upsert.setString(3, layer.layerHash().toString());
      upsert.setString(4, layer.path());
      upsert.setString(5, layer.manifestHash().toString());
      upsert.setString(6, layer.namespace());
      upsert.setLong(7, System.currentTimeMillis());
      upsert.executeUpdate();
    }
  }

  /** The layer named {@code name}, if stored. */
  static Optional<LegacyLayer> load(Connection connection, String name) throws SQLException {
    String sql =
        "SELECT name, parent_name, layer_hash, path, manifest_hash, namespace FROM legacy_layer"
            + " WHERE name = ?";
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, name);
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new LegacyLayer(
                rs.getString(1),
                rs.getString(2),
                Digest.parse(rs.getString(3)),
                rs.getString(4),
                Digest.parse(rs.getString(5)),
                rs.getString(6)));
      }
    }
  }

  /** Deletes a layer and its descendants; returns them. */
  static List<LegacyLayer> delete(Connection connection, String name) throws SQLException {
    List<LegacyLayer> doomed = new ArrayList<>();
    Deque<String> pending = new ArrayDeque<>();
    if (load(connection, name).isPresent()) {
      pending.add(name);
    }
    try (PreparedStatement children =
        connection.prepareStatement("SELECT name FROM legacy_layer WHERE parent_name = ?")) {
      while (!pending.isEmpty()) {
        String next = pending.poll();
        load(connection, next).ifPresent(doomed::add);
        children.setString(1, next);
        try (ResultSet rs = children.executeQuery()) {
          while (rs.next()) {
            pending.add(rs.getString(1));
          }
        }
      }
    }
    try (PreparedStatement delete =
        connection.prepareStatement("DELETE FROM legacy_layer WHERE name = ?")) {
      for (LegacyLayer layer : doomed) {
        delete.setString(1, layer.name());
        delete.executeUpdate();
      }
    }
    return doomed;
  }

  /** The distinct non-empty namespaces, sorted. */
  static List<String> namespaces(Connection connection) throws SQLException {
    String sql =
        "SELECT DISTINCT namespace FROM legacy_layer WHERE namespace <> '' ORDER BY namespace";
    List<String> namespaces = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(sql);
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        namespaces.add(rs.getString(1));
      }
    }
    return namespaces;
  }
}
