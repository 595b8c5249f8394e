package dev.vigil.cli;

import dev.vigil.datastore.Datastore;
import dev.vigil.store.Datastores;
import picocli.CommandLine.Option;

/** The {@code --db} option shared by the commands that use the vulnerability store. */
final class StoreOption {

  @Option(
      names = "--db",
      paramLabel = "DB",
      description =
          "Vulnerability store: an SQLite file path or a jdbc:postgresql: URL"
              + " (default: $VIGIL_DB, else the embedded SQLite file in the user's cache).")
  String location;

  /** Opens the chosen store, running its migrations. */
  Datastore open() {
    return Datastores.open(location != null ? location : Datastores.defaultSqlitePath().toString());
  }
}
