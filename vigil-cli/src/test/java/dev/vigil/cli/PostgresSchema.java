package dev.vigil.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A throwaway schema in the test PostgreSQL (127.0.0.1:5432, database {@code test}), dropped on
 * close.
 */
final class PostgresSchema implements AutoCloseable {
  private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

  private final String name = "vigil_cli_" + UUID.randomUUID().toString().replace("-", "");

  PostgresSchema() throws SQLException {
    execute("CREATE SCHEMA " + name);
  }

  /** A JDBC URL whose connections use this schema. */
  String url() {
    return SERVER + "&currentSchema=" + name;
  }

  @Override
  public void close() throws SQLException {
    execute("DROP SCHEMA " + name + " CASCADE");
  }

  private static void execute(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(SERVER);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
