package dev.vigil.store;

import dev.vigil.datastore.NotificationStore.Due;
import dev.vigil.datastore.NotificationStore.Notification;
import dev.vigil.datastore.NotificationStore.Page;
import dev.vigil.model.Digest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Queries over {@code notification_set} and {@code notification}. */
final class Notifications {
  private static final int BATCH = 500;

  private Notifications() {}

  static boolean processed(Connection connection, UUID ref) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT 1 FROM notification_set WHERE uo_ref = ?")) {
      select.setString(1, ref.toString());
      try (ResultSet rs = select.executeQuery()) {
        return rs.next();
      }
    }
  }

  static UUID save(
      Connection connection,
      UUID ref,
      String updater,
      List<Notification> notifications,
      Instant now)
      throws SQLException {
    UUID id = UUID.randomUUID();
    String set =
        "INSERT INTO notification_set (id, uo_ref, updater, created, size, done, next_delivery)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement insert = connection.prepareStatement(set)) {
      insert.setString(1, id.toString());
      insert.setString(2, ref.toString());
      insert.setString(3, updater);
      insert.setLong(4, now.toEpochMilli());
      insert.setInt(5, notifications.size());
      insert.setInt(6, notifications.isEmpty() ? 1 : 0);
      insert.setLong(7, now.toEpochMilli());
      insert.executeUpdate();
    }
    String row =
        "INSERT INTO notification (set_id, seq, id, manifest, reason, vulnerability)"
            + " VALUES (?, ?, ?, ?, ?, ?)";
    try (PreparedStatement insert = connection.prepareStatement(row)) {
      int seq = 0;
      for (Notification n : notifications) {
        insert.setString(1, id.toString());
        insert.setInt(2, ++seq);
        insert.setString(3, n.id().toString());
        insert.setString(4, n.manifest().toString());
        insert.setString(5, n.reason());
        insert.setString(6, n.vulnerabilityJson());
        insert.addBatch();
        if (seq % BATCH == 0) {
          insert.executeBatch();
        }
      }
      insert.executeBatch();
    }
    return id;
  }

  static Optional<Page> page(Connection connection, UUID id, Optional<String> after, int size)
      throws SQLException {
    int from = after.map(Notifications::seq).orElse(0);
    try (PreparedStatement select =
        connection.prepareStatement("SELECT done FROM notification_set WHERE id = ?")) {
      select.setString(1, id.toString());
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next() || rs.getInt(1) != 0) {
          return Optional.empty();
        }
      }
    }
    String sql =
        "SELECT seq, id, manifest, reason, vulnerability FROM notification"
            + " WHERE set_id = ? AND seq > ? ORDER BY seq LIMIT ?";
    List<Notification> notifications = new ArrayList<>();
    int last = from;
    boolean more = false;
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, id.toString());
      select.setInt(2, from);
      select.setInt(3, size + 1);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          if (notifications.size() == size) {
            more = true;
            break;
          }
          last = rs.getInt("seq");
          notifications.add(
              new Notification(
                  UUID.fromString(rs.getString("id")),
                  Digest.parse(rs.getString("manifest")),
                  rs.getString("reason"),
                  rs.getString("vulnerability")));
        }
      }
    }
    return Optional.of(
        new Page(notifications, more ? Optional.of(Integer.toString(last)) : Optional.empty()));
  }

  private static int seq(String token) {
    try {
      int seq = Integer.parseInt(token);
      if (seq < 0) {
        throw new NumberFormatException();
      }
      return seq;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a page token: \"" + token + "\"", e);
    }
  }

  /** Marks the sets matching {@code where} (one parameter) done and deletes their notifications. */
  private static int finish(Connection connection, String where, Object value) throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement(
            "DELETE FROM notification WHERE set_id IN (SELECT id FROM notification_set WHERE done"
                + " = 0 AND "
                + where
                + ")")) {
      delete.setObject(1, value);
      delete.executeUpdate();
    }
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE notification_set SET done = 1 WHERE done = 0 AND " + where)) {
      update.setObject(1, value);
      return update.executeUpdate();
    }
  }

  static boolean acknowledge(Connection connection, UUID id) throws SQLException {
    return finish(connection, "id = ?", id.toString()) > 0;
  }

  static int expire(Connection connection, Instant cutoff) throws SQLException {
    return finish(connection, "created < ?", cutoff.toEpochMilli());
  }

  static List<Due> due(Connection connection, Instant now, int limit) throws SQLException {
    String sql =
        "SELECT id, attempts FROM notification_set WHERE done = 0 AND next_delivery <= ?"
            + " ORDER BY next_delivery LIMIT ?";
    List<Due> due = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setLong(1, now.toEpochMilli());
      select.setInt(2, limit);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          due.add(new Due(UUID.fromString(rs.getString(1)), rs.getInt(2)));
        }
      }
    }
    return due;
  }

  static void attempted(Connection connection, UUID id, boolean delivered, Instant next)
      throws SQLException {
    String sql =
        "UPDATE notification_set SET next_delivery = ?, attempts = "
            + (delivered ? "0" : "attempts + 1")
            + " WHERE id = ?";
    try (PreparedStatement update = connection.prepareStatement(sql)) {
      update.setLong(1, next.toEpochMilli());
      update.setString(2, id.toString());
      update.executeUpdate();
    }
  }
}
