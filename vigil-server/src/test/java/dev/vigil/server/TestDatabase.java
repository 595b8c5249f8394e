package dev.vigil.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A throwaway schema in the test PostgreSQL (127.0.0.1:5432, database {@code test}, user {@code
 * postgres}), dropped on close.
 */
final class TestDatabase implements AutoCloseable {
  private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

  private final String schema = "vigil_server_" + UUID.randomUUID().toString().replace("-", "");

  TestDatabase() throws SQLException {
    execute("CREATE SCHEMA " + schema);
  }

  /** A JDBC URL whose connections use this schema. */
  String jdbcUrl() {
    return SERVER + "&currentSchema=" + schema;
  }

  /** The same database as a {@code postgres://} URL, as Clair's connstring takes it. */
  String postgresUrl() {
    return "postgres://postgres@127.0.0.1:5432/test?currentSchema=" + schema;
  }

  @Override
  public void close() throws SQLException {
    execute("DROP SCHEMA " + schema + " CASCADE");
  }

  private static void execute(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(SERVER);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
