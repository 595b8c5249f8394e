package dev.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.vigil.datastore.Datastore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The store contract on the PostgreSQL server at 127.0.0.1:5432 (database {@code test}, user {@code
 * postgres}), each test in a schema of its own that is dropped afterwards.
 */
class PostgresDatastoreTest extends ServerDataContract {
  private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

  private final String schema = "vigil_test_" + UUID.randomUUID().toString().replace("-", "");

  @Override
  Datastore open() throws SQLException {
    execute("CREATE SCHEMA " + schema);
    return Datastores.open(SERVER + "&currentSchema=" + schema);
  }

  @Override
  Connection connect() throws SQLException {
    return DriverManager.getConnection(SERVER + "&currentSchema=" + schema);
  }

  @Override
  void discard() throws SQLException {
    execute("DROP SCHEMA " + schema + " CASCADE");
  }

  @Test
  void anotherProcessOnTheSchemaCannotTakeAHeldLock() throws Exception {
    try (Datastore.Lock held = store().tryLock("updater alpine").orElseThrow();
        Datastore replica = Datastores.open(SERVER + "&currentSchema=" + schema)) {
      assertThat(replica.tryLock("updater alpine")).isEmpty();
      held.close();
      replica.tryLock("updater alpine").orElseThrow().close();
    }
  }

  private static void execute(String sql) throws SQLException {
    Connection connection = null;
    try {
      connection = DriverManager.getConnection(SERVER);
    } catch (SQLException e) {
      fail("PostgreSQL must run at 127.0.0.1:5432 with database test and user postgres: " + e, e);
    }
    try (Connection c = connection;
        Statement statement = c.createStatement()) {
      statement.execute(sql);
    }
  }
}
