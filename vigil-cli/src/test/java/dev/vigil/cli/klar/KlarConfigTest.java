package dev.vigil.cli.klar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.registry.Credential;
import dev.vigil.registry.Platform;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** klar's environment variables, parsed as klar parses them. */
class KlarConfigTest {

  @Test
  void defaultsAreKlars() {
    KlarConfig conf = KlarConfig.fromEnvironment(Map.of("CLAIR_ADDR", "clair"), "alpine");

    assertThat(conf.clairOutput()).isEqualTo("Unknown");
    assertThat(conf.threshold()).isZero();
    assertThat(conf.format()).isEqualTo("standard");
    assertThat(conf.clairTimeoutMinutes()).isEqualTo(1);
    assertThat(conf.dockerTimeoutMinutes()).isEqualTo(1);
    assertThat(conf.credential()).isNull();
    assertThat(conf.platform()).isEqualTo(Platform.LINUX_AMD64);
    assertThat(conf.ignoreUnfixed()).isFalse();
    assertThat(conf.trace()).isFalse();
  }

  @Test
  void readsEveryVariable() {
    KlarConfig conf =
        KlarConfig.fromEnvironment(
            Map.ofEntries(
                Map.entry("CLAIR_ADDR", "clair"),
                Map.entry("CLAIR_OUTPUT", "mEDIUM"),
                Map.entry("CLAIR_THRESHOLD", "7"),
                Map.entry("CLAIR_TIMEOUT", "3"),
                Map.entry("DOCKER_TIMEOUT", "4"),
                Map.entry("DOCKER_USER", "u"),
                Map.entry("DOCKER_PASSWORD", "p"),
                Map.entry("DOCKER_INSECURE", "true"),
                Map.entry("REGISTRY_INSECURE", "1"),
                Map.entry("DOCKER_PLATFORM_OS", "linux"),
                Map.entry("DOCKER_PLATFORM_ARCH", "arm64"),
                Map.entry("FORMAT_OUTPUT", "TABLE"),
                Map.entry("WHITELIST_FILE", "w.yaml"),
                Map.entry("IGNORE_UNFIXED", "T"),
                Map.entry("KLAR_TRACE", "yes")),
            "alpine");

    assertThat(conf)
        .isEqualTo(
            new KlarConfig(
                "alpine",
                "clair",
                "Medium",
                7,
                "table",
                3,
                4,
                new Credential("u", "p"),
                true,
                true,
                new Platform("linux", "arm64", ""),
                "w.yaml",
                true,
                true));
  }

  @Test
  void jsonOutputOverridesTheFormatAndMalformedNumbersAndBooleansAreDefaults() {
    KlarConfig conf =
        KlarConfig.fromEnvironment(
            Map.of(
                "CLAIR_ADDR", "clair",
                "JSON_OUTPUT", "true",
                "FORMAT_OUTPUT", "table",
                "CLAIR_THRESHOLD", "ten",
                "DOCKER_TIMEOUT", "0",
                "IGNORE_UNFIXED", "yes"),
            "alpine");

    assertThat(conf.json()).isTrue();
    assertThat(conf.threshold()).isZero();
    assertThat(conf.dockerTimeoutMinutes()).isEqualTo(1);
    assertThat(conf.ignoreUnfixed()).isFalse();
  }

  @Test
  void dockerTokenIsBase64OfUserAndPassword() {
    KlarConfig conf =
        KlarConfig.fromEnvironment(
            Map.of("CLAIR_ADDR", "clair", "DOCKER_TOKEN", "dXNlcjpzZWNyZXQ="), "alpine");

    assertThat(conf.credential()).isEqualTo(new Credential("user", "secret"));
  }

  @Test
  void durationsPrintAsGoDoes() {
    assertThat(KlarCommand.goMinutes(1)).isEqualTo("1m0s");
    assertThat(KlarCommand.goMinutes(60)).isEqualTo("1h0m0s");
    assertThat(KlarCommand.goMinutes(125)).isEqualTo("2h5m0s");
  }
}
