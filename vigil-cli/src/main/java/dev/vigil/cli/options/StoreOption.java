package dev.vigil.cli.options;

import dev.vigil.datastore.Datastore;
import dev.vigil.store.Datastores;
import picocli.CommandLine.Option;

/** The {@code --db} option shared by the commands that use the vulnerability store. */
public final class StoreOption {

  @Option(
      names = "--db",
      paramLabel = "DB",
      description =
          "Vulnerability store: an SQLite file path or a jdbc:postgresql: URL"
              + " (default: $VIGIL_DB, else the embedded SQLite file in the user's cache).")
  String location;

  /** The location the user chose, or the default SQLite file: what {@link #open} opens. */
  public String location() {
    return location != null ? location : Datastores.defaultSqlitePath().toString();
  }

  /** Opens the chosen store, running its migrations. */
  public Datastore open() {
    return Datastores.open(location());
  }

  /** Starts opening the chosen store on a thread of its own; see {@link StoreOpening}. */
  public StoreOpening openInBackground() {
    String chosen = location();
    return new StoreOpening(() -> Datastores.open(chosen));
  }
}
