package dev.vigil.server;

import com.sun.net.httpserver.HttpServer;
import dev.vigil.model.Digest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A loopback HTTP server for layer blobs, as a registry or object store serves them: {@code GET
 * /blobs/<digest>} or any registered path. It records the {@code Authorization} headers it saw and
 * can demand one.
 */
public final class BlobServer implements AutoCloseable {
  private final HttpServer server;
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private volatile String requiredAuthorization;
  private volatile CountDownLatch gate = new CountDownLatch(0);

  public BlobServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String auth = exchange.getRequestHeaders().getFirst("Authorization");
          authorizations.add(auth == null ? "" : auth);
          awaitGate();
          byte[] body = files.get(exchange.getRequestURI().getPath());
          int status = body == null ? 404 : 200;
          if (requiredAuthorization != null && !requiredAuthorization.equals(auth)) {
            status = 401;
          }
          exchange.sendResponseHeaders(status, status == 200 ? body.length : -1);
          if (status == 200) {
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          }
          exchange.close();
        });
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  /** Holds every response until {@code open} counts down (for a minute at most). */
  public void holdUntil(CountDownLatch open) {
    gate = open;
  }

  private void awaitGate() {
    try {
      gate.await(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Serves {@code bytes} at {@code /blobs/<their sha256>} and returns that URI. */
  public URI blob(byte[] bytes) {
    return serve("/blobs/" + Digest.sha256(bytes), bytes);
  }

  /** Serves {@code bytes} at {@code path} and returns its URI. */
  public URI serve(String path, byte[] bytes) {
    files.put(path, bytes);
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  /** Answers 401 to requests without exactly this {@code Authorization} value. */
  public void requireAuthorization(String value) {
    requiredAuthorization = value;
  }

  /** The {@code Authorization} values requests carried ({@code ""} when none). */
  public List<String> authorizations() {
    return List.copyOf(authorizations);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
