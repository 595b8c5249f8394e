package dev.vigil.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback stand-in for the blob storage a registry redirects to (S3, a CDN): serves {@code
 * /blobs/sha256:HEX} from an OCI layout's blob directory and records the headers of each request.
 */
public final class BlobStorage implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final Path blobs;
  private final List<Map<String, List<String>>> received = new CopyOnWriteArrayList<>();

  private BlobStorage(Path ociLayout) throws IOException {
    this.blobs = ociLayout.resolve("blobs");
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(threads);
    server.createContext("/blobs/", this::serve);
    server.start();
  }

  /** Serves the blobs of an OCI image layout. */
  public static BlobStorage start(Path ociLayout) throws IOException {
    return new BlobStorage(ociLayout);
  }

  /** The base URL, e.g. {@code http://127.0.0.1:PORT}. */
  public String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The headers of every request served, in order. */
  public List<Map<String, List<String>>> received() {
    return List.copyOf(received);
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      received.add(Map.copyOf(exchange.getRequestHeaders()));
      String digest = exchange.getRequestURI().getPath().substring("/blobs/".length());
      Path file = blobs.resolve(digest.replace(':', '/'));
      if (!Files.isRegularFile(file)) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      exchange.sendResponseHeaders(200, Files.size(file));
      try (OutputStream out = exchange.getResponseBody()) {
        Files.copy(file, out);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
