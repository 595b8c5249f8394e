package dev.vigil.store;

import com.zaxxer.hikari.HikariDataSource;
import dev.vigil.datastore.Datastore;
import dev.vigil.datastore.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * Named locks over one database; closing a lock twice releases it once. On PostgreSQL a session
 * advisory lock, keyed by a hash of the current schema and the name, held on a connection of its
 * own until released (or until the process dies, which ends the session), so replicas sharing a
 * schema exclude each other. On SQLite, used by one process at a time, a lock within this JVM per
 * database and name.
 */
final class Locks {
  private static final Map<String, Semaphore> LOCAL = new ConcurrentHashMap<>();
  private static final String KEY = "hashtextextended(current_schema() || ':' || ?, 0)";

  private final DataSource dataSource;
  private final Dialect dialect;
  private final String database;

  Locks(HikariDataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.database = dataSource.getJdbcUrl();
  }

  Optional<Datastore.Lock> tryLock(String name) {
    return dialect == Dialect.POSTGRES ? advisory(name) : local(name);
  }

  private Optional<Datastore.Lock> local(String name) {
    Semaphore lock = LOCAL.computeIfAbsent(database + "\n" + name, k -> new Semaphore(1));
    if (!lock.tryAcquire()) {
      return Optional.empty();
    }
    return Optional.of(once(lock::release));
  }

  private Optional<Datastore.Lock> advisory(String name) {
    Connection connection = null;
    try {
      connection = dataSource.getConnection();
      if (!query(connection, "SELECT pg_try_advisory_lock(" + KEY + ")", name)) {
        connection.close();
        return Optional.empty();
      }
      Connection held = connection;
      return Optional.of(once(() -> release(held, name)));
    } catch (SQLException e) {
      closeQuietly(connection);
      throw new StoreException("store: cannot take the lock " + name + ": " + e.getMessage(), e);
    }
  }

  /** A lock that releases on its first close only. */
  private static Datastore.Lock once(Runnable release) {
    AtomicBoolean open = new AtomicBoolean(true);
    return () -> {
      if (open.getAndSet(false)) {
        release.run();
      }
    };
  }

  private static void release(Connection connection, String name) {
    try (connection) {
      query(connection, "SELECT pg_advisory_unlock(" + KEY + ")", name);
    } catch (SQLException e) {
      throw new StoreException("store: cannot release the lock " + name + ": " + e.getMessage(), e);
    }
  }

  private static boolean query(Connection connection, String sql, String name) throws SQLException {
    if (!connection.getAutoCommit()) {
      connection.setAutoCommit(true);
    }
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, name);
      try (ResultSet row = statement.executeQuery()) {
        return row.next() && row.getBoolean(1);
      }
    }
  }

  private static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // the lock was not taken; the pool discards a broken connection
      }
    }
  }
}
