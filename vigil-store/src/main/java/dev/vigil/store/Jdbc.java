package dev.vigil.store;

import dev.vigil.datastore.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * Runs units of JDBC work on pooled connections, turning {@link SQLException}s into {@link
 * StoreException}s.
 *
 * <p>Thread-safe. On a single-writer database, writing transactions of this process wait for one
 * another here rather than failing on the database's lock.
 */
final class Jdbc {

  /** Work on one connection. */
  @FunctionalInterface
  interface Work<T> {
    /** Does the work; the connection is closed afterwards. */
    T run(Connection connection) throws SQLException;
  }

  private final DataSource dataSource;
  private final ReentrantLock writeLock;

  Jdbc(DataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.writeLock = dialect.singleWriter() ? new ReentrantLock(true) : null;
  }

  /** Runs read-only work in auto-commit mode; {@code what} names it in error messages. */
  <T> T read(String what, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  /**
   * Runs work in one transaction that commits when it returns and rolls back when it throws; the
   * pool restores auto-commit when the connection goes back.
   */
  <T> T write(String what, Work<T> work) {
    if (writeLock != null) {
      writeLock.lock();
    }
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollback(connection, e);
        throw e;
      }
    } catch (SQLException e) {
      throw failure(what, e);
    } finally {
      if (writeLock != null) {
        writeLock.unlock();
      }
    }
  }

  private static void rollback(Connection connection, Exception cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private static StoreException failure(String what, SQLException e) {
    SQLException cause = e.getNextException() != null ? e.getNextException() : e;
    return new StoreException("store: " + what + ": " + cause.getMessage(), e);
  }
}
