package dev.vigil.datastore;

/** The stores over one database; closing it releases the connections. */
public interface Datastore extends VulnerabilityStore, IndexStore, LegacyLayerStore, AutoCloseable {

  /** Releases the database connections. */
  @Override
  void close();
}
