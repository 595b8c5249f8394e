package dev.vigil.server;

import dev.vigil.server.config.ConfigLoader;
import dev.vigil.server.config.Mode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** A {@link VigilServer} on free loopback ports, started from YAML, with an HTTP client. */
final class RunningServer implements AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final VigilServer server;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  private RunningServer(VigilServer server) {
    this.server = server;
  }

  /** Starts a server of {@code mode} configured by {@code yaml} (listen addresses are added). */
  static RunningServer start(Mode mode, Path dir, String yaml) throws IOException {
    return start(mode, dir, yaml, 0);
  }

  /** Starts a server of {@code mode} whose API listens on {@code apiPort} (0 for any). */
  static RunningServer start(Mode mode, Path dir, String yaml, int apiPort) throws IOException {
    Path file = Files.createTempFile(dir, "vigil", ".yaml");
    Files.writeString(
        file,
        "http_listen_addr: 127.0.0.1:" + apiPort + "\nintrospection_addr: 127.0.0.1:0\n" + yaml);
    return new RunningServer(VigilServer.start(ConfigLoader.load(mode, file, Map.of())));
  }

  /**
   * Starts an indexer on SQLite in {@code dir}, its layer store there too and no updaters; {@code
   * indexerKeys} adds lines to the {@code indexer:} section (each starting with two spaces).
   */
  static RunningServer indexer(Path dir, String indexerKeys) throws IOException {
    return indexer(dir, dir.resolve("vigil.db").toString(), indexerKeys);
  }

  /** Starts an indexer on the database {@code connstring}, its layer store in {@code dir}. */
  static RunningServer indexer(Path dir, String connstring, String indexerKeys) throws IOException {
    return start(
        Mode.INDEXER,
        dir,
        "indexer:\n  layer_cache: \""
            + dir.resolve("layers")
            + "\"\n  connstring: \""
            + connstring
            + "\"\n"
            + indexerKeys
            + "updaters:\n  sets: []\n");
  }

  /**
   * Starts a combo server on SQLite in {@code dir} without updaters; {@code yaml} adds top-level
   * sections.
   */
  static RunningServer comboWithoutUpdaters(Path dir, String yaml) throws IOException {
    return start(
        Mode.COMBO,
        dir,
        "indexer:\n  layer_cache: \""
            + dir.resolve("layers")
            + "\"\n  connstring: \""
            + dir.resolve("vigil.db")
            + "\"\nmatcher:\n  disable_updaters: true\n"
            + yaml);
  }

  /** Sends a request to the API listener; {@code headers} alternate names and values. */
  HttpResponse<String> send(String method, String path, String body, String... headers)
      throws IOException, InterruptedException {
    return send(URI.create("http://127.0.0.1:" + server.apiPort() + path), method, body, headers);
  }

  /** The API listener's base URL. */
  String apiUrl() {
    return "http://127.0.0.1:" + server.apiPort();
  }

  /** Sends a GET to the introspection listener. */
  HttpResponse<String> introspect(String path) throws IOException, InterruptedException {
    return send(URI.create("http://127.0.0.1:" + server.introspectionPort() + path), "GET", null);
  }

  /** Polls {@code /readyz} until it answers 200, failing after a minute. */
  void awaitReady() throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(TIMEOUT);
    while (introspect("/readyz").statusCode() != 200) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("server not ready within " + TIMEOUT);
      }
      Thread.sleep(100);
    }
  }

  private HttpResponse<String> send(URI uri, String method, String body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(TIMEOUT)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    server.close();
  }
}
