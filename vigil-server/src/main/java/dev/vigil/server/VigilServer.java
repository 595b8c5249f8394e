package dev.vigil.server;

import dev.vigil.datastore.Datastore;
import dev.vigil.server.auth.AuthFilter;
import dev.vigil.server.auth.PskAuthenticator;
import dev.vigil.server.config.ListenAddress;
import dev.vigil.server.config.ServerConfig;
import dev.vigil.server.fetch.LayerUploads;
import dev.vigil.server.http.ApiException;
import dev.vigil.server.http.RequestMetrics;
import dev.vigil.server.http.Responses;
import dev.vigil.server.http.v1.LegacyRoutes;
import dev.vigil.server.http.v4.IndexerRoutes;
import dev.vigil.server.http.v4.MatcherRoutes;
import dev.vigil.server.http.v4.NotifierRoutes;
import dev.vigil.server.http.v4.OpenApiRoutes;
import dev.vigil.server.http.v4.UploadRoutes;
import dev.vigil.server.introspection.IntrospectionServer;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpResponseException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Vigil server: the API listener (Clair v4, and in combo mode Clair's legacy v1 API for
 * klar), the introspection listener, and the services of its mode. Closing it stops everything.
 */
public final class VigilServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(VigilServer.class);

  private final Stores stores;
  private final Services services;
  private final Javalin api;
  private final IntrospectionServer introspection;

  private VigilServer(Stores stores, Services services, Javalin api, IntrospectionServer intro) {
    this.stores = stores;
    this.services = services;
    this.api = api;
    this.introspection = intro;
  }

  /**
   * Opens the stores, builds the services and starts listening.
   *
   * @throws dev.vigil.datastore.StoreException when a store cannot be opened
   */
  public static VigilServer start(ServerConfig config) {
    config.warnings().forEach(w -> LOG.warn("configuration warning: {}", w));
    Stores stores = new Stores();
    try {
      Optional<PskAuthenticator> auth =
          config.psk().map(psk -> new PskAuthenticator(psk, Clock.systemUTC()));
      Services services = Services.build(config, stores, auth);
      PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      if (config.mode().runsIndexer()) {
        measure(metrics, "indexer", stores.at(config.indexer().store()));
      }
      if (config.mode().runsMatcher()) {
        measure(metrics, "matcher", stores.at(config.matcher().store()));
      }
      Javalin api = Javalin.create(c -> configure(c, config, services, auth, metrics));
      ListenAddress apiAddress = ListenAddress.parse(config.httpListenAddr());
      api.start(apiAddress.bindHost(), apiAddress.port());
      IntrospectionServer intro = new IntrospectionServer(services.ready(), metrics);
      ListenAddress introAddress = ListenAddress.parse(config.introspectionAddr());
      intro.start(introAddress.bindHost(), introAddress.port());
      if (services.scheduler() != null) {
        services.scheduler().start();
      }
      if (services.notifier() != null) {
        services.notifier().start();
      }
      LOG.atInfo()
          .setMessage("vigil server started")
          .addKeyValue("mode", config.mode())
          .addKeyValue("api", apiAddress.bindHost() + ":" + api.port())
          .addKeyValue("introspection", introAddress.bindHost() + ":" + intro.port())
          .addKeyValue("auth", auth.isPresent() ? "psk" : "none")
          .log();
      return new VigilServer(stores, services, api, intro);
    } catch (RuntimeException e) {
      stores.close();
      throw e;
    }
  }

  /** Reports the size of a service's database as {@code vigil_database_bytes{service=…}}. */
  private static void measure(MeterRegistry metrics, String service, Datastore store) {
    Gauge.builder("vigil_database_bytes", store, Datastore::sizeBytes)
        .description("The size of the database, as the database reports it")
        .baseUnit("bytes")
        .tag("service", service)
        .register(metrics);
  }

  private static void configure(
      JavalinConfig config,
      ServerConfig server,
      Services services,
      Optional<PskAuthenticator> auth,
      PrometheusMeterRegistry metrics) {
    config.startup.showJavalinBanner = false;
    config.startup.showOldJavalinVersionWarning = false;
    config.requestLogger.http(new RequestMetrics(metrics));
    auth.ifPresent(a -> config.routes.before(new AuthFilter(a)));
    new OpenApiRoutes().register(config.routes);
    if (services.indexer() != null) {
      new IndexerRoutes(services.indexer(), services.affected()).register(config.routes);
      LayerUploads uploads =
          new LayerUploads(services.indexer().fetcher().cache(), server.indexer().uploadMaxBytes());
      new UploadRoutes(uploads, metrics).register(config.routes);
    }
    if (services.matcher() != null) {
      new MatcherRoutes(services.matcher(), services.reports(), server.matcher().cacheAge())
          .register(config.routes);
    }
    if (services.notifications() != null) {
      new NotifierRoutes(services.notifications()).register(config.routes);
    }
    if (services.legacyStore() != null) {
      new LegacyRoutes(services.indexer(), services.matcher(), services.legacyStore())
          .register(config.routes);
    }
    config.routes.exception(
        ApiException.class, (e, ctx) -> Responses.error(ctx, e.status(), e.code(), e.getMessage()));
    config.routes.exception(
        HttpResponseException.class,
        (e, ctx) -> {
          if (ctx.path().startsWith("/v1/")) {
            LegacyRoutes.error(ctx, e.getStatus(), e.getMessage());
          } else {
            Responses.error(ctx, e.getStatus(), e.getMessage());
          }
        });
    config.routes.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.warn("request failed: path={} error={}", ctx.path(), e.toString());
          Responses.error(ctx, 500, "internal error: " + e.getMessage());
        });
    config.routes.error(
        404,
        ctx -> {
          if (!Responses.errorWritten(ctx)) {
            Responses.error(ctx, 404, "no such endpoint: " + ctx.method() + " " + ctx.path());
          }
        });
  }

  /** The port the API listens on. */
  public int apiPort() {
    return api.port();
  }

  /** The port the introspection endpoints listen on. */
  public int introspectionPort() {
    return introspection.port();
  }

  /** Stops the listeners and the updaters, then closes the stores. */
  @Override
  public void close() {
    api.stop();
    introspection.close();
    if (services.scheduler() != null) {
      services.scheduler().close();
    }
    if (services.notifier() != null) {
      services.notifier().close();
    }
    stores.close();
  }
}
