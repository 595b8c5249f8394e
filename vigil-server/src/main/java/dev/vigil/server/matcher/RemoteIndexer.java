package dev.vigil.server.matcher;

import dev.vigil.model.Digest;
import dev.vigil.model.IndexReport;
import dev.vigil.model.Json;
import dev.vigil.server.http.ApiPaths;
import dev.vigil.server.indexer.IndexReportLookup;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Asks a remote indexer for index reports, as a matcher-mode Clair does.
 *
 * <p>Thread-safe.
 */
public final class RemoteIndexer implements IndexReportLookup {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient client;
  private final URI base;
  private final Supplier<Optional<String>> authorization;

  /**
   * A client of the indexer at {@code base}.
   *
   * @param authorization the {@code Authorization} header value for each request, if any
   */
  public RemoteIndexer(URI base, Supplier<Optional<String>> authorization) {
    this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    this.base = base;
    this.authorization = authorization;
  }

  @Override
  public Optional<IndexReport> indexReport(Digest manifest) throws IOException {
    String path = ApiPaths.INDEX_REPORT_ONE.replace("{digest}", manifest.toString());
    URI uri = base.resolve(path.substring(1));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json").GET();
    authorization.get().ifPresent(value -> request.header("Authorization", value));
    HttpResponse<byte[]> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("indexer client: interrupted asking " + uri);
    } catch (IOException e) {
      throw new IOException("indexer client: GET " + uri + ": " + e, e);
    }
    return switch (response.statusCode()) {
      case 200 -> Optional.of(Json.mapper().readValue(response.body(), IndexReport.class));
      case 404 -> Optional.empty();
      default ->
          throw new IOException("indexer client: GET " + uri + ": HTTP " + response.statusCode());
    };
  }
}
