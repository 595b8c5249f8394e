package dev.vigil.server.config;

import dev.vigil.ecosystem.Defaults;
import dev.vigil.server.fetch.Network;
import dev.vigil.spi.UpdaterFactory;
import dev.vigil.store.Datastores;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Binds and validates the configuration tree, with Clair's defaults. */
final class ConfigBinder {
  /** Clair's default API address. */
  static final String DEFAULT_HTTP_ADDR = ":6060";

  /** Clair's default introspection address. */
  static final String DEFAULT_INTROSPECTION_ADDR = ":8089";

  private static final Duration DEFAULT_PERIOD = Duration.ofHours(6);
  private static final Duration DEFAULT_FETCH_TIMEOUT = Duration.ofMinutes(10);
  private static final int DEFAULT_UPDATE_RETENTION = 10;
  private static final int DEFAULT_RUNS_PER_CORE = 2;
  private static final Duration DEFAULT_POLL = Duration.ofSeconds(5);
  private static final Duration DEFAULT_DELIVERY = Duration.ofMinutes(5);
  private static final Duration DEFAULT_EXPIRY = Duration.ofDays(7);
  private static final long DEFAULT_UPLOAD_MAX_BYTES = 8L << 30;
  private static final Pattern ADDRESS = Pattern.compile("(\\[[0-9a-fA-F:]+]|[^:\\s]*):(\\d{1,5})");

  private final Mode mode;
  private final Section root;
  private final List<String> warnings = new ArrayList<>();

  ConfigBinder(Mode mode, Section root) {
    this.mode = mode;
    this.root = root;
  }

  ServerConfig bind() {
    root.checkKeys(
        Set.of(
            "http_listen_addr",
            "introspection_addr",
            "indexer",
            "matcher",
            "updaters",
            "auth",
            "notifier"),
        Set.of("log_level", "trace", "metrics", "matchers"),
        warnings);
    String http = address(root, "http_listen_addr", DEFAULT_HTTP_ADDR);
    String introspection = address(root, "introspection_addr", DEFAULT_INTROSPECTION_ADDR);
    Section indexerSection = root.section("indexer");
    Section matcherSection = root.section("matcher");
    String indexerConn = indexerSection.string("connstring", "").trim();
    String matcherConn = matcherSection.string("connstring", "").trim();
    if (mode == Mode.COMBO && indexerConn.isEmpty() != matcherConn.isEmpty()) {
      // one database named for both services of a combo process
      String shared = indexerConn.isEmpty() ? matcherConn : indexerConn;
      indexerConn = shared;
      matcherConn = shared;
    }
    ServerConfig.Indexer indexer = indexer(indexerSection, indexerConn);
    ServerConfig.Matcher matcher = matcher(matcherSection, matcherConn);
    ServerConfig.Updaters updaters = updaters(root.section("updaters"));
    Optional<ServerConfig.Psk> psk = auth(root.section("auth"));
    Optional<ServerConfig.Notifier> notifier = notifier(root.section("notifier"), matcher, psk);
    return new ServerConfig(
        mode, http, introspection, indexer, matcher, updaters, psk, notifier, warnings);
  }

  /**
   * The notifier's settings: required in notifier mode, used in combo mode when a deliverer is
   * configured, else ignored.
   */
  private Optional<ServerConfig.Notifier> notifier(
      Section s, ServerConfig.Matcher matcher, Optional<ServerConfig.Psk> psk) {
    s.checkKeys(
        Set.of(
            "connstring",
            "poll_interval",
            "delivery_interval",
            "expire_after",
            "summary",
            "webhook",
            "amqp",
            "stomp"),
        Set.of("migrations", "indexer_addr", "matcher_addr", "disable_summary"),
        warnings);
    List<String> destinations = Stream.of("webhook", "amqp", "stomp").filter(s::has).toList();
    if (destinations.size() > 1) {
      throw new ConfigException(
          "config: notifier configures " + destinations + ": choose one deliverer");
    }
    if (destinations.isEmpty()) {
      if (mode == Mode.NOTIFIER) {
        throw new ConfigException(
            "config: notifier mode needs a deliverer: "
                + s.key("webhook")
                + ", "
                + s.key("amqp")
                + " or "
                + s.key("stomp"));
      }
      return Optional.empty();
    }
    if (mode != Mode.NOTIFIER && mode != Mode.COMBO) {
      warnings.add(
          "config: " + s.key(destinations.get(0)) + " is used in combo and notifier modes only");
      return Optional.empty();
    }
    String connstring = s.string("connstring", "").trim();
    Duration poll = positive(s, "poll_interval", s.duration("poll_interval", DEFAULT_POLL));
    Duration delivery =
        positive(s, "delivery_interval", s.duration("delivery_interval", DEFAULT_DELIVERY));
    Duration expire = positive(s, "expire_after", s.duration("expire_after", DEFAULT_EXPIRY));
    ServerConfig.Destination destination =
        switch (destinations.get(0)) {
          case "webhook" -> webhook(s.section("webhook"), psk);
          case "amqp" -> amqp(s.section("amqp"));
          default -> stomp(s.section("stomp"));
        };
    return Optional.of(
        new ServerConfig.Notifier(
            connstring.isEmpty() ? matcher.store() : store(s, connstring),
            poll,
            delivery,
            expire,
            s.bool("summary"),
            destination));
  }

