package dev.vigil.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A throwaway schema in the test PostgreSQL (127.0.0.1:5432, database {@code test}, user {@code
 * postgres}), dropped on close. The PostgreSQL driver must be on the test classpath.
 */
public final class PostgresSchema implements AutoCloseable {
  private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

  private final String name = "vigil_test_" + UUID.randomUUID().toString().replace("-", "");

  /** Creates the schema. */
  public PostgresSchema() throws SQLException {
    execute("CREATE SCHEMA " + name);
  }

  /** A JDBC URL whose connections use this schema. */
  public String url() {
    return SERVER + "&currentSchema=" + name;
  }

  /** The same database as a {@code postgres://} URL, as Clair's connstring takes it. */
  public String postgresUrl() {
    return "postgres://postgres@127.0.0.1:5432/test?currentSchema=" + name;
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
