package dev.vigil.datastore;

/** The stores over one database; closing it releases the connections. */
public interface Datastore extends VulnerabilityStore, IndexStore, LegacyLayerStore, AutoCloseable {

  /**
   * The size of the database in bytes, as the database reports it: the SQLite file's pages, or the
   * whole PostgreSQL database.
   */
  long sizeBytes();

  /** Releases the database connections. */
  @Override
  void close();
}
