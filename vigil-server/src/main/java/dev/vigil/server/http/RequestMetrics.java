package dev.vigil.server.http;

import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records each API request in {@code vigil_http_requests} (by method, route template and status)
 * and logs it at debug level.
 */
public final class RequestMetrics implements RequestLogger {
  private static final Logger LOG = LoggerFactory.getLogger(RequestMetrics.class);

  private final MeterRegistry registry;

  /** Metrics recorded into {@code registry}. */
  public RequestMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void handle(Context ctx, Float millis) {
    String route;
    try {
      route = ctx.endpoint().path;
    } catch (RuntimeException e) {
      route = "unmatched";
    }
    Timer.builder("vigil_http_requests")
        .description("API requests by method, route and status")
        .tag("method", ctx.method().name())
        .tag("route", route)
        .tag("status", Integer.toString(ctx.status().getCode()))
        .register(registry)
        .record((long) (millis * 1_000_000), TimeUnit.NANOSECONDS);
    LOG.atDebug()
        .setMessage("handled HTTP request")
        .addKeyValue("method", ctx.method())
        .addKeyValue("path", ctx.path())
        .addKeyValue("status", ctx.status().getCode())
        .addKeyValue("millis", millis)
        .log();
  }
}
