package dev.vigil.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.vigil.datastore.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.postgresql.Driver;

/** Connection pools for the two databases, configured for how the store uses them. */
final class Pools {
  /** The SQLite pragmas every connection gets unless the URL sets them. */
  private static final Map<String, String> SQLITE_PRAGMAS =
      Map.of("foreign_keys", "on", "journal_mode", "WAL", "busy_timeout", "5000");

  /** The pgjdbc settings every connection gets unless the URL sets them. */
  private static final Map<String, String> POSTGRES_SETTINGS =
      Map.of(
          "connectTimeout", "5",
          "socketTimeout", "600",
          "reWriteBatchedInserts", "true",
          "ApplicationName", "vigil",
          // pgjdbc prepares a statement on the server after five runs, and PostgreSQL may then
          // plan it once for any parameters: for the candidate query's long IN lists that generic
          // plan was four times slower than the plan for the values at hand; and compiling the
          // candidate query (JIT) took fifteen times longer than running it (docs/BENCHMARKS.md)
          "options", "-c plan_cache_mode=force_custom_plan -c jit=off");

  private static final int SQLITE_POOL_SIZE = 4;
  private static final long POSTGRES_CONNECTION_TIMEOUT_MILLIS = 5_000;
  private static final int POSTGRES_MIN_IDLE = 2;

  /** An open pool and what the store needs to know about its database. */
  record Pool(HikariDataSource dataSource, Dialect dialect, String schema) {}

  private Pools() {}

  /**
   * A pool over an SQLite file, created with its parent directories when missing.
   *
   * @param url a {@code jdbc:sqlite:} URL naming a file
   */
  static Pool sqlite(String url) {
    int query = url.indexOf('?');
    String file = url.substring("jdbc:sqlite:".length(), query < 0 ? url.length() : query);
    Map<String, String> params = new LinkedHashMap<>(SQLITE_PRAGMAS);
    if (query >= 0) {
      for (String param : url.substring(query + 1).split("&")) {
        int eq = param.indexOf('=');
        params.put(eq < 0 ? param : param.substring(0, eq), eq < 0 ? "" : param.substring(eq + 1));
      }
    }
    if (file.isEmpty() || file.contains(":memory:") || "memory".equals(params.get("mode"))) {
      throw new IllegalArgumentException(
          "store: in-memory SQLite is not supported (each pooled connection would see its own"
              + " database); name a file");
    }
    Path path = Path.of(file.startsWith("file:") ? file.substring("file:".length()) : file);
    try {
      Path parent = path.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new StoreException("store: create the directory of " + path + ": " + e, e);
    }
    StringBuilder full = new StringBuilder("jdbc:sqlite:").append(file);
    String separator = "?";
    for (Map.Entry<String, String> param : params.entrySet()) {
      full.append(separator).append(param.getKey()).append('=').append(param.getValue());
      separator = "&";
    }
    HikariConfig config = new HikariConfig();
    config.setPoolName("vigil-sqlite");
    config.setDriverClassName("org.sqlite.JDBC");
    config.setJdbcUrl(full.toString());
    config.setMaximumPoolSize(SQLITE_POOL_SIZE);
    return new Pool(start(config, "SQLite database " + path), Dialect.SQLITE, null);
  }

  /**
   * A pool over a PostgreSQL database; the user defaults to the OS user (else {@code postgres}).
   *
   * @param url a {@code jdbc:postgresql:} URL, possibly with {@code user}, {@code password} and
   *     {@code currentSchema} parameters
   */
  static Pool postgres(String url) {
    Properties parsed = Driver.parseURL(url, null);
    if (parsed == null) {
      throw new IllegalArgumentException("store: malformed PostgreSQL URL");
    }
    HikariConfig config = new HikariConfig();
    config.setPoolName("vigil-postgres");
    config.setDriverClassName("org.postgresql.Driver");
    config.setJdbcUrl(url);
    config.setConnectionTimeout(POSTGRES_CONNECTION_TIMEOUT_MILLIS);
    config.setMinimumIdle(POSTGRES_MIN_IDLE);
    POSTGRES_SETTINGS.forEach(config::addDataSourceProperty);
    if (parsed.getProperty("user") == null) {
      config.setUsername(defaultUser());
    }
    String where =
        "PostgreSQL at "
            + parsed.getProperty("PGHOST")
            + ":"
            + parsed.getProperty("PGPORT")
            + "/"
            + parsed.getProperty("PGDBNAME");
    String schemas = parsed.getProperty("currentSchema");
    String schema = schemas == null || schemas.isBlank() ? null : schemas.split(",")[0].trim();
    return new Pool(start(config, where), Dialect.POSTGRES, schema);
  }

  private static String defaultUser() {
    String user = System.getProperty("user.name");
    return user == null || user.isBlank() ? "postgres" : user;
  }

  private static HikariDataSource start(HikariConfig config, String where) {
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new StoreException("store: cannot connect to " + where + ": " + cause.getMessage(), e);
    }
  }
}
