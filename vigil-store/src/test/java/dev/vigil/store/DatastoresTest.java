package dev.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.datastore.Datastore;
import dev.vigil.datastore.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How locations turn into stores, and how opening fails. */
class DatastoresTest {
  private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

  @TempDir Path dir;

  @Test
  void defaultSqlitePathFollowsTheEnvironment() {
    assertThat(Datastores.defaultSqlitePath(Map.of("VIGIL_DB", "/data/v.db"), "/home/u"))
        .isEqualTo(Path.of("/data/v.db"));
    assertThat(Datastores.defaultSqlitePath(Map.of("XDG_CACHE_HOME", "/xdg"), "/home/u"))
        .isEqualTo(Path.of("/xdg/vigil/vigil.db"));
    assertThat(Datastores.defaultSqlitePath(Map.of("VIGIL_DB", " "), "/home/u"))
        .isEqualTo(Path.of("/home/u/.cache/vigil/vigil.db"));
  }

  @Test
  void plainPathAndSqliteUrlOpenTheSameMigratedFile() throws SQLException {
    Path file = dir.resolve("a/b/vigil.db");
    try (Datastore store = Datastores.open(file.toString())) {
      store.updateVulnerabilities("alpine", "etag", AlpineSecDb.main("3.10"));
    }
    try (Datastore store = Datastores.open("jdbc:sqlite:" + file + "?busy_timeout=1000")) {
      assertThat(store.latestUpdateOperation("alpine")).isPresent();
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("wal");
    }
  }

  @Test
  void postgresSchemaIsCreatedWhenMissing() throws SQLException {
    String schema = "vigil_test_" + UUID.randomUUID().toString().replace("-", "");
    try (Datastore store = Datastores.open(SERVER + "&currentSchema=" + schema)) {
      assertThat(store.updateOperations()).isEmpty();
    } finally {
      try (Connection c = DriverManager.getConnection(SERVER);
          Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
  }

  @Test
  void postgresConnectionsPlanEachCandidateQueryForItsValues() throws SQLException {
    try (var dataSource = Pools.postgres(SERVER).dataSource();
        Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT current_setting('plan_cache_mode'), current_setting('jit')")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("force_custom_plan");
      assertThat(rs.getString(2)).isEqualTo("off");
    }
  }

  @Test
  void unreachablePostgresFailsClearly() {
    assertThatThrownBy(() -> Datastores.open("jdbc:postgresql://127.0.0.1:1/vigil?password=s3cret"))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("store: cannot connect to PostgreSQL at 127.0.0.1:1/vigil: ")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void unsupportedLocationsAreRejected() {
    for (String location : List.of("jdbc:mysql://db/vigil", "jdbc:sqlite::memory:")) {
      assertThatThrownBy(() -> Datastores.open(location))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("store: ");
    }
  }
}