  private ServerConfig.Webhook webhook(Section hook, Optional<ServerConfig.Psk> psk) {
    hook.checkKeys(Set.of("target", "callback", "headers", "signed"), Set.of(), warnings);
    URI target = httpUrl(hook.key("target"), hook.string("target", "").trim());
    Map<String, List<String>> headers = new LinkedHashMap<>();
    Section headerSection = hook.section("headers");
    for (String name : headerSection.keys()) {
      headers.put(name, headerSection.strings(name));
    }
    boolean signed = hook.bool("signed");
    if (signed && psk.isEmpty()) {
      throw new ConfigException(
          "config: " + hook.key("signed") + " needs auth.psk, whose key signs the webhook");
    }
    return new ServerConfig.Webhook(target, callback(hook, false), headers, signed);
  }

  private ServerConfig.Amqp amqp(Section s) {
    s.checkKeys(
        Set.of("uris", "exchange", "routing_key", "direct", "rollup", "callback"),
        Set.of("tls"),
        warnings);
    List<URI> uris = new ArrayList<>();
    for (String uri : required(s, "uris")) {
      URI parsed = URI.create(uri);
      if (!"amqp".equals(parsed.getScheme()) || parsed.getHost() == null) {
        throw new ConfigException("config: " + s.key("uris") + ": '" + uri + "' is not amqp://");
      }
      uris.add(parsed);
    }
    Section exchange = s.section("exchange");
    exchange.checkKeys(Set.of("name"), Set.of("type", "durable", "auto_delete"), warnings);
    boolean direct = s.bool("direct");
    return new ServerConfig.Amqp(
        uris,
        exchange.string("name", ""),
        s.string("routing_key", ""),
        direct,
        rollup(s),
        callback(s, direct));
  }

  private ServerConfig.Stomp stomp(Section s) {
    s.checkKeys(
        Set.of("uris", "destination", "direct", "rollup", "callback", "user"),
        Set.of("tls"),
        warnings);
    Section user = s.section("user");
    user.checkKeys(Set.of("login", "passcode"), Set.of(), warnings);
    String destination = s.string("destination", "").trim();
    if (destination.isEmpty()) {
      throw new ConfigException("config: " + s.key("destination") + " is required");
    }
    boolean direct = s.bool("direct");
    return new ServerConfig.Stomp(
        required(s, "uris"),
        user.string("login", ""),
        user.string("passcode", ""),
        destination,
        direct,
        rollup(s),
        callback(s, direct));
  }

  private static List<String> required(Section s, String key) {
    List<String> values = s.strings(key);
    if (values.isEmpty()) {
      throw new ConfigException("config: " + s.key(key) + " is required");
    }
    return values;
  }

  private static int rollup(Section s) {
    int rollup = s.integer("rollup", 1);
    if (rollup < 1) {
      throw new ConfigException("config: " + s.key("rollup") + " must be at least 1");
    }
    return rollup;
  }

  /** The callback base URL; optional only for a direct deliverer. */
  private static URI callback(Section s, boolean direct) {
    String text = s.string("callback", "").trim();
    return text.isEmpty() && direct ? null : httpUrl(s.key("callback"), text);
  }

  private ServerConfig.Indexer indexer(Section s, String connstring) {
    s.checkKeys(
        Set.of(
            "connstring",
            "fetch_timeout",
            "layer_cache",
            "index_report_request_concurrency",
            "deny_private",
            "allowed_networks",
            "upload_max_bytes"),
        Set.of("scanlock_retry", "layer_scan_concurrency", "migrations", "scanner", "airgap"),
        warnings);
    Duration timeout =
        positive(s, "fetch_timeout", s.duration("fetch_timeout", DEFAULT_FETCH_TIMEOUT));
    String cache = s.string("layer_cache", "");
    int runs = s.integer("index_report_request_concurrency", 0);
    List<Network> allowed = new ArrayList<>();
    for (String network : s.strings("allowed_networks")) {
      try {
        allowed.add(Network.parse(network));
      } catch (IllegalArgumentException e) {
        throw new ConfigException("config: " + s.key("allowed_networks") + ": " + e.getMessage());
      }
    }
    long uploadMax = s.longInteger("upload_max_bytes", DEFAULT_UPLOAD_MAX_BYTES);
    if (uploadMax <= 0) {
      throw new ConfigException("config: " + s.key("upload_max_bytes") + " must be positive");
    }
    return new ServerConfig.Indexer(
        store(s, connstring),
        timeout,
        cache.isBlank() ? null : Path.of(cache),
        runs == 0 ? DEFAULT_RUNS_PER_CORE * Runtime.getRuntime().availableProcessors() : runs,
        s.bool("deny_private"),
        allowed,
        uploadMax);
  }

