package dev.vigil.store;

import dev.vigil.datastore.StoreException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/** Brings a database's schema up to date with the migrations in {@code db/migration}. */
final class Migrations {
  /**
   * The version of the newest migration in {@code db/migration} ({@code MigrationsTest} checks).
   */
  static final int NEWEST = 5;

  private static final String HISTORY = "flyway_schema_history";

  private Migrations() {}

  /**
   * Applies pending migrations. A schema whose history already records every bundled migration as
   * applied is left as it is without starting Flyway, whose set-up and validation would be most of
   * a short scan's start-up (docs/BENCHMARKS.md).
   *
   * @param schema the schema to migrate (created when missing), or null for the connection's own
   */
  static void migrate(DataSource dataSource, Dialect dialect, String schema) {
    if (isCurrent(dataSource, schema)) {
      return;
    }
    var config =
        Flyway.configure(Migrations.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .placeholders(dialect.placeholders());
    if (schema != null) {
      config.schemas(schema);
    }
    try {
      config.load().migrate();
    } catch (FlywayException e) {
      throw new StoreException("store: migrate schema: " + e.getMessage(), e);
    }
  }

  /**
   * True when Flyway's history in {@code schema} shows migration {@value #NEWEST} applied and no
   * migration failed; false when it does not, or holds no history yet.
   */
  static boolean isCurrent(DataSource dataSource, String schema) {
    String table = schema == null ? HISTORY : '"' + schema.replace("\"", "\"\"") + "\"." + HISTORY;
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT version, success FROM " + table + " WHERE version IS NOT NULL")) {
      int newest = 0;
      while (rows.next()) {
        if (!rows.getBoolean(2)) {
          return false;
        }
        newest = Math.max(newest, Integer.parseInt(rows.getString(1)));
      }
      return newest == NEWEST;
    } catch (SQLException | NumberFormatException e) {
      return false;
    }
  }
}
