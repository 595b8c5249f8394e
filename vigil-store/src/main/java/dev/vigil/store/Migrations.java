package dev.vigil.store;

import dev.vigil.datastore.StoreException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/** Brings a database's schema up to date with the migrations in {@code db/migration}. */
final class Migrations {
  private Migrations() {}

  /**
   * Applies pending migrations.
   *
   * @param schema the schema to migrate (created when missing), or null for the connection's own
   */
  static void migrate(DataSource dataSource, Dialect dialect, String schema) {
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
}