  private ServerConfig.Matcher matcher(Section s, String connstring) {
    s.checkKeys(
        Set.of(
            "connstring",
            "indexer_addr",
            "period",
            "disable_updaters",
            "update_retention",
            "cache_age"),
        Set.of("migrations", "max_conn_pool", "disable_enrichment"),
        warnings);
    URI indexerAddr = null;
    if (mode == Mode.MATCHER) {
      String text = s.string("indexer_addr", "").trim();
      if (text.isEmpty()) {
        throw new ConfigException(
            "config: "
                + s.key("indexer_addr")
                + " is required in matcher mode (the indexer's URL)");
      }
      indexerAddr = httpUrl(s.key("indexer_addr"), text);
    }
    Duration period = positive(s, "period", s.duration("period", DEFAULT_PERIOD));
    Duration cacheAge = s.duration("cache_age", period);
    int retention = s.integer("update_retention", 0);
    if (retention < 0) {
      warnings.add(
          "config: " + s.key("update_retention") + " is negative: garbage collection is off");
      retention = 0;
    } else if (retention < 2) {
      retention = DEFAULT_UPDATE_RETENTION;
    }
    boolean disabled = s.bool("disable_updaters");
    return new ServerConfig.Matcher(
        store(s, connstring), indexerAddr, period, disabled, retention, cacheAge);
  }

  private ServerConfig.Updaters updaters(Section s) {
    s.checkKeys(Set.of("sets", "config"), Set.of("filter"), warnings);
    Map<String, UpdaterFactory> known = new LinkedHashMap<>();
    Defaults.updaterFactories().forEach(f -> known.put(f.name(), f));
    List<String> sets = s.strings("sets");
    for (String name : sets) {
      requireKnown(known, s.key("sets"), name);
    }
    Map<String, URI> sources = new LinkedHashMap<>();
    Section config = s.section("config");
    for (String name : config.keys()) {
      requireKnown(known, config.key(name), name);
      Section updater = config.section(name);
      updater.checkKeys(Set.of("url"), Set.of(), warnings);
      String url = updater.string("url", "").trim();
      if (!url.isEmpty()) {
        sources.put(name, source(updater.key("url"), url));
      }
    }
    return new ServerConfig.Updaters(sets, sources);
  }

  private Optional<ServerConfig.Psk> auth(Section s) {
    s.checkKeys(Set.of("psk"), Set.of(), warnings);
    if (!s.has("psk")) {
      return Optional.empty();
    }
    Section psk = s.section("psk");
    psk.checkKeys(Set.of("key", "iss"), Set.of(), warnings);
    String encoded = psk.string("key", "").trim();
    if (encoded.isEmpty()) {
      throw new ConfigException("config: " + psk.key("key") + " is required (base64)");
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("config: " + psk.key("key") + " is not valid base64");
    }
    if (key.length < 32) {
      throw new ConfigException(
          "config: " + psk.key("key") + " must decode to at least 32 bytes for HS256");
    }
    List<String> issuers = psk.strings("iss");
    if (issuers.isEmpty()) {
      throw new ConfigException("config: " + psk.key("iss") + " must list at least one issuer");
    }
    return Optional.of(new ServerConfig.Psk(key, issuers));
  }

  private static String store(Section s, String connstring) {
    return connstring.isEmpty()
        ? Datastores.defaultSqlitePath().toString()
        : ConnStrings.toLocation(s.key("connstring"), connstring);
  }

  private static String address(Section s, String key, String fallback) {
    String text = s.string(key, fallback).trim();
    var m = ADDRESS.matcher(text);
    if (!m.matches() || Integer.parseInt(m.group(2)) > 65535) {
      throw new ConfigException(
          "config: "
              + s.key(key)
              + ": '"
              + text
              + "' is not an address such as :6060 or"
              + " 127.0.0.1:6060");
    }
    return text;
  }

  private static Duration positive(Section s, String key, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new ConfigException("config: " + s.key(key) + " must be longer than zero");
    }
    return value;
  }

  private static URI httpUrl(String key, String text) {
    URI uri = source(key, text);
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
        || uri.getHost() == null) {
      throw new ConfigException("config: " + key + ": '" + text + "' is not an http(s) URL");
    }
    return uri;
  }

  private static URI source(String key, String text) {
    try {
      URI uri = URI.create(text.endsWith("/") ? text : text + "/");
      if (uri.getScheme() == null) {
        throw new ConfigException("config: " + key + ": '" + text + "' is not a URL");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new ConfigException("config: " + key + ": '" + text + "' is not a URL");
    }
  }

  private static void requireKnown(Map<String, UpdaterFactory> known, String key, String name) {
    if (!known.containsKey(name)) {
      throw new ConfigException(
          "config: "
              + key
              + ": unknown updater '"
              + name
              + "' (known: "
              + String.join(", ", known.keySet())
              + ")");
    }
  }
}
