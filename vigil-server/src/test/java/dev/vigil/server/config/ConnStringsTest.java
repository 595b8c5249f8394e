package dev.vigil.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConnStringsTest {

  @Test
  void jdbcUrlsPassThrough() {
    String url = "jdbc:postgresql://db:5432/clair?user=clair";
    assertThat(ConnStrings.toLocation("k", url)).isEqualTo(url);
  }

  @Test
  void postgresUrlsBecomeJdbcUrls() {
    assertThat(
            ConnStrings.toLocation(
                "k", "postgres://clair:p%40ss@db.example:5433/clair?sslmode=verify-full"))
        .isEqualTo(
            "jdbc:postgresql://db.example:5433/clair?user=clair&password=p%40ss&sslmode=verify-full");
    assertThat(ConnStrings.toLocation("k", "postgresql://127.0.0.1/test"))
        .isEqualTo("jdbc:postgresql://127.0.0.1/test");
  }

  @Test
  void libpqPairsBecomeJdbcUrls() {
    assertThat(
            ConnStrings.toLocation(
                "k",
                "host=db port=5432 dbname=clair user=clair password='it''s' sslmode=disable"
                    .replace("''", "\\'")))
        .isEqualTo("jdbc:postgresql://db:5432/clair?user=clair&password=it%27s&sslmode=disable");
    assertThat(ConnStrings.toLocation("k", "dbname=test user=postgres"))
        .isEqualTo("jdbc:postgresql://localhost/test?user=postgres");
  }

  @Test
  void unknownLibpqKeysAreRefusedByName() {
    assertThatThrownBy(() -> ConnStrings.toLocation("matcher.connstring", "host=db pool_max=3"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("config: matcher.connstring: unsupported connection parameter 'pool_max'");
  }

  @Test
  void anythingElseIsAnSqlitePath() {
    assertThat(ConnStrings.toLocation("k", "/var/lib/vigil/vigil.db"))
        .isEqualTo("/var/lib/vigil/vigil.db");
  }
}
