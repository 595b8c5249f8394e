package dev.vigil.datastore;

import java.util.Optional;

/** The stores over one database; closing it releases the connections. */
public interface Datastore
    extends VulnerabilityStore, IndexStore, LegacyLayerStore, NotificationStore, AutoCloseable {

  /**
   * The size of the database in bytes, as the database reports it: the SQLite file's pages, or the
   * whole PostgreSQL database.
   */
  long sizeBytes();

  /**
   * Takes the lock {@code name} unless another holder has it, in this process or in any other on
   * the same database: a PostgreSQL session advisory lock (scoped to the schema), or for SQLite,
   * which one process uses at a time, a lock within this process.
   *
   * @return the held lock, released by closing it; empty when another holder has it
   */
  Optional<Lock> tryLock(String name);

  /** A held lock, released by closing it. */
  interface Lock extends AutoCloseable {
    /** Releases the lock. */
    @Override
    void close();
  }

  /** Releases the database connections. */
  @Override
  void close();
}
