package dev.vigil.store;

import dev.vigil.datastore.Datastore;
import dev.vigil.datastore.StoreException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Opens a {@link Datastore} from a location string and migrates its schema.
 *
 * <p>A location is a {@code jdbc:postgresql:} URL (user and password may be URL parameters; the
 * user defaults to the OS user, {@code currentSchema} picks and creates the schema), a {@code
 * jdbc:sqlite:} URL, or a plain filesystem path naming an SQLite file.
 */
public final class Datastores {
  private Datastores() {}

  /**
   * Opens the store at {@code location}, creating and migrating it as needed.
   *
   * @throws IllegalArgumentException when the location names no supported database
   * @throws StoreException when the database cannot be reached or migrated
   */
  public static Datastore open(String location) {
    Pools.Pool pool;
    if (location.startsWith("jdbc:postgresql:")) {
      pool = Pools.postgres(location);
    } else if (location.startsWith("jdbc:sqlite:")) {
      pool = Pools.sqlite(location);
    } else if (location.startsWith("jdbc:")) {
      throw new IllegalArgumentException(
          "store: unsupported database URL (use jdbc:postgresql: or jdbc:sqlite:)");
    } else {
      pool = Pools.sqlite("jdbc:sqlite:" + Path.of(location).toAbsolutePath());
    }
    try {
      Migrations.migrate(pool.dataSource(), pool.dialect(), pool.schema());
    } catch (RuntimeException e) {
      pool.dataSource().close();
      throw e;
    }
    return new JdbcDatastore(pool.dataSource(), pool.dialect());
  }

  /**
   * Where the embedded database lives by default: {@code $VIGIL_DB}, else {@code
   * $XDG_CACHE_HOME/vigil/vigil.db}, else {@code ~/.cache/vigil/vigil.db}.
   */
  public static Path defaultSqlitePath() {
    return defaultSqlitePath(System.getenv(), System.getProperty("user.home"));
  }

  /** {@link #defaultSqlitePath()} for a given environment and home directory. */
  static Path defaultSqlitePath(Map<String, String> env, String home) {
    String configured = env.get("VIGIL_DB");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    String cache = env.get("XDG_CACHE_HOME");
    Path cacheDir =
        cache != null && !cache.isBlank() ? Path.of(cache) : Path.of(home).resolve(".cache");
    return cacheDir.resolve("vigil").resolve("vigil.db");
  }
}
