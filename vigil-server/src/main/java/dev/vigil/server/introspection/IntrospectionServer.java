package dev.vigil.server.introspection;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.BooleanSupplier;

/**
 * The introspection listener (Clair's {@code introspection_addr}, :8089 by default): {@code
 * /healthz} answers while the process runs, {@code /readyz} only once the server can give complete
 * answers (the first vulnerability update has completed), and {@code /metrics} serves Prometheus
 * metrics.
 */
public final class IntrospectionServer implements AutoCloseable {
  /** Liveness. */
  public static final String HEALTHZ = "/healthz";

  /** Readiness. */
  public static final String READYZ = "/readyz";

  /** Prometheus metrics. */
  public static final String METRICS = "/metrics";

  private static final String PROMETHEUS_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final Javalin app;

  /** A server answering from {@code ready} and {@code registry}; call {@link #start} to listen. */
  public IntrospectionServer(BooleanSupplier ready, PrometheusMeterRegistry registry) {
    this.app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.routes.get(HEALTHZ, ctx -> ctx.result("ok"));
              config.routes.get(
                  READYZ,
                  ctx -> {
                    boolean isReady = ready.getAsBoolean();
                    ctx.status(isReady ? 200 : 503)
                        .result(
                            isReady
                                ? "ready"
                                : "not ready: the first vulnerability update is running");
                  });
              config.routes.get(
                  METRICS, ctx -> ctx.contentType(PROMETHEUS_TYPE).result(registry.scrape()));
            });
  }

  /** Starts listening on {@code host} (empty for every interface) and {@code port}. */
  public void start(String host, int port) {
    app.start(host.isEmpty() ? "0.0.0.0" : host, port);
  }

  /** The port listened on. */
  public int port() {
    return app.port();
  }

  /** Stops listening. */
  @Override
  public void close() {
    app.stop();
  }
}
