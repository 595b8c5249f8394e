package dev.vigil.store;

import dev.vigil.datastore.Datastore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on an SQLite file in a fresh directory. */
class SqliteDatastoreTest extends ServerDataContract {
  @TempDir Path dir;

  @Override
  Datastore open() {
    return Datastores.open(file().toString());
  }

  @Override
  Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + file());
  }

  private Path file() {
    return dir.resolve("nested/vigil.db");
  }
}
