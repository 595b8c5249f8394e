package dev.vigil.store;

import com.zaxxer.hikari.HikariDataSource;
import dev.vigil.datastore.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs units of JDBC work on pooled connections, turning {@link SQLException}s into {@link
 * StoreException}s.
 *
 * <p>Thread-safe. On a single-writer database, writing transactions of this process wait for one
 * another here rather than failing on the database's lock. When a connection fails (SQLSTATE class
 * 08: the database restarted, a failover), every pooled connection is retired, since they share the
 * failure, and read-only work is run once more on a new one; writes are not repeated, as a lost
 * commit may still have happened.
 */
final class Jdbc {

  /** Work on one connection. */
  @FunctionalInterface
  interface Work<T> {
    /** Does the work; the connection is closed afterwards. */
    T run(Connection connection) throws SQLException;
  }

  private static final String CONNECTION_FAILURE = "08";

  private final HikariDataSource dataSource;
  private final ReentrantLock writeLock;

  Jdbc(HikariDataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.writeLock = dialect.singleWriter() ? new ReentrantLock(true) : null;
  }

  /** Runs read-only work in auto-commit mode; {@code what} names it in error messages. */
  <T> T read(String what, Work<T> work) {
    try {
      return once(work);
    } catch (SQLException e) {
      // no connection at all (the pool's wait ran out): waiting again would only double the wait
      if (e instanceof SQLTransientConnectionException || !retireOnConnectionFailure(e)) {
        throw failure(what, e);
      }
    }
    try {
      return once(work);
    } catch (SQLException e) {
      retireOnConnectionFailure(e);
      throw failure(what, e);
    }
  }

  private <T> T once(Work<T> work) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return work.run(connection);
    }
  }

  /** Retires the pool's connections when {@code e} is a connection failure; says whether it was. */
  private boolean retireOnConnectionFailure(SQLException e) {
    String state = e.getSQLState();
    if (state == null || !state.startsWith(CONNECTION_FAILURE)) {
      return false;
    }
    var pool = dataSource.getHikariPoolMXBean();
    if (pool != null) {
      pool.softEvictConnections();
    }
    return true;
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
      retireOnConnectionFailure(e);
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
