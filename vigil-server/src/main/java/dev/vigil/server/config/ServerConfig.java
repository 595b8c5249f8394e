package dev.vigil.server.config;

import dev.vigil.server.fetch.Network;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated server configuration: Clair's keys where they fit, plus a few of Vigil's own.
 *
 * @param mode which services this process runs
 * @param httpListenAddr where the API listens, {@code host:port} (host may be empty)
 * @param introspectionAddr where health and metrics listen, {@code host:port}
 * @param indexer the indexer's settings
 * @param matcher the matcher's settings
 * @param updaters which updaters run and from where
 * @param psk the pre-shared key authentication, when configured
 * @param notifier the notifier's settings, when it runs (notifier mode, or combo with a deliverer)
 * @param warnings what was accepted but deserves a word, one line each
 */
public record ServerConfig(
    Mode mode,
    String httpListenAddr,
    String introspectionAddr,
    Indexer indexer,
    Matcher matcher,
    Updaters updaters,
    Optional<Psk> psk,
    Optional<Notifier> notifier,
    List<String> warnings) {

  /** Copies the warnings. */
  public ServerConfig {
    warnings = List.copyOf(warnings);
  }

  /**
   * The indexer's settings.
   *
   * @param store the store location for {@code Datastores.open}: a JDBC URL or an SQLite path
   * @param fetchTimeout the longest a layer download may take
   * @param layerCache the layer store directory (fetched and uploaded layers), or null for the
   *     CLI's default ({@code VIGIL_CACHE_DIR}, else the user's cache directory)
   * @param maxRuns how many index runs may go on at once ({@code
   *     index_report_request_concurrency}); negative for no limit
   * @param denyPrivate whether layer URIs resolving to private or loopback addresses are refused
   * @param allowedNetworks networks allowed even when {@code denyPrivate}
   * @param uploadMaxBytes the largest layer blob a client may upload
   */
  public record Indexer(
      String store,
      Duration fetchTimeout,
      Path layerCache,
      int maxRuns,
      boolean denyPrivate,
      List<Network> allowedNetworks,
      long uploadMaxBytes) {

    /** Copies the networks. */
    public Indexer {
      allowedNetworks = List.copyOf(allowedNetworks);
    }
  }

  /**
   * The matcher's settings.
   *
   * @param store the store location for {@code Datastores.open}
   * @param indexerAddr the remote indexer's base URL (matcher mode only), else null
   * @param period how often the updaters run
   * @param disableUpdaters true when vulnerability data arrives by other means
   * @param updateRetention how many update operations per updater garbage collection keeps; 0 turns
   *     garbage collection off
   * @param cacheAge how long clients may cache a vulnerability report
   */
  public record Matcher(
      String store,
      URI indexerAddr,
      Duration period,
      boolean disableUpdaters,
      int updateRetention,
      Duration cacheAge) {}

  /**
   * Which updaters run, and where each reads its feed.
   *
   * @param sets the updater names to run; empty for all
   * @param sources a source URL by updater name, replacing the upstream one
   */
  public record Updaters(List<String> sets, Map<String, URI> sources) {

    /** Copies the lists. */
    public Updaters {
      sets = List.copyOf(sets);
      sources = Map.copyOf(sources);
    }
  }

  /**
   * Clair's PSK authentication: HS256 JWTs signed with a shared key.
   *
   * @param key the shared key (decoded from the configuration's base64)
   * @param issuers the accepted {@code iss} claims
   */
  public record Psk(byte[] key, List<String> issuers) {

    /** Copies the key and issuers. */
    public Psk {
      key = key.clone();
      issuers = List.copyOf(issuers);
    }

    /** A copy of the shared key. */
    @Override
    public byte[] key() {
      return key.clone();
    }
  }

  /**
   * The notifier's settings.
   *
   * @param store where notification sets are kept, for {@code Datastores.open}
   * @param pollInterval how often new update operations are looked for and due sets delivered
   * @param deliveryInterval how long an unacknowledged set waits before it is delivered again
   * @param expireAfter how old a set may grow before it expires unacknowledged
   * @param summary true to keep, per manifest and reason, only the most severe vulnerability
   * @param destination where notifications are delivered
   */
  public record Notifier(
      String store,
      Duration pollInterval,
      Duration deliveryInterval,
      Duration expireAfter,
      boolean summary,
      Destination destination) {}

  /** Where the notifier delivers: one of Clair's deliverers. */
  public sealed interface Destination permits Webhook, Amqp, Stomp {}

  /**
   * Clair's webhook deliverer.
   *
   * @param target where the notification is POSTed
   * @param callback the base URL of the notification API; the set's id is appended
   * @param headers extra request headers
   * @param signed whether to sign with the PSK (requires {@code auth.psk})
   */
  public record Webhook(URI target, URI callback, Map<String, List<String>> headers, boolean signed)
      implements Destination {

    /** Copies the headers. */
    public Webhook {
      headers = Map.copyOf(headers);
    }
  }

  /**
   * Clair's AMQP 0.9.1 deliverer.
   *
   * @param uris the brokers, tried in order ({@code amqp://user:pass@host:port/vhost})
   * @param exchange the exchange published to ({@code ""} for the default exchange)
   * @param routingKey the routing key of every message
   * @param direct true to publish the notifications themselves, else a callback message
   * @param rollup how many notifications one direct message holds
   * @param callback the base URL of the notification API (callback mode)
   */
  public record Amqp(
      List<URI> uris, String exchange, String routingKey, boolean direct, int rollup, URI callback)
      implements Destination {

    /** Copies the URIs. */
    public Amqp {
      uris = List.copyOf(uris);
    }
  }

  /**
   * Clair's STOMP 1.2 deliverer.
   *
   * @param uris the brokers, tried in order ({@code host:port})
   * @param login the login, or empty
   * @param passcode the passcode, or empty
   * @param destination the destination messages are sent to
   * @param direct true to send the notifications themselves, else a callback message
   * @param rollup how many notifications one direct message holds
   * @param callback the base URL of the notification API (callback mode)
   */
  public record Stomp(
      List<String> uris,
      String login,
      String passcode,
      String destination,
      boolean direct,
      int rollup,
      URI callback)
      implements Destination {

    /** Copies the URIs. */
    public Stomp {
      uris = List.copyOf(uris);
    }
  }
}
