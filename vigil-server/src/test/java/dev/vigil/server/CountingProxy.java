package dev.vigil.server;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP front for a real registry that forwards every GET and counts the requests per
 * path, to prove how often the server fetched each blob.
 */
final class CountingProxy implements AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final HttpServer server;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

  /** A front for {@code upstream}, e.g. {@code http://127.0.0.1:5000}. */
  CountingProxy(String upstream) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getRawPath();
          counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
          try {
            HttpResponse<InputStream> response =
                client.send(
                    HttpRequest.newBuilder(URI.create(upstream + path)).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            response
                .headers()
                .firstValue("Content-Type")
                .ifPresent(t -> exchange.getResponseHeaders().add("Content-Type", t));
            exchange.sendResponseHeaders(response.statusCode(), 0);
            try (InputStream in = response.body();
                OutputStream out = exchange.getResponseBody()) {
              in.transferTo(out);
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(502, -1);
          } finally {
            exchange.close();
          }
        });
    server.start();
  }

  /** The proxy's base URL. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** How many requests reached {@code path}. */
  int count(String path) {
    AtomicInteger count = counts.get(path);
    return count == null ? 0 : count.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
