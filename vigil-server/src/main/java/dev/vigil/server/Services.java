package dev.vigil.server;

import dev.vigil.datastore.Datastore;
import dev.vigil.datastore.NotificationStore;
import dev.vigil.ecosystem.Defaults;
import dev.vigil.feed.FeedClient;
import dev.vigil.indexer.Indexer;
import dev.vigil.matcher.MatcherEngine;
import dev.vigil.registry.LayerCache;
import dev.vigil.registry.RegistrySettings;
import dev.vigil.server.auth.PskAuthenticator;
import dev.vigil.server.config.ServerConfig;
import dev.vigil.server.fetch.AddressGuard;
import dev.vigil.server.fetch.GuardedLayerFetcher;
import dev.vigil.server.indexer.AffectedManifests;
import dev.vigil.server.indexer.IndexReportLookup;
import dev.vigil.server.indexer.IndexerService;
import dev.vigil.server.matcher.MatcherService;
import dev.vigil.server.matcher.RemoteIndexer;
import dev.vigil.server.matcher.UpdateScheduler;
import dev.vigil.server.notifier.AmqpDeliverer;
import dev.vigil.server.notifier.Deliverer;
import dev.vigil.server.notifier.NotificationDelivery;
import dev.vigil.server.notifier.NotificationProcessor;
import dev.vigil.server.notifier.Notifier;
import dev.vigil.server.notifier.StompDeliverer;
import dev.vigil.server.notifier.WebhookDeliverer;
import dev.vigil.spi.Updater;
import dev.vigil.spi.UpdaterFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import okhttp3.EventListener;

/**
 * The services one mode runs, built from the configuration: Clair's {@code initialize/services.go}.
 *
 * @param indexer the local indexer, null unless the mode runs one
 * @param affected the affected-manifest finder over the indexer's store, null without indexer
 * @param legacyStore the store of v1 layers (combo mode), else null
 * @param matcher the matcher, null unless the mode runs one
 * @param reports where the matcher reads index reports, null without matcher
 * @param scheduler the updater schedule, null when updaters are off or there is no matcher
 * @param ready true once the server can give complete answers
 * @param notifications the notification sets, null unless the notifier runs
 * @param notifier the notifier, null unless it runs
 */
record Services(
    IndexerService indexer,
    AffectedManifests affected,
    Datastore legacyStore,
    MatcherService matcher,
    IndexReportLookup reports,
    UpdateScheduler scheduler,
    BooleanSupplier ready,
    NotificationStore notifications,
    Notifier notifier) {
  private static final Duration FEED_TIMEOUT = Duration.ofSeconds(60);

  /**
   * The indexer's layer fetcher: guarded by the address rules, into the layer store ({@code
   * indexer.layer_cache}, else the CLI's cache directory from the environment).
   */
  private static GuardedLayerFetcher layerFetcher(ServerConfig.Indexer config) {
    Path directory =
        config.layerCache() != null
            ? config.layerCache()
            : LayerCache.defaultDirectory(System.getenv(), System.getProperty("user.home"));
    return new GuardedLayerFetcher(
        new LayerCache(directory, RegistrySettings.DEFAULT_CACHE_MAX_BYTES),
        new AddressGuard(config.denyPrivate(), config.allowedNetworks()),
        config.fetchTimeout(),
        EventListener.NONE);
  }

  /** Builds the services of {@code config.mode()}, opening stores through {@code stores}. */
  static Services build(ServerConfig config, Stores stores, Optional<PskAuthenticator> auth) {
    IndexerService indexer = null;
    AffectedManifests affected = null;
    Datastore legacy = null;
    if (config.mode().runsIndexer()) {
      Datastore store = stores.at(config.indexer().store());
      String state =
          IndexerService.state(Defaults.packageScanners(), Defaults.distributionScanners());
      indexer =
          new IndexerService(
              Indexer.withDefaults(),
              layerFetcher(config.indexer()),
              store,
              state,
              config.indexer().maxRuns());
      affected = new AffectedManifests(store, Defaults.matchers());
      legacy = config.mode().runsMatcher() ? store : null;
    }
    Notifier notifier = null;
    NotificationStore notifications = null;
    if (config.notifier().isPresent()) {
      ServerConfig.Notifier settings = config.notifier().get();
      Datastore store = stores.at(settings.store());
      notifications = store;
      AffectedManifests finder =
          affected != null
              ? affected
              : new AffectedManifests(stores.at(config.indexer().store()), Defaults.matchers());
      notifier = notifier(settings, store, stores.at(config.matcher().store()), finder, auth);
    }
    if (!config.mode().runsMatcher()) {
      return new Services(
          indexer, affected, null, null, null, null, () -> true, notifications, notifier);
    }
    Datastore store = stores.at(config.matcher().store());
    IndexReportLookup reports =
        indexer != null
            ? indexer
            : new RemoteIndexer(
                config.matcher().indexerAddr(),
                () -> auth.map(PskAuthenticator::intraserviceAuthorization));
    UpdateScheduler scheduler = null;
    if (!config.matcher().disableUpdaters()) {
      scheduler =
          new UpdateScheduler(
              updaters(config.updaters()),
              store,
              config.matcher().period(),
              config.matcher().updateRetention());
    }
    UpdateScheduler schedule = scheduler;
    boolean hadData = !store.updateOperations().isEmpty();
    BooleanSupplier settled = () -> schedule == null || hadData || schedule.firstRunDone();
    MatcherService matcher =
        new MatcherService(
            new MatcherEngine(Defaults.matchers(), Defaults.enrichers(), store), store, settled);
    return new Services(
        indexer, affected, legacy, matcher, reports, scheduler, settled, notifications, notifier);
  }

  /** The notifier: sets kept in {@code store}, diffs read from {@code vulnerabilities}. */
  private static Notifier notifier(
      ServerConfig.Notifier settings,
      Datastore store,
      Datastore vulnerabilities,
      AffectedManifests affected,
      Optional<PskAuthenticator> auth) {
    Deliverer deliverer = deliverer(settings.destination(), store, auth);
    Clock clock = Clock.systemUTC();
    return new Notifier(
        store,
        new NotificationProcessor(vulnerabilities, affected, store, settings.summary(), clock),
        new NotificationDelivery(
            store, deliverer, settings.deliveryInterval(), settings.expireAfter(), clock),
        settings.pollInterval());
  }

  private static Deliverer deliverer(
      ServerConfig.Destination destination,
      NotificationStore store,
      Optional<PskAuthenticator> auth) {
    if (destination instanceof ServerConfig.Amqp amqp) {
      return new AmqpDeliverer(amqp, store);
    }
    if (destination instanceof ServerConfig.Stomp stomp) {
      return new StompDeliverer(stomp, store);
    }
    ServerConfig.Webhook webhook = (ServerConfig.Webhook) destination;
    Optional<Supplier<String>> signer =
        webhook.signed()
            ? auth.map(a -> (Supplier<String>) a::intraserviceAuthorization)
            : Optional.empty();
    return new WebhookDeliverer(webhook, signer);
  }

  private static List<Updater> updaters(ServerConfig.Updaters config) {
    FeedClient client = new FeedClient(FEED_TIMEOUT);
    List<Updater> updaters = new ArrayList<>();
    for (UpdaterFactory factory : Defaults.updaterFactories()) {
      if (config.sets().isEmpty() || config.sets().contains(factory.name())) {
        updaters.add(
            factory.create(
                config.sources().getOrDefault(factory.name(), factory.defaultSource()), client));
      }
    }
    return updaters;
  }
}
