package dev.vigil.cli;

import dev.vigil.cli.options.DurationConverter;
import dev.vigil.progress.ProgressListener;
import dev.vigil.registry.Credential;
import dev.vigil.registry.Platform;
import dev.vigil.registry.RegistrySettings;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The options of commands that pull images from registries: platform, credentials, plain HTTP and
 * TLS, timeout, and the layer cache. Credentials and insecure mode default from the environment
 * ({@code VIGIL_USERNAME}, {@code VIGIL_PASSWORD}, klar's {@code REGISTRY_INSECURE}).
 */
final class RegistryOptions {

  @Option(
      names = "--platform",
      paramLabel = "OS/ARCH[/VARIANT]",
      defaultValue = "linux/amd64",
      description = "The image to pick from a multi-platform image (default: ${DEFAULT-VALUE}).")
  String platform;

  @Option(
      names = "--username",
      paramLabel = "USER",
      defaultValue = "${env:VIGIL_USERNAME}",
      description = "Registry user name (default: $VIGIL_USERNAME, else ~/.docker/config.json).")
  String username;

  @Option(
      names = "--password",
      paramLabel = "PASSWORD",
      defaultValue = "${env:VIGIL_PASSWORD}",
      description = "Registry password or token (default: $VIGIL_PASSWORD).")
  String password;

  @Option(
      names = "--insecure-registry",
      defaultValue = "${env:REGISTRY_INSECURE:-false}",
      description =
          "Allow plain HTTP when HTTPS fails (always allowed for localhost and 127.0.0.1;"
              + " default: $REGISTRY_INSECURE).")
  boolean insecure;

  @Option(
      names = "--ca-cert",
      paramLabel = "FILE",
      description = "Trust the CA certificates of this PEM file too.")
  Path caCertificate;

  @Option(
      names = "--tls-no-verify",
      description = "Do not verify registry TLS certificates (unsafe; only when asked).")
  boolean tlsNoVerify;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "30s",
      converter = DurationConverter.class,
      description =
          "Connect timeout, and the longest wait for a response or for more bytes of a body"
              + " (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(
      names = "--cache-dir",
      paramLabel = "DIR",
      description =
          "Layer cache (default: $VIGIL_CACHE_DIR, else $XDG_CACHE_HOME/vigil/layers, else"
              + " ~/.cache/vigil/layers).")
  Path cacheDirectory;

  @Option(
      names = "--cache-max-size",
      paramLabel = "SIZE",
      defaultValue = "10G",
      converter = ByteSizeConverter.class,
      description =
          "Trim the layer cache to this size, least recently used first (default: ${DEFAULT-VALUE}).")
  long cacheMaxBytes;

  /** The connect and read timeout. */
  Duration timeout() {
    return timeout;
  }

  /** The requested platform. */
  Platform platform() {
    return Platform.parse(platform);
  }

  /**
   * The registry settings: these options over the environment's defaults.
   *
   * @throws IllegalArgumentException when only one of user name and password is given
   */
  RegistrySettings settings() {
    return settings(ProgressListener.NONE);
  }

  /**
   * The registry settings with {@code progress} hearing the downloads.
   *
   * @throws IllegalArgumentException when only one of user name and password is given
   */
  RegistrySettings settings(ProgressListener progress) {
    boolean hasUser = username != null && !username.isEmpty();
    boolean hasPassword = password != null && !password.isEmpty();
    if (hasUser != hasPassword) {
      throw new IllegalArgumentException(
          "registry: --username and --password (or VIGIL_USERNAME and VIGIL_PASSWORD) go together");
    }
    RegistrySettings.Builder settings =
        RegistrySettings.fromEnvironment(System.getenv())
            .timeout(timeout)
            .insecure(insecure)
            .caCertificate(caCertificate)
            .tlsVerify(!tlsNoVerify)
            .cacheMaxBytes(cacheMaxBytes)
            .credential(hasUser ? new Credential(username, password) : null)
            .progress(progress);
    if (cacheDirectory != null) {
      settings.cacheDirectory(cacheDirectory);
    }
    return settings.build();
  }
}
