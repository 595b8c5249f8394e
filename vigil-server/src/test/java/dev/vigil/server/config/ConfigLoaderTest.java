package dev.vigil.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.ecosystem.Defaults;
import dev.vigil.spi.UpdaterFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path tmp;

  @Test
  void noConfigAtAllGivesClairsDefaultsOnTheEmbeddedStore() {
    ServerConfig config = ConfigLoader.load(Mode.COMBO, null, Map.of());
    assertThat(config.httpListenAddr()).isEqualTo(":6060");
    assertThat(config.introspectionAddr()).isEqualTo(":8089");
    assertThat(config.indexer().store()).endsWith("vigil.db");
    assertThat(config.matcher().store()).isEqualTo(config.indexer().store());
    assertThat(config.matcher().period()).isEqualTo(Duration.ofHours(6));
    assertThat(config.matcher().cacheAge()).isEqualTo(Duration.ofHours(6));
    assertThat(config.matcher().updateRetention()).isEqualTo(10);
    assertThat(config.psk()).isEmpty();
    assertThat(config.warnings()).isEmpty();
  }

  @Test
  void readsTheSharedServerKeysOfTheIndexer() throws Exception {
    ServerConfig defaults = ConfigLoader.load(Mode.INDEXER, null, Map.of());
    assertThat(defaults.indexer().maxRuns())
        .isEqualTo(2 * Runtime.getRuntime().availableProcessors());
    assertThat(defaults.indexer().denyPrivate()).isFalse();
    assertThat(defaults.indexer().allowedNetworks()).isEmpty();
    assertThat(defaults.indexer().uploadMaxBytes()).isEqualTo(8L << 30);

    ServerConfig config =
        load(
            Mode.INDEXER,
            """
            indexer:
              index_report_request_concurrency: -1
              deny_private: true
              allowed_networks: [10.20.0.0/16, "fd00::/8"]
              upload_max_bytes: 1048576
            """,
            Map.of());
    assertThat(config.indexer().maxRuns()).isNegative();
    assertThat(config.indexer().denyPrivate()).isTrue();
    assertThat(config.indexer().allowedNetworks())
        .extracting(Object::toString)
        .containsExactly("10.20.0.0/16", "fd00:0:0:0:0:0:0:0/8");
    assertThat(config.indexer().uploadMaxBytes()).isEqualTo(1_048_576);
    assertThat(config.warnings()).isEmpty();

    assertThatThrownBy(
            () ->
                load(Mode.INDEXER, "indexer:\n  allowed_networks: [registry.internal]\n", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("indexer.allowed_networks")
        .hasMessageContaining("not an address or CIDR range");
    assertThatThrownBy(() -> load(Mode.INDEXER, "indexer:\n  upload_max_bytes: 0\n", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("indexer.upload_max_bytes must be positive");
  }

  @Test
  void readsClairKeysAndWarnsAboutTheOnesItDoesNotUse() throws Exception {
    String key = Base64.getEncoder().encodeToString(new byte[32]);
    ServerConfig config =
        load(
            Mode.MATCHER,
            """
            http_listen_addr: 127.0.0.1:7060
            introspection_addr: ":9089"
            log_level: debug
            indexer:
              connstring: host=db dbname=clair user=clair
              scanlock_retry: 10
            matcher:
              connstring: postgres://clair@db/clair
              indexer_addr: http://indexer:6060
              period: 1h30m
              disable_updaters: true
              update_retention: 4
            updaters:
              sets: [alpine]
              config:
                alpine:
                  url: http://mirror.internal/secdb
            auth:
              psk:
                key: %s
                iss: [quay, clairctl]
            """
                .formatted(key),
            Map.of());
    assertThat(config.mode()).isEqualTo(Mode.MATCHER);
    assertThat(ListenAddress.parse(config.httpListenAddr()))
        .isEqualTo(new ListenAddress("127.0.0.1", 7060));
    assertThat(config.indexer().store()).isEqualTo("jdbc:postgresql://db/clair?user=clair");
    assertThat(config.matcher().store()).isEqualTo("jdbc:postgresql://db/clair?user=clair");
    assertThat(config.matcher().indexerAddr()).isEqualTo(URI.create("http://indexer:6060/"));
    assertThat(config.matcher().period()).isEqualTo(Duration.ofMinutes(90));
    assertThat(config.matcher().disableUpdaters()).isTrue();
    assertThat(config.matcher().updateRetention()).isEqualTo(4);
    assertThat(config.updaters().sets()).containsExactly("alpine");
    assertThat(config.updaters().sources())
        .containsEntry("alpine", URI.create("http://mirror.internal/secdb/"));
    assertThat(config.psk().orElseThrow().issuers()).containsExactly("quay", "clairctl");
    assertThat(config.warnings())
        .containsExactly(
            "config: log_level is a Clair setting that Vigil does not use",
            "config: indexer.scanlock_retry is a Clair setting that Vigil does not use");
  }

  @Test
  void environmentVariablesOverrideTheFile() throws Exception {
    ServerConfig config =
        load(
            Mode.COMBO,
            "matcher:\n  period: 6h\n",
            Map.of(
                "VIGIL_MATCHER_PERIOD", "30m",
                "VIGIL_HTTP_LISTEN_ADDR", ":7777",
                "VIGIL_UPDATERS_SETS", "alpine",
                "VIGIL_AUTH_PSK_KEY", Base64.getEncoder().encodeToString(new byte[40]),
                "VIGIL_AUTH_PSK_ISS", "a, b"));
    assertThat(config.matcher().period()).isEqualTo(Duration.ofMinutes(30));
    assertThat(config.httpListenAddr()).isEqualTo(":7777");
    assertThat(config.updaters().sets()).containsExactly("alpine");
    assertThat(config.psk().orElseThrow().issuers()).containsExactly("a", "b");
  }

  @Test
  void invalidSettingsAreNamedInTheMessage() {
    assertError(
        Mode.COMBO,
        "matcher:\n  period: soon\n",
        "config: matcher.period: 'soon' is not a duration such as 30m, 6h or 1h30m");
    assertError(
        Mode.COMBO,
        "http_listen_addr: 6060\n",
        "config: http_listen_addr: '6060' is not an address such as :6060 or 127.0.0.1:6060");
    assertError(Mode.COMBO, "indexr: {}\n", "config: unknown key indexr");
    assertError(
        Mode.MATCHER,
        "matcher: {}\n",
        "config: matcher.indexer_addr is required in matcher mode (the indexer's URL)");
    assertError(
        Mode.COMBO,
        "updaters:\n  sets: [nope]\n",
        "config: updaters.sets: unknown updater 'nope' (known: "
            + Defaults.updaterFactories().stream()
                .map(UpdaterFactory::name)
                .collect(Collectors.joining(", "))
            + ")");
    assertError(
        Mode.COMBO,
        "auth:\n  psk:\n    key: '%%%'\n    iss: [x]\n",
        "config: auth.psk.key is not valid base64");
    assertError(
        Mode.COMBO,
        "auth:\n  psk:\n    key: c2hvcnQ=\n    iss: [x]\n",
        "config: auth.psk.key must decode to at least 32 bytes for HS256");
    assertError(
        Mode.COMBO,
        "matcher:\n  disable_updaters: maybe\n",
        "config: matcher.disable_updaters: 'maybe' is not true or false");
    assertError(
        Mode.NOTIFIER,
        "",
        "config: notifier mode needs a deliverer: notifier.webhook, notifier.amqp or"
            + " notifier.stomp");
    assertError(
        Mode.COMBO,
        "notifier:\n  webhook:\n    target: http://127.0.0.1:1/\n    callback: http://x/\n"
            + "    signed: true\n",
        "config: notifier.webhook.signed needs auth.psk, whose key signs the webhook");
  }

  @Test
  void theExampleConfigurationLoads() {
    Path example = Path.of("..", "examples", "vigil.yaml");
    ServerConfig config = ConfigLoader.load(Mode.COMBO, example, Map.of());
    assertThat(config.indexer().store())
        .isEqualTo("jdbc:postgresql://127.0.0.1:5432/vigil?user=vigil&sslmode=disable");
    assertThat(config.matcher().store())
        .isEqualTo("jdbc:postgresql://127.0.0.1:5432/vigil?user=vigil&sslmode=disable");
    assertThat(config.updaters().sets()).containsExactly("alpine");
    assertThat(config.warnings()).isEmpty();
  }

  @Test
  void unreadableYamlIsReported() throws Exception {
    Path file = tmp.resolve("broken.yaml");
    Files.writeString(file, "matcher: [unclosed\n");
    assertThatThrownBy(() -> ConfigLoader.load(Mode.COMBO, file, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("config: cannot read " + file);
  }

  @Test
  void modesParseCaseInsensitively() {
    assertThat(Mode.parse("Indexer")).isEqualTo(Mode.INDEXER);
    assertThatThrownBy(() -> Mode.parse("all"))
        .hasMessage("config: unknown mode 'all' (use combo, indexer, matcher or notifier)");
  }

  @Test
  void goDurationsReadAsClairWritesThem() {
    assertThat(GoDurations.parse("k", "1h30m10s")).isEqualTo(Duration.ofSeconds(5410));
    assertThat(GoDurations.parse("k", "1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(GoDurations.parse("k", "250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(List.of("", "5", "h", "5x"))
        .allSatisfy(
            text ->
                assertThatThrownBy(() -> GoDurations.parse("k", text))
                    .isInstanceOf(ConfigException.class));
  }

  private ServerConfig load(Mode mode, String yaml, Map<String, String> env) throws Exception {
    Path file = Files.createTempFile(tmp, "vigil", ".yaml");
    Files.writeString(file, yaml);
    return ConfigLoader.load(mode, file, env);
  }

  private void assertError(Mode mode, String yaml, String message) {
    assertThatThrownBy(() -> load(mode, yaml, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(message);
  }
}
