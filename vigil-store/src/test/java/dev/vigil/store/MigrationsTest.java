package dev.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.datastore.Datastore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When opening a store starts Flyway, and when it can tell the schema is already current. */
class MigrationsTest {
  private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
  private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.*\\.sql");

  @TempDir Path dir;

  @Test
  void newestIsTheHighestBundledMigration() throws Exception {
    Path migrations = Path.of(Migrations.class.getResource("/db/migration").toURI());
    try (Stream<Path> files = Files.list(migrations)) {
      int highest =
          files
              .map(f -> VERSIONED.matcher(f.getFileName().toString()))
              .filter(Matcher::matches)
              .mapToInt(m -> Integer.parseInt(m.group(1)))
              .max()
              .orElseThrow();
      assertThat(Migrations.NEWEST).isEqualTo(highest);
    }
  }

  @Test
  void anSqliteStoreIsCurrentOnceMigratedAndNotAfterAFailedMigration() throws SQLException {
    Path file = dir.resolve("vigil.db");
    Pools.Pool pool = Pools.sqlite("jdbc:sqlite:" + file);
    try (var dataSource = pool.dataSource()) {
      assertThat(Migrations.isCurrent(dataSource, null)).as("no history yet").isFalse();
      Migrations.migrate(dataSource, pool.dialect(), null);
      assertThat(Migrations.isCurrent(dataSource, null)).isTrue();
      try (Connection c = dataSource.getConnection();
          Statement s = c.createStatement()) {
        s.execute("UPDATE flyway_schema_history SET success = 0 WHERE version = '3'");
      }
      assertThat(Migrations.isCurrent(dataSource, null)).as("a failed migration").isFalse();
    }
  }

  @Test
  void anOlderSchemaIsMigratedAndItsDataKept() throws SQLException {
    Path file = dir.resolve("vigil.db");
    Pools.Pool pool = Pools.sqlite("jdbc:sqlite:" + file);
    try (var dataSource = pool.dataSource()) {
      Migrations.migrate(dataSource, pool.dialect(), null);
    }
    try (Datastore store = Datastores.open(file.toString())) {
      store.updateVulnerabilities("alpine", "etag", AlpineSecDb.main("3.10"));
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("DELETE FROM flyway_schema_history WHERE version = '" + Migrations.NEWEST + "'");
      s.execute("DROP TABLE notification");
      s.execute("DROP TABLE notification_set");
    }
    try (Datastore store = Datastores.open(file.toString())) {
      assertThat(store.latestUpdateOperation("alpine")).as("data kept").isPresent();
    }
    Pools.Pool reopened = Pools.sqlite("jdbc:sqlite:" + file);
    try (var dataSource = reopened.dataSource()) {
      assertThat(Migrations.isCurrent(dataSource, null))
          .as("the newest migration re-applied")
          .isTrue();
    }
  }

  @Test
  void aPostgresSchemaIsCurrentOnceMigrated() throws SQLException {
    String schema = "vigil_test_" + UUID.randomUUID().toString().replace("-", "");
    Pools.Pool pool = Pools.postgres(SERVER + "&currentSchema=" + schema);
    try (var dataSource = pool.dataSource()) {
      assertThat(Migrations.isCurrent(dataSource, schema)).isFalse();
      Migrations.migrate(dataSource, pool.dialect(), schema);
      assertThat(Migrations.isCurrent(dataSource, schema)).isTrue();
    } finally {
      try (Connection c = DriverManager.getConnection(SERVER);
          Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
  }
}
