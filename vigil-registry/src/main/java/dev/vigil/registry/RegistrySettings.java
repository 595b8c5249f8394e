package dev.vigil.registry;

import dev.vigil.progress.ProgressListener;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a {@link RegistryClient} connects, authenticates and caches. Immutable; build one with {@link
 * #builder()} or start from the environment with {@link #fromEnvironment(Map)}.
 *
 * @param timeout the connect timeout, and the longest wait for a response's headers or for the next
 *     bytes of a body
 * @param insecure whether plain HTTP may be used when HTTPS fails, for any registry (loopback
 *     registries always may)
 * @param caCertificate a PEM file of CA certificates to trust in addition to the JVM's, or null
 * @param tlsVerify whether TLS certificates and host names are verified
 * @param credential the credential to use for every registry, or null to look in Docker's config
 * @param dockerConfig Docker's {@code config.json}, or null to use none
 * @param helperPath the directories searched for {@code docker-credential-*} helpers
 * @param cacheDirectory the layer cache directory
 * @param cacheMaxBytes the size the layer cache is trimmed to
 * @param parallelDownloads how many blobs are downloaded at once
 * @param maxAttempts how many times a request is tried when it fails in a way worth retrying
 * @param backoff the first retry delay, doubled for each further attempt
 * @param progress hears the bytes of each blob download
 */
public record RegistrySettings(
    Duration timeout,
    boolean insecure,
    Path caCertificate,
    boolean tlsVerify,
    Credential credential,
    Path dockerConfig,
    List<Path> helperPath,
    Path cacheDirectory,
    long cacheMaxBytes,
    int parallelDownloads,
    int maxAttempts,
    Duration backoff,
    ProgressListener progress) {

  /** The default timeout: 30 seconds. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  /** The default cache size bound: 10 GiB. */
  public static final long DEFAULT_CACHE_MAX_BYTES = 10L << 30;

  /** Checks the values. */
  public RegistrySettings {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(cacheDirectory, "cacheDirectory");
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(progress, "progress");
    helperPath = List.copyOf(helperPath);
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("registry: the timeout must be positive, not " + timeout);
    }
    if (cacheMaxBytes <= 0 || parallelDownloads <= 0 || maxAttempts <= 0) {
      throw new IllegalArgumentException(
          "registry: the cache size, parallel downloads and attempts must be positive");
    }
  }

  /** A builder with the defaults, reading nothing from the environment. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder whose defaults come from the environment: the layer cache from {@code
   * VIGIL_CACHE_DIR}, else {@code $XDG_CACHE_HOME/vigil/layers}, else {@code
   * ~/.cache/vigil/layers}; Docker's config from {@code $DOCKER_CONFIG/config.json}, else {@code
   * ~/.docker/config.json}; credential helpers from {@code PATH}.
   */
  public static Builder fromEnvironment(Map<String, String> env) {
    String home = env.getOrDefault("HOME", System.getProperty("user.home"));
    Builder builder = new Builder();
    builder.cacheDirectory = LayerCache.defaultDirectory(env, home);
    String dockerDir = env.get("DOCKER_CONFIG");
    builder.dockerConfig =
        (dockerDir != null && !dockerDir.isBlank() ? Path.of(dockerDir) : Path.of(home, ".docker"))
            .resolve("config.json");
    List<Path> path = new ArrayList<>();
    for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isBlank()) {
        path.add(Path.of(dir));
      }
    }
    builder.helperPath = path;
    return builder;
  }

  /** Builds {@link RegistrySettings}; each setter returns the builder. */
  public static final class Builder {
    private Duration timeout = DEFAULT_TIMEOUT;
    private boolean insecure;
    private Path caCertificate;
    private boolean tlsVerify = true;
    private Credential credential;
    private Path dockerConfig;
    private List<Path> helperPath = List.of();
    private Path cacheDirectory = Path.of(System.getProperty("user.home"), ".cache/vigil/layers");
    private long cacheMaxBytes = DEFAULT_CACHE_MAX_BYTES;
    private int parallelDownloads = 3;
    private int maxAttempts = 4;
    private Duration backoff = Duration.ofMillis(500);
    private ProgressListener progress = ProgressListener.NONE;

    private Builder() {}

    /** Sets the connect and read timeout. */
    public Builder timeout(Duration value) {
      timeout = value;
      return this;
    }

    /** Allows plain HTTP to any registry when HTTPS fails. */
    public Builder insecure(boolean value) {
      insecure = value;
      return this;
    }

    /** Trusts the CA certificates of a PEM file too. */
    public Builder caCertificate(Path value) {
      caCertificate = value;
      return this;
    }

    /** Turns TLS certificate and host name verification on or off. */
    public Builder tlsVerify(boolean value) {
      tlsVerify = value;
      return this;
    }

    /** Uses this credential for every registry instead of Docker's config. */
    public Builder credential(Credential value) {
      credential = value;
      return this;
    }

    /** Reads credentials from this Docker {@code config.json}, or from none when null. */
    public Builder dockerConfig(Path value) {
      dockerConfig = value;
      return this;
    }

    /** Searches these directories for {@code docker-credential-*} helpers. */
    public Builder helperPath(List<Path> value) {
      helperPath = value;
      return this;
    }

    /** Keeps downloaded blobs in this directory. */
    public Builder cacheDirectory(Path value) {
      cacheDirectory = value;
      return this;
    }

    /** Trims the cache to this many bytes. */
    public Builder cacheMaxBytes(long value) {
      cacheMaxBytes = value;
      return this;
    }

    /** Downloads at most this many blobs at once. */
    public Builder parallelDownloads(int value) {
      parallelDownloads = value;
      return this;
    }

    /**
     * Tries a failing request at most this many times, waiting {@code backoff} doubled each time.
     */
    public Builder retries(int attempts, Duration firstBackoff) {
      maxAttempts = attempts;
      backoff = firstBackoff;
      return this;
    }

    /** Sets who hears the bytes of each blob download; none by default. */
    public Builder progress(ProgressListener value) {
      progress = value;
      return this;
    }

    /** The settings. */
    public RegistrySettings build() {
      return new RegistrySettings(
          timeout,
          insecure,
          caCertificate,
          tlsVerify,
          credential,
          dockerConfig,
          helperPath,
          cacheDirectory,
          cacheMaxBytes,
          parallelDownloads,
          maxAttempts,
          backoff,
          progress);
    }
  }
}
