package dev.vigil.server;

import dev.vigil.datastore.Datastore;
import dev.vigil.store.Datastores;
import java.util.LinkedHashMap;
import java.util.Map;

/** The datastores a server opened, one per distinct location, closed together. */
final class Stores implements AutoCloseable {
  private final Map<String, Datastore> open = new LinkedHashMap<>();

  /** The store at {@code location}, opened (and migrated) on first use. */
  Datastore at(String location) {
    return open.computeIfAbsent(location, Datastores::open);
  }

  @Override
  public void close() {
    open.values().forEach(Datastore::close);
    open.clear();
  }
}
