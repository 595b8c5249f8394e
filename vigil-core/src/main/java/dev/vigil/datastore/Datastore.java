package dev.vigil.datastore;

/** Both stores over one database; closing it releases the connections. */
public interface Datastore extends VulnerabilityStore, IndexStore, AutoCloseable {

  /** Releases the database connections. */
  @Override
  void close();
}
